/**
 * The emulator's own endpoints under `/__emulator/`, beside the SSM API: `GET stats`,
 * `GET faults` and `PUT`/`POST faults` to change fault injection at run time. Anyone who can
 * reach them can make the emulator fail every request, so they answer only on loopback, or to
 * callers that send the control token when one is set.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import type { FaultConfig, FaultInjector } from '../modes/faults';
import type { StatsRecorder } from '../modes/stats';
import { ServiceError } from '../protocol/service-error';
import { readBody, send } from './wire';

/** The path prefix of the control endpoints. */
export const CONTROL_PREFIX = '/__emulator/';
const STATS_PATH = `${CONTROL_PREFIX}stats`;
const FAULTS_PATH = `${CONTROL_PREFIX}faults`;

/** The header that carries the control token. */
export const CONTROL_TOKEN_HEADER = 'x-emulator-control-token';

/** Whether a listen address only takes connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  const v4 = bare.startsWith('::ffff:') ? bare.slice('::ffff:'.length) : bare;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

/** Compares in constant time (over digests, so the lengths do not leak either). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Why a control request is refused, or `undefined` when it may go ahead. */
function refusal(
  req: IncomingMessage,
  host: string,
  token: string | undefined,
): string | undefined {
  if (token === undefined) {
    return isLoopbackHost(host)
      ? undefined
      : `The /__emulator/ routes are off when bound to ${host}: start with --control-token and send it in ${CONTROL_TOKEN_HEADER}`;
  }
  const given = req.headers[CONTROL_TOKEN_HEADER];
  return typeof given === 'string' && sameSecret(given, token)
    ? undefined
    : `The /__emulator/ routes need the control token in ${CONTROL_TOKEN_HEADER}`;
}

/** Who may use the control endpoints: the listen host, and the token when one is set. */
export interface ControlAccess {
  host: string;
  token?: string;
}

/** The `/__emulator/` endpoints: read the stats, read or replace the fault configuration. */
export function createControlHandler(
  stats: StatsRecorder,
  faults: FaultInjector,
  maxBodyBytes: number,
  access: ControlAccess,
): (req: IncomingMessage, res: ServerResponse, requestId: string) => Promise<void> {
  return async (req, res, requestId) => {
    const refused = refusal(req, access.host, access.token);
    if (refused !== undefined) {
      // Not an SSM error (the API itself stays open): a plain 403 that never echoes the token.
      send(
        res,
        403,
        JSON.stringify({ __type: 'AccessDeniedException', message: refused }),
        requestId,
        {
          'content-type': 'application/json',
        },
      );
      return;
    }
    if (req.url === STATS_PATH && req.method === 'GET') {
      send(res, 200, JSON.stringify(stats.snapshot()), requestId, {
        'content-type': 'application/json',
      });
      return;
    }
    if (req.url === FAULTS_PATH && (req.method === 'PUT' || req.method === 'POST')) {
      const body = await readBody(req, maxBodyBytes);
      if (body === 'too-large')
        throw new ServiceError('RequestEntityTooLargeException', 'Fault configuration too large');
      try {
        faults.set(JSON.parse(body.toString('utf8')) as FaultConfig);
      } catch (error) {
        throw new ServiceError(
          'ValidationException',
          `Invalid fault configuration: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      send(res, 200, JSON.stringify(faults.config), requestId, {
        'content-type': 'application/json',
      });
      return;
    }
    if (req.url === FAULTS_PATH && req.method === 'GET') {
      send(res, 200, JSON.stringify(faults.config), requestId, {
        'content-type': 'application/json',
      });
      return;
    }
    throw new ServiceError(
      'UnknownOperationException',
      `No emulator endpoint ${req.method ?? ''} ${req.url ?? ''}`,
    );
  };
}
