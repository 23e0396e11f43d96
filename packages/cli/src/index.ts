/**
 * `@ssm-invocations/cli`: the `ssm-invocations` command, also usable in-process through
 * {@link runCli} (what the bin calls) for embedding and tests.
 */
export { runCli, type RunCliOptions } from './run-cli';
export { ExitCode, UsageError, type ExitCodeValue } from './exit-codes';
export type { CliClient, ConnectionOptions, InvocationsQuery, CallOptions } from './connection';
export type { OutputFormat, OutputStream } from './output-mode';
