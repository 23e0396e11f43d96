/**
 * Test support (never exported from an entry): an in-memory SSM that answers AWS JSON 1.1 wire
 * bodies for the 9 operations, so unit tests exercise the real transports and client code
 * without a network. Times are epoch seconds, as SSM sends them.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JsonRequestFunction, JsonResponse } from '../transport/json-transport';

export interface WireInvocation {
  WindowExecutionId: string;
  TaskExecutionId: string;
  InvocationId: string;
  ExecutionId: string;
  TaskType: string;
  Parameters: string;
  Status: string;
  StatusDetails: string;
  StartTime: number;
  EndTime?: number;
  OwnerInformation: string;
  WindowTargetId: string;
}

export interface FakeSsmData {
  window: Record<string, unknown>;
  executions: Array<Record<string, unknown> & { WindowExecutionId: string; StartTime: number }>;
  tasks: Array<Record<string, unknown> & { WindowExecutionId: string; TaskExecutionId: string }>;
  invocations: WireInvocation[];
  targets: Array<Record<string, unknown>>;
}

const STATUSES = ['SUCCESS', 'FAILED', 'TIMED_OUT', 'IN_PROGRESS', 'SKIPPED_OVERLAPPING'];

/** A deterministic UUID from a namespace digit and a counter. */
export function uuid(ns: number, n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `${ns.toString(16).padStart(8, '0')}-0000-4000-8000-${hex}`;
}

export const WINDOW_ID = 'mw-0123456789abcdef0';

/** One window; `executions` executions (older first in storage); `tasks` × `invocations` each. */
export function makeFakeData(shape: {
  executions: number;
  tasks: number;
  invocations: number;
}): FakeSsmData {
  const executions: FakeSsmData['executions'] = [];
  const tasks: FakeSsmData['tasks'] = [];
  const invocations: WireInvocation[] = [];
  let inv = 0;
  for (let e = 0; e < shape.executions; e += 1) {
    const WindowExecutionId = uuid(1, e);
    const start = 1_700_000_000 + e * 86_400;
    executions.push({
      WindowId: WINDOW_ID,
      WindowExecutionId,
      Status: 'SUCCESS',
      StartTime: start,
      EndTime: start + 600,
    });
    for (let t = 0; t < shape.tasks; t += 1) {
      const TaskExecutionId = uuid(2, e * 1000 + t);
      tasks.push({
        WindowExecutionId,
        TaskExecutionId,
        Status: 'SUCCESS',
        TaskType: 'RUN_COMMAND',
        TaskArn: 'AWS-RunPatchBaseline',
        StartTime: start + 1,
        EndTime: start + 500,
      });
      for (let i = 0; i < shape.invocations; i += 1) {
        inv += 1;
        invocations.push({
          WindowExecutionId,
          TaskExecutionId,
          InvocationId: uuid(3, inv),
          ExecutionId: `cmd-${inv}`,
          TaskType: 'RUN_COMMAND',
          Parameters: '{"Operation":["Install"]}',
          Status: STATUSES[inv % STATUSES.length] ?? 'SUCCESS',
          StatusDetails: inv % 5 === 1 ? 'Failed: exit code 1' : 'Success',
          StartTime: start + 2 + i + 0.123,
          EndTime: start + 30 + i,
          OwnerInformation: `owner-${i}`,
          WindowTargetId: uuid(4, i),
        });
      }
    }
  }
  return {
    window: {
      WindowId: WINDOW_ID,
      Name: 'nightly-patching',
      Enabled: true,
      Schedule: 'cron(0 2 ? * * *)',
      Duration: 3,
      Cutoff: 1,
      CreatedDate: 1_690_000_000,
      ModifiedDate: 1_690_000_500.5,
      NextExecutionTime: '2026-11-29T02:00Z',
    },
    executions,
    tasks,
    invocations,
    targets: [
      {
        WindowId: WINDOW_ID,
        WindowTargetId: uuid(4, 0),
        ResourceType: 'INSTANCE',
        Targets: [{ Key: 'tag:Env', Values: ['prod'] }],
      },
    ],
  };
}

