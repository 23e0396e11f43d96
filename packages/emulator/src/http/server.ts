/**
 * The HTTP server: AWS JSON 1.1 over plain `node:http`. Every request goes through the same
 * pipeline — size limit, method, content type, SigV4 (optional), `X-Amz-Target`, faults, JSON
 * parsing, the operation — and every answer, error or not, carries `x-amzn-RequestId` and a
 * well-formed JSON body (except the deliberate malformed-body and reset faults).
 */
import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SSM_SERVICE_MODEL } from '../protocol/service-model';
import { FaultInjector, type FaultConfig } from '../modes/faults';
import { accessDeniedError } from '../modes/access-denied';
import type { LiveTick } from '../modes/live-mode';
import { NextTokenCodec } from '../protocol/next-token';
import { OPERATION_HANDLERS, isOperation } from '../protocol/operations';
import { ServiceError } from '../protocol/service-error';
import { CONTROL_PREFIX, createControlHandler } from './control';
import { SigV4Verifier } from './sigv4';
import { isStsRequest, StsEndpoint } from './sts';
import {
  EmulatorOptionsError,
  loadStore,
  startLiveMode,
  type EmulatorOptions,
} from './emulator-options';
import {
  ACCEPTED_CONTENT_TYPES,
  malformedRequestResponse,
  MAX_JSON_NESTING,
  nestsDeeperThan,
  readBody,
  send,
  toWireJson,
  dateAnswersBy,
} from './wire';
import { StatsRecorder, type EmulatorStats } from '../modes/stats';
import type { EmulatorStore } from '../state/store';

/**
 * A running emulator.
 *
 * @example
 * ```ts
 * const emulator = await startEmulator();
 * const ssm = new SSMClient({ endpoint: emulator.url, region: 'us-east-1',
 *   credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
 * await emulator.stop();
 * ```
 */
export interface Emulator {
  /** `http://host:port`, for the SDK's `endpoint`. */
  url: string;
  port: number;
  host: string;
  /** The ground truth the operations answer from. */
  store: EmulatorStore;
  stats(): EmulatorStats;
  resetStats(): void;
  /** Replaces the fault configuration (buckets refill, the fault PRNG restarts). */
  setFaults(config: FaultConfig): void;
  /** Advances live mode by `count` ticks; throws when live mode is off. */
  tick(count?: number): LiveTick;
  /** Closes the server and every open connection; calling it again returns the same promise. */
  stop(): Promise<void>;
}

/** The request body as a JSON object, or the `SerializationException` AWS answers with. */
function parseInput(body: Buffer): Record<string, unknown> {
  let input: unknown = {};
  if (body.length > 0) {
    const text = body.toString('utf8');
    if (nestsDeeperThan(text, MAX_JSON_NESTING)) {
      throw new ServiceError(
        'SerializationException',
        `Request body nests deeper than ${MAX_JSON_NESTING} levels`,
      );
    }
    try {
      input = JSON.parse(text);
    } catch (error) {
      throw new ServiceError('SerializationException', 'Request body is not valid JSON', {
        cause: error,
      });
    }
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ServiceError('SerializationException', 'Request body must be a JSON object');
  }
  return input as Record<string, unknown>;
}

