/**
 * The `ssm-emulator` command line: flags → {@link EmulatorOptions}. Kept apart from the bin so
 * it can be tested without starting a process.
 */
import { parseArgs } from 'node:util';
import { MAX_DELAY_MS, type FaultConfig } from './modes/faults';
import type { EmulatorOptions } from './http/emulator-options';

/** The `--help` text. */
export const CLI_USAGE = `Usage: ssm-emulator [options]

A local AWS Systems Manager maintenance-window emulator (AWS JSON 1.1).
Prints "SSM emulator listening on http://HOST:PORT" once ready; stops on SIGINT/SIGTERM.

Data
  --seed NAME                 demo (default) or any string for a generated graph
  --windows N                 generated seed: windows (default 3)
  --executions-per-window N   generated seed: executions per window (default 5)
  --tasks-per-execution N     generated seed: tasks per execution (default 2)
  --invocations-per-task N    generated seed: invocations per task (default 10)
  --anchor ISO                where seeded histories end (default: the start-up time)
  --fixture FILE              load a JSON or YAML fixture instead of a seed

Server
  --port N                    port (default 0: a free port)
  --host HOST                 interface (default 127.0.0.1)
  --verbose                   log one line per request (never credentials)
  --control-token TOKEN       require TOKEN in the x-emulator-control-token header on the
                              /__emulator/ routes (needed for them when --host is not loopback)

Faults (all requests)
  --latency MS                each answer leaves MS after its request arrived
  --jitter MS                 extra random delay in [0, MS)
  --throttle-rps R            token bucket of R requests/s → 400 ThrottlingException "Rate exceeded"
  --throttle-burst N          bucket size (default R)
  --retry-after-ms MS         send x-amz-retry-after on throttled answers
  --failure-rate P            share of 500 InternalServerError answers (0-1)
  --reset-rate P              share of connections reset without an answer (0-1)
  --malformed-rate P          share of 200 answers with a truncated JSON body (0-1)
  --hang-rate P               share of requests read and never answered (0-1)
  --repeat-token              paginated operations return the same NextToken forever
  --fault-seed S              seed of the fault PRNG (default "faults")

Live mode
  --live                      new executions appear and progress over time
  --tick-ms MS                virtual time per tick and timer period (default 5000)
  --new-execution-every N     ticks from a run's end to the next run of an hourly window;
                              rarer schedules wait longer (default 3)

SigV4
  --sigv4-key ID:SECRET[:SESSION_TOKEN]   accept only requests signed with this key (repeatable)
  --sigv4-region REGION       require this region in the credential scope
  --sts-role-arn ARN          STS AssumeRole (form POST to /) allows only this role (repeatable)
  --sts-external-id ID        STS AssumeRole requires this ExternalId
  --event-url URL             with --live: POST each status change as an EventBridge event
  --event-secret KEY          send it in the API-key header of each event
  --event-header NAME         that header's name (default x-api-key)

  --help                      show this text
`;

/** A command-line mistake; the message names the flag. */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

/** What the command line asks for. */
export type CliCommand =
  { help: true } | { help: false; options: EmulatorOptions; verbose: boolean };

function numberFlag(
  values: Record<string, unknown>,
  flag: string,
  check: (n: number) => boolean,
  expected: string,
) {
  const raw = values[flag];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw === '' || !Number.isFinite(value) || !check(value)) {
    throw new CliUsageError(`--${flag} must be ${expected}, got '${String(raw)}'`);
  }
  return value;
}

const isCount = (n: number) => Number.isInteger(n) && n >= 1;
const isRate = (n: number) => n >= 0 && n <= 1;
const isNonNegative = (n: number) => n >= 0;
const isDelay = (n: number) => n >= 0 && n <= MAX_DELAY_MS;

/**
 * Parses `ssm-emulator` arguments.
 *
 * @example
 * ```ts
 * parseCliArgs(['--seed', 'demo', '--throttle-rps', '20']);
 * ```
 */
