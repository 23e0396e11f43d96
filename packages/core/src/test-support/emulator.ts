/**
 * Test support (never exported from an entry): core's unit tests talk to the project's one SSM
 * stand-in, `@ssm-invocations/emulator`, on 127.0.0.1. This file only builds fixtures and a
 * JSON 1.1 `request` function that records what the client sent; every answer comes from the
 * emulator.
 */
import {
  startEmulator,
  type Emulator,
  type EmulatorOptions,
  type Fixture,
  type FixtureInvocation,
  type FixtureTask,
  type FixtureExecution,
} from '@ssm-invocations/emulator';
import type { JsonRequestFunction } from '../transport/json-transport';
import { fetchRequestTo } from './loopback-server';

/** A deterministic UUID from a namespace digit and a counter. */
export function uuid(ns: number, n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `${ns.toString(16).padStart(8, '0')}-0000-4000-8000-${hex}`;
}

export const WINDOW_ID = 'mw-0123456789abcdef0';

const INVOCATION_STATUSES = [
  'SUCCESS',
  'FAILED',
  'TIMED_OUT',
  'IN_PROGRESS',
  'SKIPPED_OVERLAPPING',
] as const;

/** The invocations of one task: `count` of them, numbered from `first`, starting at `start`. */
export function invocationsFixture(count: number, start: number, first = 1): FixtureInvocation[] {
  return Array.from({ length: count }, (_, i) => {
    const n = first + i;
    return {
      InvocationId: uuid(3, n),
      ExecutionId: uuid(5, n),
      Parameters: '{"Operation":["Install"]}',
      Status: INVOCATION_STATUSES[n % INVOCATION_STATUSES.length] ?? 'SUCCESS',
      StatusDetails: n % 5 === 1 ? 'Failed: exit code 1' : 'Success',
      StartTime: start + 2 + i + 0.123,
      EndTime: start + 30 + i,
      OwnerInformation: `owner-${i}`,
      WindowTargetId: uuid(4, i),
    };
  });
}

/**
 * One window with `executions` executions a day apart (execution `e` is `uuid(1, e)`, the
 * newest has the highest `e`), `tasks` RUN_COMMAND tasks each (`uuid(2, e * 1000 + t)`) and
 * `invocations` invocations per task, every one of the twelve invocation fields set.
 */
export function windowFixture(shape: {
  executions: number;
  tasks: number;
  invocations: number;
}): Fixture {
  const executions: FixtureExecution[] = [];
  let numbered = 1;
  for (let e = 0; e < shape.executions; e += 1) {
    const start = 1_700_000_000 + e * 86_400;
    const tasks: FixtureTask[] = [];
    for (let t = 0; t < shape.tasks; t += 1) {
      tasks.push({
        TaskExecutionId: uuid(2, e * 1000 + t),
        Status: 'SUCCESS',
        TaskType: 'RUN_COMMAND',
        TaskArn: 'AWS-RunPatchBaseline',
        StartTime: start + 1,
        EndTime: start + 500,
        invocations: invocationsFixture(shape.invocations, start, numbered),
      });
      numbered += shape.invocations;
    }
    executions.push({
      WindowExecutionId: uuid(1, e),
      Status: 'SUCCESS',
      StartTime: start,
      EndTime: start + 600,
      tasks,
    });
  }
  return {
    windows: [
      {
        WindowId: WINDOW_ID,
        Name: 'nightly-patching',
        Enabled: true,
        Schedule: 'cron(0 2 ? * * *)',
        Duration: 3,
        Cutoff: 1,
        CreatedDate: 1_690_000_000,
        ModifiedDate: 1_690_000_500.5,
        NextExecutionTime: '2026-11-29T02:00Z',
        targets: [{ WindowTargetId: uuid(4, 0), Targets: [{ Key: 'tag:Env', Values: ['prod'] }] }],
        executions,
      },
    ],
  };
}

/** One request the client sent, and the request id the emulator answered it with. */
export interface SentRequest {
  operation: string;
  input: Record<string, unknown>;
  requestId?: string;
}

/** A JSON 1.1 `request` function to an emulator, recording each request and the concurrency. */
export type RecordingRequest = JsonRequestFunction & {
  sent: SentRequest[];
  inFlight: () => number;
  maxInFlight: () => number;
};

/** Sends AWS JSON 1.1 requests to `url` with fetch, as a host without the SDK would. */
export function emulatorRequest(url: string): RecordingRequest {
  const sent: SentRequest[] = [];
  const send = fetchRequestTo(url);
  let inFlight = 0;
  let maxInFlight = 0;
  const request: JsonRequestFunction = async (call) => {
    const entry: SentRequest = {
      operation: call.target.replace(/^AmazonSSM\./, ''),
      input: JSON.parse(call.body) as Record<string, unknown>,
    };
    sent.push(entry);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      const response = await send(call);
      entry.requestId = (response.headers as Headers).get('x-amzn-requestid') ?? undefined;
      return response;
    } finally {
      inFlight -= 1;
    }
  };
  return Object.assign(request, {
    sent,
    inFlight: () => inFlight,
    maxInFlight: () => maxInFlight,
  });
}

const running = new Set<Emulator>();

/** Starts an emulator on a free loopback port; {@link stopEmulators} stops every one started. */
export async function startTestEmulator(
  fixture: Fixture,
  options: Omit<EmulatorOptions, 'fixture' | 'seed' | 'port'> = {},
): Promise<Emulator> {
  const emulator = await startEmulator({ ...options, port: 0, fixture });
  running.add(emulator);
  return emulator;
}

/** Stops the emulators {@link startTestEmulator} started (for `afterEach`/`afterAll`). */
export async function stopEmulators(): Promise<void> {
  const stopping = [...running].map((emulator) => emulator.stop());
  running.clear();
  await Promise.all(stopping);
}