/**
 * Starts an emulator and resolves once it listens.
 *
 * @example
 * ```ts
 * const emulator = await startEmulator({ port: 0, seed: 'demo' });
 * console.log(emulator.url); // http://127.0.0.1:41234
 * ```
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? '127.0.0.1';
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const { store, blueprints } = await loadStore(options);
  if (
    options.controlToken !== undefined &&
    (typeof options.controlToken !== 'string' || options.controlToken.length < 8)
  ) {
    throw new EmulatorOptionsError('controlToken must be a string of at least 8 characters');
  }
  const faults = new FaultInjector(options.faults ?? {});
  // Latency faults wait on these; stop() clears them so that nothing keeps the process alive.
  const delays = new Set<NodeJS.Timeout>();
  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        delays.delete(timer);
        resolve();
      }, ms);
      delays.add(timer);
    });
  const verifier = options.sigv4 ? new SigV4Verifier(options.sigv4) : undefined;
  const sts = new StsEndpoint(options.sts ?? {}, verifier, options.sigv4?.now);
  const codec = new NextTokenCodec();
  const stats = new StatsRecorder();
  const logger = options.logger;
  const live = startLiveMode(options, { store, blueprints });

  const fail = (res: ServerResponse, requestId: string, error: ServiceError, operation: string) => {
    // Errors of the /__emulator/ endpoints are not API traffic and stay out of the stats.
    if (operation !== 'control') stats.error(error.code);
    logger?.warn(`${operation} ${error.status} ${error.code} ${requestId}`);
    send(res, error.status, JSON.stringify(error.toBody()), requestId, error.headers);
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse, requestId: string) => {
    const arrivedAt = performance.now();
    const target = req.headers['x-amz-target'];
    const targetText = Array.isArray(target) ? target.join(',') : target;
    const operationName = targetText?.startsWith(`${SSM_SERVICE_MODEL.targetPrefix}.`)
      ? targetText.slice(SSM_SERVICE_MODEL.targetPrefix.length + 1)
      : undefined;
    const operation =
      operationName !== undefined && isOperation(operationName) ? operationName : undefined;
    const label = operation ?? '(unknown)';
    stats.request(label);

    if (req.method !== 'POST') {
      throw new ServiceError(
        'UnknownOperationException',
        `Only POST is supported; got ${req.method ?? 'no method'} ${req.url ?? ''}`,
      );
    }
    const body = await readBody(req, maxBodyBytes);
    if (body === 'too-large') {
      throw new ServiceError(
        'RequestEntityTooLargeException',
        `Request body exceeds the limit of ${maxBodyBytes} bytes`,
        {
          headers: { connection: 'close' },
        },
      );
    }
    const contentType =
      (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (isStsRequest(contentType, targetText)) {
      const answer = sts.handle(
        { method: req.method, url: req.url ?? '/', headers: req.headers, body },
        requestId,
      );
      logger?.info(`sts ${answer.status} ${requestId}`);
      send(res, answer.status, answer.body, requestId, { 'content-type': 'text/xml' });
      return;
    }
    if (!ACCEPTED_CONTENT_TYPES.includes(contentType)) {
      throw new ServiceError(
        'UnknownOperationException',
        `Unsupported content type '${contentType}'; send ${ACCEPTED_CONTENT_TYPES.join(' or ')}`,
      );
    }
    if (verifier) {
      try {
        verifier.verify({ method: req.method, url: req.url ?? '/', headers: req.headers, body });
        stats.signature(true);
      } catch (error) {
        stats.signature(false);
        throw error;
      }
    }
    if (targetText === undefined) {
      throw new ServiceError('UnknownOperationException', 'Missing X-Amz-Target header');
    }
    if (operation === undefined) {
      throw new ServiceError('UnknownOperationException', `Unknown operation ${targetText}`);
    }

    const decision = faults.decide(operation);
    // Latency is the time from a request's arrival to its answer. The answer is worked out
    // within that time, as a service's fleet answers concurrent requests side by side; only
    // what is left of the delay is waited (one emulator thread would otherwise add its work
    // for every concurrent request on top of the latency).
    const answerAt = arrivedAt + decision.delayMs;
    const untilAnswer = async (): Promise<void> => {
      // A timer counts whole milliseconds from the event loop's cached clock, which lags while a
      // tick works: it may fire early (wait again) or a millisecond late. The last fraction of a
      // millisecond is waited between I/O turns instead, so the answer leaves on time.
      for (let left = answerAt - performance.now(); left > 0; left = answerAt - performance.now()) {
        await (left >= 1 ? delay(Math.floor(left)) : nextTurn());
      }
    };
    if (decision.delayMs > 0) stats.fault('latency');
    if (decision.kind !== 'none' && decision.kind !== 'malformed') await untilAnswer();
    switch (decision.kind) {
      case 'throttle':
        stats.fault('throttle');
        throw new ServiceError('ThrottlingException', 'Rate exceeded', {
          headers:
            decision.retryAfterMs === undefined
              ? {}
              : { 'x-amz-retry-after': String(Math.round(decision.retryAfterMs)) },
        });
      case 'hang':
        // Accepted and read, never answered: the client's own timeout has to end it.
        stats.fault('hang');
        logger?.warn(`${operation} hang ${requestId}`);
        return;
      case 'reset':
        stats.fault('reset');
        logger?.warn(`${operation} reset ${requestId}`);
        req.socket.destroy();
        return;
      case 'denied':
        stats.fault('accessDenied');
        throw accessDeniedError(operation, options.sigv4?.region);
      case 'failure':
        stats.fault('failure');
        throw new ServiceError(
          'InternalServerError',
          'An internal error occurred. Please retry your request.',
        );
      default:
    }

    const repeatToken = decision.kind === 'none' && decision.repeatToken;
    let output: ReturnType<(typeof OPERATION_HANDLERS)[typeof operation]>;
    try {
      const input = parseInput(body);
      output = OPERATION_HANDLERS[operation](input, { store, codec, repeatToken });
    } catch (error) {
      await untilAnswer();
      throw error;
    }
    if (repeatToken && 'NextToken' in output && output.NextToken !== undefined)
      stats.fault('repeatToken');
    let text = toWireJson(output);
    if (decision.kind === 'malformed') {
      stats.fault('malformed');
      text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
    }
    await untilAnswer();
    stats.success(operation);
    logger?.info(`${operation} 200 ${requestId}`);
    send(res, 200, text, requestId);
  };

  const handleControl = createControlHandler(stats, faults, maxBodyBytes, {
    host,
    token: options.controlToken,
  });

  const clock = options.sigv4?.now;
  const server = createServer((req, res) => {
    const requestId = randomUUID();
    if (clock) dateAnswersBy(res, clock);
    const isControl = (req.url ?? '').startsWith(CONTROL_PREFIX);
    (isControl ? handleControl(req, res, requestId) : handleApi(req, res, requestId)).catch(
      (error: unknown) => {
        const serviceError =
          error instanceof ServiceError
            ? error
            : new ServiceError(
                'InternalServerError',
                'An internal error occurred. Please retry your request.',
                { cause: error },
              );
        if (!(error instanceof ServiceError))
          logger?.warn(`internal error ${requestId}: ${String(error)}`);
        if (serviceError.status === 413) {
          // Stop reading the rest of an oversized body; the answer still goes out first.
          res.on('finish', () => req.socket.destroy());
        }
        fail(
          res,
          requestId,
          serviceError,
          isControl ? 'control' : String(req.headers['x-amz-target'] ?? '(no target)'),
        );
      },
    );
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) {
      socket.end(malformedRequestResponse());
    } else {
      socket.destroy();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => {
      live?.stop();
      reject(error);
    });
    server.listen(options.port ?? 0, host, () => {
      server.removeAllListeners('error');
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${urlHost}:${address.port}`;
  logger?.info(`SSM emulator listening on ${url}`);
  let stopped: Promise<void> | undefined;

  return {
    url,
    port: address.port,
    host,
    store,
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    setFaults: (config) => faults.set(config),
    tick(count = 1) {
      if (!live)
        throw new EmulatorOptionsError(
          'tick() needs live mode: start the emulator with live: true or { ... }',
        );
      return live.tick(count);
    },
    stop() {
      // Idempotent: test teardown and signal handlers may both stop the same emulator.
      stopped ??= new Promise<void>((resolve, reject) => {
        live?.stop();
        for (const timer of delays) clearTimeout(timer);
        delays.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return stopped;
    },
  };
}