interface WireResult {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

function notFound(what: string): WireResult {
  return {
    status: 400,
    body: { __type: 'com.amazonaws.ssm#DoesNotExistException', message: `${what} does not exist` },
  };
}

function page<T>(items: T[], input: Record<string, unknown>, key: string): WireResult {
  const size = typeof input.MaxResults === 'number' ? input.MaxResults : 10;
  const start = typeof input.NextToken === 'string' ? Number(input.NextToken) : 0;
  const slice = items.slice(start, start + size);
  const end = start + slice.length;
  return {
    status: 200,
    body: { [key]: slice, ...(end < items.length ? { NextToken: String(end) } : {}) },
  };
}

function statusValues(input: Record<string, unknown>): string[] | undefined {
  const filters = input.Filters as Array<{ Key: string; Values: string[] }> | undefined;
  return filters?.find((f) => f.Key === 'STATUS')?.Values;
}

/** Answers one operation the way SSM would (validation aside). */
export function answer(
  data: FakeSsmData,
  operation: string,
  input: Record<string, unknown>,
): WireResult {
  const ok = (body: Record<string, unknown>): WireResult => ({ status: 200, body });
  switch (operation) {
    case 'GetMaintenanceWindow':
      return input.WindowId === data.window.WindowId ? ok(data.window) : notFound('Window');
    case 'DescribeMaintenanceWindows':
      return page([data.window], input, 'WindowIdentities');
    case 'DescribeMaintenanceWindowExecutions':
      if (input.WindowId !== data.window.WindowId) return notFound('Window');
      return page(data.executions, input, 'WindowExecutions');
    case 'GetMaintenanceWindowExecution': {
      const e = data.executions.find((x) => x.WindowExecutionId === input.WindowExecutionId);
      if (!e) return notFound('Execution');
      const TaskIds = data.tasks
        .filter((t) => t.WindowExecutionId === e.WindowExecutionId)
        .map((t) => t.TaskExecutionId);
      const { WindowId: _w, ...rest } = e;
      return ok({ ...rest, TaskIds });
    }
    case 'DescribeMaintenanceWindowExecutionTasks': {
      if (!data.executions.some((x) => x.WindowExecutionId === input.WindowExecutionId)) {
        return notFound('Execution');
      }
      const statuses = statusValues(input);
      const tasks = data.tasks.filter(
        (t) =>
          t.WindowExecutionId === input.WindowExecutionId &&
          (!statuses || statuses.includes(String(t.Status))),
      );
      return page(tasks, input, 'WindowExecutionTaskIdentities');
    }
    case 'GetMaintenanceWindowExecutionTask': {
      const t = data.tasks.find(
        (x) =>
          x.WindowExecutionId === input.WindowExecutionId && x.TaskExecutionId === input.TaskId,
      );
      if (!t) return notFound('Task');
      const { TaskType, ...rest } = t;
      return ok({ ...rest, Type: TaskType, Priority: 1, MaxConcurrency: '10', MaxErrors: '1' });
    }
    case 'DescribeMaintenanceWindowExecutionTaskInvocations': {
      const t = data.tasks.find(
        (x) =>
          x.WindowExecutionId === input.WindowExecutionId && x.TaskExecutionId === input.TaskId,
      );
      if (!t) return notFound('Task');
      const statuses = statusValues(input);
      const list = data.invocations.filter(
        (i) =>
          i.WindowExecutionId === input.WindowExecutionId &&
          i.TaskExecutionId === input.TaskId &&
          (!statuses || statuses.includes(i.Status)),
      );
      return page(list, input, 'WindowExecutionTaskInvocationIdentities');
    }
    case 'GetMaintenanceWindowExecutionTaskInvocation': {
      const i = data.invocations.find(
        (x) =>
          x.WindowExecutionId === input.WindowExecutionId &&
          x.TaskExecutionId === input.TaskId &&
          x.InvocationId === input.InvocationId,
      );
      return i ? ok({ ...i }) : notFound('Invocation');
    }
    case 'DescribeMaintenanceWindowTargets':
      if (input.WindowId !== data.window.WindowId) return notFound('Window');
      return page(data.targets, input, 'Targets');
    default:
      return { status: 400, body: { __type: 'UnknownOperationException' } };
  }
}

/** Turns an operation answer (or a scripted override) into a JSON 1.1 response. */
export type Responder = (
  operation: string,
  input: Record<string, unknown>,
) => Promise<JsonResponse>;

export interface RequestLogEntry {
  operation: string;
  input: Record<string, unknown>;
}

/**
 * A `request` function for `jsonTransport` answering from `data`. `override` may return a
 * scripted response for a given call (faults); `latencyMs` delays every answer.
 */
export function fakeRequest(
  data: FakeSsmData,
  options: {
    latencyMs?: number;
    override?: (call: RequestLogEntry, n: number) => JsonResponse | undefined;
    log?: RequestLogEntry[];
  } = {},
): JsonRequestFunction & { inFlight: () => number; maxInFlight: () => number } {
  let inFlight = 0;
  let maxInFlight = 0;
  let n = 0;
  const fn = async ({
    target,
    body,
    signal,
  }: {
    target: string;
    body: string;
    signal?: AbortSignal;
  }) => {
    const operation = target.replace(/^AmazonSSM\./, '');
    const input = JSON.parse(body) as Record<string, unknown>;
    const call = { operation, input };
    options.log?.push(call);
    n += 1;
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      if (options.latencyMs) {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, options.latencyMs);
          signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(signal.reason);
          });
        });
      }
      const scripted = options.override?.(call, n);
      if (scripted) return scripted;
      const result = answer(data, operation, input);
      return {
        status: result.status,
        headers: { 'x-amzn-RequestId': `req-${n}`, ...result.headers },
        body: JSON.stringify(result.body),
      };
    } finally {
      inFlight -= 1;
    }
  };
  return Object.assign(fn, { inFlight: () => inFlight, maxInFlight: () => maxInFlight });
}

/**
 * The same answers over real HTTP on 127.0.0.1 (port 0), for the AWS SDK. Returns the URL.
 */
export async function startFakeSsmServer(
  request: JsonRequestFunction,
): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      request({ target, body: Buffer.concat(chunks).toString('utf8') })
        .then((response) => {
          const headers: Record<string, string> = {
            'content-type': 'application/x-amz-json-1.1',
          };
          for (const [k, v] of Object.entries(response.headers as Record<string, string>)) {
            if (typeof v === 'string') headers[k] = v;
          }
          res.writeHead(response.status, headers);
          res.end(response.body);
        })
        .catch(() => {
          // A scripted network fault: drop the connection.
          res.socket?.destroy();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
