import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const requests = new AsyncLocalStorage<{ requestId: string }>();

/** A caller's request id is kept only when it looks like one: it ends up in logs. */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * Express middleware that gives each request an id — the caller's `x-request-id` when it is a
 * plain token, else a new UUID — answers it in `x-request-id` and makes it readable with
 * {@link currentRequestId} for the rest of the request (logs carry it).
 *
 * @example
 * ```ts
 * httpRouter.use(requestIdMiddleware);
 * ```
 */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const given = req.header('x-request-id');
  const requestId = given !== undefined && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', requestId);
  requests.run({ requestId }, next);
}

/**
 * The id of the HTTP request being served, or `undefined` outside one.
 *
 * @example
 * ```ts
 * logger.info('report fetched', { requestId: currentRequestId() });
 * ```
 */
export function currentRequestId(): string | undefined {
  return requests.getStore()?.requestId;
}

/**
 * What every log line about a window carries: which window, for which HTTP request. Ids only,
 * never credentials.
 *
 * @example
 * ```ts
 * logger.info('fetched', windowLogContext({ windowId, accountId, region }));
 * ```
 */
export function windowLogContext(window: {
  windowId: string;
  accountId: string;
  region: string;
}): Record<string, string> {
  const requestId = currentRequestId();
  return {
    windowId: window.windowId,
    accountId: window.accountId,
    region: window.region,
    ...(requestId === undefined ? {} : { requestId }),
  };
}
