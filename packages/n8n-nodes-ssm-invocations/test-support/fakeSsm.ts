/**
 * An in-memory SSM for unit tests: answers the AWS JSON 1.1 bodies the core sends, with real
 * pagination (MaxResults / NextToken) and STATUS filters, and records every call.
 * Records are in wire form (epoch seconds for timestamps), as SSM sends them.
 */
type Wire = Record<string, unknown>;

export interface FakeSsmData {
  windows: Wire[];
  executions: Wire[];
  tasks: Wire[];
  invocations: Wire[];
}

export interface FakeResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface FakeSsm {
  data: FakeSsmData;
  calls: Array<{ operation: string; input: Wire }>;
  /** Return a response to short-circuit a call (faults); undefined lets the fake answer. */
  fault?: (operation: string, input: Wire) => FakeResponse | undefined;
  handle(target: string, body: string): FakeResponse;
}

const ok = (body: Wire): FakeResponse => ({
  status: 200,
  headers: { 'x-amzn-requestid': 'req-ok' },
  body: JSON.stringify(body),
});

export const awsError = (status: number, type: string, message: string, requestId = 'req-err') => ({
  status,
  headers: { 'x-amzn-requestid': requestId },
  body: JSON.stringify({ __type: type, message }),
});

function statusFilter(input: Wire): Set<string> | undefined {
  const filters = (input.Filters as Array<{ Key: string; Values: string[] }> | undefined) ?? [];
  const status = filters.find((filter) => filter.Key === 'STATUS');
  return status ? new Set(status.Values) : undefined;
}

function page(records: Wire[], input: Wire, listKey: string): FakeResponse {
  const start = input.NextToken ? Number(input.NextToken) : 0;
  const size = (input.MaxResults as number | undefined) ?? 10;
  const slice = records.slice(start, start + size);
  const next = start + size < records.length ? String(start + size) : undefined;
  return ok({ [listKey]: slice, ...(next ? { NextToken: next } : {}) });
}

const notFound = (what: string) => awsError(400, 'DoesNotExistException', `${what} does not exist`);

