/**
 * `@ssm-invocations/core/errors`: the error classes alone (SDK-free), for `instanceof` checks in
 * code that does not otherwise need the client.
 */
export * from './model/errors';