export function parseCliArgs(argv: string[]): CliCommand {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        help: { type: 'boolean', short: 'h' },
        port: { type: 'string' },
        host: { type: 'string' },
        'control-token': { type: 'string' },
        seed: { type: 'string' },
        fixture: { type: 'string' },
        windows: { type: 'string' },
        'executions-per-window': { type: 'string' },
        'tasks-per-execution': { type: 'string' },
        'invocations-per-task': { type: 'string' },
        anchor: { type: 'string' },
        verbose: { type: 'boolean' },
        latency: { type: 'string' },
        jitter: { type: 'string' },
        'throttle-rps': { type: 'string' },
        'throttle-burst': { type: 'string' },
        'retry-after-ms': { type: 'string' },
        'failure-rate': { type: 'string' },
        'reset-rate': { type: 'string' },
        'malformed-rate': { type: 'string' },
        'hang-rate': { type: 'string' },
        'repeat-token': { type: 'boolean' },
        'fault-seed': { type: 'string' },
        live: { type: 'boolean' },
        'tick-ms': { type: 'string' },
        'new-execution-every': { type: 'string' },
        'sigv4-key': { type: 'string', multiple: true },
        'sigv4-region': { type: 'string' },
        'sts-role-arn': { type: 'string', multiple: true },
        'sts-external-id': { type: 'string' },
        'event-url': { type: 'string' },
        'event-secret': { type: 'string' },
        'event-header': { type: 'string' },
      },
    });
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error), {
      cause: error,
    });
  }
  const values = parsed.values as Record<string, unknown>;
  if (values.help === true) return { help: true };
  if (values.seed !== undefined && values.fixture !== undefined) {
    throw new CliUsageError('--seed and --fixture cannot be combined');
  }

  const port = numberFlag(
    values,
    'port',
    (n) => Number.isInteger(n) && n >= 0 && n <= 65535,
    'a port from 0 to 65535',
  );
  const options: EmulatorOptions = {
    port: port ?? 0,
    host: (values.host as string | undefined) ?? '127.0.0.1',
  };
  const controlToken = values['control-token'] as string | undefined;
  if (controlToken !== undefined) {
    // A secret: say what is wrong with it, never what it is.
    if (controlToken.length < 8)
      throw new CliUsageError('--control-token must be at least 8 characters');
    options.controlToken = controlToken;
  }
  if (values.fixture !== undefined) options.fixture = values.fixture as string;
  else options.seed = (values.seed as string | undefined) ?? 'demo';
  const seedOptions = {
    windows: numberFlag(values, 'windows', isCount, 'an integer ≥ 1'),
    executionsPerWindow: numberFlag(values, 'executions-per-window', isCount, 'an integer ≥ 1'),
    tasksPerExecution: numberFlag(values, 'tasks-per-execution', isCount, 'an integer ≥ 1'),
    invocationsPerTask: numberFlag(values, 'invocations-per-task', isCount, 'an integer ≥ 1'),
    anchor: values.anchor as string | undefined,
  };
  if (Object.values(seedOptions).some((v) => v !== undefined)) options.seedOptions = seedOptions;

  const faults: FaultConfig = {
    latencyMs: numberFlag(values, 'latency', isDelay, `a number of ms from 0 to ${MAX_DELAY_MS}`),
    jitterMs: numberFlag(values, 'jitter', isDelay, `a number of ms from 0 to ${MAX_DELAY_MS}`),
    failureRate: numberFlag(values, 'failure-rate', isRate, 'a share from 0 to 1'),
    resetRate: numberFlag(values, 'reset-rate', isRate, 'a share from 0 to 1'),
    malformedRate: numberFlag(values, 'malformed-rate', isRate, 'a share from 0 to 1'),
    hangRate: numberFlag(values, 'hang-rate', isRate, 'a share from 0 to 1'),
    repeatToken: values['repeat-token'] === true ? true : undefined,
    seed: values['fault-seed'] as string | undefined,
  };
  const rps = numberFlag(values, 'throttle-rps', (n) => n > 0, 'a rate > 0');
  if (rps !== undefined) {
    faults.throttle = {
      requestsPerSecond: rps,
      burst: numberFlag(values, 'throttle-burst', (n) => n >= 1, 'a number ≥ 1'),
      retryAfterMs: numberFlag(values, 'retry-after-ms', isNonNegative, 'a number of ms ≥ 0'),
    };
  } else if (values['throttle-burst'] !== undefined || values['retry-after-ms'] !== undefined) {
    throw new CliUsageError('--throttle-burst and --retry-after-ms need --throttle-rps');
  }
  const faultEntries = Object.entries(faults).filter(([, v]) => v !== undefined);
  if (faultEntries.length > 0) options.faults = Object.fromEntries(faultEntries) as FaultConfig;

  const tickMs = numberFlag(values, 'tick-ms', (n) => n > 0, 'a number of ms > 0');
  const every = numberFlag(values, 'new-execution-every', isCount, 'an integer ≥ 1');
  if (values.live === true) {
    options.live = { tickMs, newExecutionEveryTicks: every };
  } else if (tickMs !== undefined || every !== undefined) {
    throw new CliUsageError('--tick-ms and --new-execution-every need --live');
  }

  const keys = (values['sigv4-key'] as string[] | undefined) ?? [];
  if (keys.length > 0) {
    options.sigv4 = {
      region: values['sigv4-region'] as string | undefined,
      credentials: keys.map((key, index) => {
        const [accessKeyId, secretAccessKey, ...token] = key.split(':');
        if (!accessKeyId || !secretAccessKey) {
          // The value may hold a secret: name the flag and position, never echo it.
          throw new CliUsageError(
            `--sigv4-key #${index + 1} must look like ACCESS_KEY_ID:SECRET[:SESSION_TOKEN]`,
          );
        }
        return {
          accessKeyId,
          secretAccessKey,
          sessionToken: token.length > 0 ? token.join(':') : undefined,
        };
      }),
    };
  } else if (values['sigv4-region'] !== undefined) {
    throw new CliUsageError('--sigv4-region needs --sigv4-key');
  }
  const eventUrl = values['event-url'] as string | undefined;
  if (eventUrl !== undefined) {
    if (values.live !== true) throw new CliUsageError('--event-url needs --live');
    if (!URL.canParse(eventUrl)) throw new CliUsageError('--event-url must be a URL');
    options.events = {
      url: eventUrl,
      secret: values['event-secret'] as string | undefined,
      headerName: values['event-header'] as string | undefined,
    };
  } else if (values['event-secret'] !== undefined || values['event-header'] !== undefined) {
    throw new CliUsageError('--event-secret and --event-header need --event-url');
  }
  const roleArns = values['sts-role-arn'] as string[] | undefined;
  const externalId = values['sts-external-id'] as string | undefined;
  if (roleArns !== undefined || externalId !== undefined) {
    options.sts = {
      ...(roleArns === undefined ? {} : { roleArns }),
      ...(externalId === undefined ? {} : { externalId }),
    };
  }
  return { help: false, options, verbose: values.verbose === true };
}
