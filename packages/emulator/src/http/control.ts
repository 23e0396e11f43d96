/**
 * The emulator's own endpoints under `/__emulator/`, beside the SSM API: `GET stats`,
 * `GET faults` and `PUT`/`POST faults` to change fault injection at run time.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultConfig, FaultInjector } from '../modes/faults';
import type { StatsRecorder } from '../modes/stats';
import { ServiceError } from '../protocol/service-error';
import { readBody, send } from './wire';

/** The path prefix of the control endpoints. */
export const CONTROL_PREFIX = '/__emulator/';
const STATS_PATH = `${CONTROL_PREFIX}stats`;
const FAULTS_PATH = `${CONTROL_PREFIX}faults`;

/** The `/__emulator/` endpoints: read the stats, read or replace the fault configuration. */
export function createControlHandler(
  stats: StatsRecorder,
  faults: FaultInjector,
  maxBodyBytes: number,
): (req: IncomingMessage, res: ServerResponse, requestId: string) => Promise<void> {
  return async (req, res, requestId) => {
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