export function createFakeSsm(data: FakeSsmData): FakeSsm {
  const fake: FakeSsm = {
    data,
    calls: [],
    handle(target, body) {
      const operation = target.replace(/^AmazonSSM\./, '');
      const input = JSON.parse(body || '{}') as Wire;
      fake.calls.push({ operation, input });
      const faulted = fake.fault?.(operation, input);
      if (faulted) return faulted;
      const statuses = statusFilter(input);
      const byStatus = (record: Wire) => !statuses || statuses.has(String(record.Status));
      switch (operation) {
        case 'DescribeMaintenanceWindows':
          return page(data.windows, input, 'WindowIdentities');
        case 'GetMaintenanceWindow': {
          const window = data.windows.find((w) => w.WindowId === input.WindowId);
          return window ? ok(window) : notFound(`Maintenance window ${String(input.WindowId)}`);
        }
        case 'DescribeMaintenanceWindowExecutions': {
          const filters =
            (input.Filters as Array<{ Key: string; Values: string[] }> | undefined) ?? [];
          const after = filters.find((f) => f.Key === 'ExecutedAfter')?.Values[0];
          const executions = data.executions
            .filter((e) => e.WindowId === input.WindowId)
            .filter((e) => !after || Number(e.StartTime) * 1000 >= Date.parse(after))
            .sort((a, b) => Number(b.StartTime) - Number(a.StartTime));
          return page(executions, input, 'WindowExecutions');
        }
        case 'GetMaintenanceWindowExecution': {
          const execution = data.executions.find(
            (e) => e.WindowExecutionId === input.WindowExecutionId,
          );
          if (!execution) return notFound(`Window execution ${String(input.WindowExecutionId)}`);
          const taskIds = data.tasks
            .filter((t) => t.WindowExecutionId === input.WindowExecutionId)
            .map((t) => t.TaskExecutionId);
          return ok({ ...execution, TaskIds: taskIds });
        }
        case 'DescribeMaintenanceWindowExecutionTasks': {
          const tasks = data.tasks
            .filter((t) => t.WindowExecutionId === input.WindowExecutionId)
            .filter(byStatus);
          return page(tasks, input, 'WindowExecutionTaskIdentities');
        }
        case 'DescribeMaintenanceWindowExecutionTaskInvocations': {
          const invocations = data.invocations
            .filter(
              (i) =>
                i.WindowExecutionId === input.WindowExecutionId &&
                i.TaskExecutionId === input.TaskId,
            )
            .filter(byStatus);
          return page(invocations, input, 'WindowExecutionTaskInvocationIdentities');
        }
        case 'GetMaintenanceWindowExecutionTaskInvocation': {
          const invocation = data.invocations.find(
            (i) =>
              i.WindowExecutionId === input.WindowExecutionId &&
              i.TaskExecutionId === input.TaskId &&
              i.InvocationId === input.InvocationId,
          );
          return invocation ? ok(invocation) : notFound(`Invocation ${String(input.InvocationId)}`);
        }
        default:
          return awsError(400, 'UnknownOperationException', `Unknown operation ${operation}`);
      }
    },
  };
  return fake;
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
/** A valid 36-character id, distinct per (kind, n). */
export const uuid = (kind: number, n: number) => `${hex(kind, 8)}-0000-4000-8000-${hex(n, 12)}`;

export const WINDOW_ID = 'mw-0123456789abcdef0';
export const EXECUTION_ID = uuid(1, 1);
export const TASK_ID = uuid(2, 1);
const T0 = 1_764_000_000; // epoch seconds

/**
 * One window, `executions` executions (newest has the highest index), one RUN_COMMAND task each,
 * and `invocationsPerTask` invocations per task; every fifth invocation failed, every seventh
 * timed out.
 */
export function demoData(invocationsPerTask = 25, executions = 1): FakeSsmData {
  const data: FakeSsmData = {
    windows: [
      {
        WindowId: WINDOW_ID,
        Name: 'patch-web',
        Enabled: true,
        Duration: 2,
        Cutoff: 1,
        Schedule: 'cron(0 2 ? * SUN *)',
      },
    ],
    executions: [],
    tasks: [],
    invocations: [],
  };
  for (let e = 1; e <= executions; e++) {
    const windowExecutionId = uuid(1, e);
    const taskId = uuid(2, e);
    const start = T0 + e * 3600;
    data.executions.push({
      WindowId: WINDOW_ID,
      WindowExecutionId: windowExecutionId,
      Status: 'FAILED',
      StartTime: start,
      EndTime: start + 600,
    });
    data.tasks.push({
      WindowExecutionId: windowExecutionId,
      TaskExecutionId: taskId,
      Status: 'FAILED',
      StartTime: start,
      EndTime: start + 590,
      TaskArn: 'AWS-RunPatchBaseline',
      TaskType: 'RUN_COMMAND',
    });
    for (let i = 1; i <= invocationsPerTask; i++) {
      const status = i % 5 === 0 ? 'FAILED' : i % 7 === 0 ? 'TIMED_OUT' : 'SUCCESS';
      data.invocations.push({
        WindowExecutionId: windowExecutionId,
        TaskExecutionId: taskId,
        InvocationId: uuid(3, e * 100_000 + i),
        ExecutionId: uuid(4, i),
        TaskType: 'RUN_COMMAND',
        Parameters: '{"Operation":["Install"]}',
        Status: status,
        StatusDetails:
          status === 'SUCCESS' ? 'Success' : status === 'FAILED' ? 'Failed' : 'Delivery Timed Out',
        StartTime: start + i,
        EndTime: start + i + 42.5,
        OwnerInformation: 'team-web',
        WindowTargetId: uuid(5, i),
      });
    }
  }
  return data;
}
