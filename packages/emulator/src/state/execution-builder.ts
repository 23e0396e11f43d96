/**
 * Builds one consistent execution → tasks → invocations graph from a plan: the execution's
 * status decides every task's and invocation's status, times nest (an invocation runs inside
 * its task, a task inside its execution) and failures carry StatusDetails shaped like the ones
 * SSM shows. Used by the `demo` seed, the generated seeds and live mode.
 */
import type { ExecutionStatus, TaskType } from '../protocol/service-model';
import type { SeededRandom } from './seeded-random';
import type { EmulatorExecution, EmulatorInvocation, EmulatorTask, EmulatorWindow } from './store';
import { executionIdFor, invocationParameters, runStatusDetails } from './run-fields';

/** A task registered on a window: what each of its runs looks like. */
export interface TaskTemplate {
  taskType: TaskType;
  /** Document name (RUN_COMMAND, AUTOMATION) or ARN (LAMBDA, STEP_FUNCTIONS). */
  taskArn: string;
  priority: number;
  serviceRole?: string;
  maxConcurrency?: string;
  maxErrors?: string;
  /** Task parameters, written into each invocation's `Parameters` JSON. */
  parameters?: Record<string, string[]>;
  /** A CloudWatch alarm watched by the task; failing runs report it as triggered. */
  alarmName?: string;
  /** RUN_COMMAND: where the command writes its output (S3 bucket and key prefix, CloudWatch). */
  output?: { s3BucketName?: string; s3KeyPrefix?: string; cloudWatch?: boolean };
}

/** A window target and the instances (or resources) it resolves to. */
export interface ResolvedTarget {
  windowTargetId: string;
  ownerInformation?: string;
  resourceIds: string[];
}

/** What to build. */
export interface ExecutionPlan {
  window: Pick<EmulatorWindow, 'WindowId'>;
  windowExecutionId: string;
  startTime: Date;
  status: ExecutionStatus;
  tasks: readonly TaskTemplate[];
  targets: readonly ResolvedTarget[];
  /** Invocations per task; default: one per resolved resource. */
  invocationsPerTask?: number;
}

/** The records of one execution. */
export interface BuiltExecution {
  execution: EmulatorExecution;
  tasks: EmulatorTask[];
  invocations: EmulatorInvocation[];
}

const ACCOUNT = '123456789012';

/** Execution-level StatusDetails, as the SSM console shows them. */
const EXECUTION_DETAILS: Partial<Record<ExecutionStatus, string>> = {
  FAILED: 'One or more tasks in the orchestration failed.',
  TIMED_OUT:
    'The maintenance window execution timed out: the window cutoff was reached before all tasks completed.',
  CANCELLING: 'Cancellation of the maintenance window execution was requested.',
  CANCELLED: 'The maintenance window execution was cancelled.',
  SKIPPED_OVERLAPPING:
    'The maintenance window execution was skipped because a previous execution of this window was still running.',
};

/** Per task type: how long an invocation runs (seconds) and how its failures read. */
const TASK_PROFILES: Record<
  TaskType,
  {
    durationSeconds: [number, number];
    failures: ((resource: string, random: SeededRandom) => string)[];
    timeouts: ((resource: string) => string)[];
  }
> = {
  RUN_COMMAND: {
    durationSeconds: [15, 420],
    failures: [
      (r) =>
        `Command failed with exit code 1 on ${r}: yum update returned 1 (package conflicts with kernel-tools)`,
      (r) =>
        `Command failed with exit code 2 on ${r}: failed to download patch baseline: AccessDenied`,
      (r, random) =>
        `Command failed with exit code ${random.pick([1, 126, 127])} on ${r}: /var/lib/amazon/ssm/run.sh: line 4: systemctl restart app: failed`,
      (r) => `Undeliverable: the SSM Agent on ${r} is not online (ConnectionLost)`,
      (r) => `Rate exceeded while sending the command to ${r} (ThrottlingException)`,
    ],
    timeouts: [
      (r) => `Execution timed out after 3600 seconds on ${r}`,
      (r) => `Delivery timed out: ${r} did not acknowledge the command`,
    ],
  },
  AUTOMATION: {
    durationSeconds: [60, 900],
    failures: [
      (r) =>
        `Step fails when it is Executing. Fail to execute automation step createImage: The instance ${r} is in an invalid state (stopping)`,
      (r) =>
        `Step fails when it is Verifying. Step waitForSnapshot failed on ${r}: snapshot entered error state`,
      (r) =>
        `Rate exceeded (Service: Ec2, Status Code: 400, Error Code: RequestLimitExceeded) on ${r}`,
    ],
    timeouts: [
      (r) => `Step timed out: automation step waitForAvailable on ${r} exceeded 1800 seconds`,
    ],
  },
  LAMBDA: {
    durationSeconds: [1, 60],
    failures: [
      (r) => `Unhandled: Error: connect ECONNREFUSED 10.0.3.12:5432 (target ${r})`,
      (r) =>
        `Rate exceeded (Service: Lambda, Status Code: 429, Error Code: TooManyRequestsException) for ${r}`,
      (r) => `Function returned an error: drain of ${r} failed: 3 connections still open`,
    ],
    timeouts: [(r) => `Task timed out after 900.00 seconds (target ${r})`],
  },
  STEP_FUNCTIONS: {
    durationSeconds: [30, 600],
    failures: [
      (r) => `States.TaskFailed in state DrainTraffic: target ${r} still receiving requests`,
      (r) => `States.Runtime in state VerifyHealth: health check of ${r} returned HTTP 503`,
    ],
    timeouts: [(r) => `States.Timeout in state WaitForHealthy: step timed out for ${r}`],
  },
};

type InvocationState = ExecutionStatus;

/** A task's planned status, and whether it got to start before the execution ended. */
interface PlannedTask {
  status: ExecutionStatus;
  started: boolean;
}

/** The status of each task (by priority order) for an execution status. */
function planTaskStatuses(
  status: ExecutionStatus,
  count: number,
  random: SeededRandom,
): PlannedTask[] {
  const current = Math.floor(count / 2);
  const plan = (pick: (index: number) => ExecutionStatus, startedUpTo = count - 1) =>
    Array.from({ length: count }, (_, i) => {
      const s = pick(i);
      return { status: s, started: s !== 'PENDING' && i <= startedUpTo };
    });
  const phased = (done: ExecutionStatus, now: ExecutionStatus, later: ExecutionStatus) =>
    plan((i) => (i < current ? done : i === current ? now : later), current);
  switch (status) {
    case 'SKIPPED_OVERLAPPING':
      return [];
    case 'SUCCESS':
    case 'PENDING':
      return plan(() => status);
    case 'IN_PROGRESS':
      return phased('SUCCESS', 'IN_PROGRESS', 'PENDING');
    case 'CANCELLING':
      return phased('SUCCESS', 'CANCELLING', 'PENDING');
    case 'CANCELLED':
      return phased('SUCCESS', 'CANCELLED', 'CANCELLED');
    case 'FAILED': {
      const failing = random.int(0, count - 1);
      return plan((i) => (i === failing ? 'FAILED' : 'SUCCESS'));
    }
    case 'TIMED_OUT': {
      // The cutoff ends the window: tasks after the one that timed out never start.
      const timedOut = random.int(0, count - 1);
      return plan(
        (i) => (i < timedOut ? 'SUCCESS' : i === timedOut ? 'TIMED_OUT' : 'CANCELLED'),
        timedOut,
      );
    }
  }
}

/** The status of each invocation of a task with the given status. */
function planInvocationStatuses(
  taskStatus: ExecutionStatus,
  count: number,
  random: SeededRandom,
): InvocationState[] {
  const statuses: InvocationState[] = [];
  const bad = Math.max(1, Math.min(count, random.int(1, Math.max(1, Math.ceil(count / 4)))));
  for (let i = 0; i < count; i += 1) {
    switch (taskStatus) {
      case 'FAILED':
      case 'TIMED_OUT':
        statuses.push(i < bad ? taskStatus : 'SUCCESS');
        break;
      case 'IN_PROGRESS':
        statuses.push(i < count / 3 ? 'SUCCESS' : i < (2 * count) / 3 ? 'IN_PROGRESS' : 'PENDING');
        break;
      case 'CANCELLING':
        statuses.push(i < count / 2 ? 'SUCCESS' : 'CANCELLING');
        break;
      case 'CANCELLED':
        statuses.push(i < count / 2 ? 'SUCCESS' : 'CANCELLED');
        break;
      default:
        statuses.push(taskStatus);
    }
  }
  // Spread the unusual outcomes over the list instead of always the first targets.
  for (let i = statuses.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [statuses[i], statuses[j]] = [statuses[j] as InvocationState, statuses[i] as InvocationState];
  }
  return statuses;
}

function taskStatusDetails(status: ExecutionStatus, bad: number, total: number): string {
  switch (status) {
    case 'SUCCESS':
      return 'Success';
    case 'FAILED':
      return `The task failed on ${bad} of ${total} targets.`;
    case 'TIMED_OUT':
      return `The task timed out on ${bad} of ${total} targets.`;
    case 'CANCELLED':
      return 'The task was cancelled before all targets completed.';
    case 'CANCELLING':
      return 'Cancelling';
    case 'IN_PROGRESS':
      return 'InProgress';
    default:
      return 'Pending';
  }
}

function invocationDetails(
  status: InvocationState,
  taskType: TaskType,
  resource: string,
  random: SeededRandom,
): string {
  const profile = TASK_PROFILES[taskType];
  switch (status) {
    case 'FAILED':
      return random.pick(profile.failures)(resource, random);
    case 'TIMED_OUT':
      return random.pick(profile.timeouts)(resource);
    case 'SUCCESS':
      return 'Success';
    case 'IN_PROGRESS':
      return 'InProgress';
    case 'CANCELLING':
      return 'Cancelling';
    case 'CANCELLED':
      return 'Cancelled: the maintenance window execution was cancelled';
    default:
      return 'Pending';
  }
}

/** Seconds → a Date `seconds` after `base`, with millisecond precision. */
function after(base: Date, seconds: number, random: SeededRandom): Date {
  return new Date(base.getTime() + seconds * 1000 + random.int(0, 999));
}

/**
 * Builds the records of one execution. Deterministic for a given random state and plan.
 *
 * @example
 * ```ts
 * const built = buildExecution(createSeededRandom('x'), { window, windowExecutionId, startTime,
 *   status: 'FAILED', tasks: [runPatchBaseline], targets });
 * ```
 */
export function buildExecution(random: SeededRandom, plan: ExecutionPlan): BuiltExecution {
  const execution: EmulatorExecution = {
    WindowId: plan.window.WindowId,
    WindowExecutionId: plan.windowExecutionId,
    Status: plan.status,
    StatusDetails: EXECUTION_DETAILS[plan.status],
    StartTime: plan.startTime,
  };
  if (plan.status === 'SKIPPED_OVERLAPPING') {
    execution.EndTime = plan.startTime;
    return { execution, tasks: [], invocations: [] };
  }
  const templates = [...plan.tasks].sort((a, b) => a.priority - b.priority);
  const taskStatuses = planTaskStatuses(plan.status, templates.length, random);
  const resources = plan.targets.flatMap((target) =>
    target.resourceIds.map((resourceId) => ({ target, resourceId })),
  );
  const perTask = plan.invocationsPerTask ?? resources.length;
  const tasks: EmulatorTask[] = [];
  const invocations: EmulatorInvocation[] = [];
  let cursor = after(plan.startTime, random.int(2, 20), random);
  let lastEnd: Date | undefined;

  templates.forEach((template, index) => {
    const planned = taskStatuses[index] ?? { status: 'PENDING', started: false };
    const taskStatus = planned.status;
    const started = planned.started;
    const task: EmulatorTask = {
      WindowExecutionId: plan.windowExecutionId,
      TaskExecutionId: random.uuid(),
      TaskArn: template.taskArn,
      TaskType: template.taskType,
      ServiceRole:
        template.serviceRole ??
        `arn:aws:iam::${ACCOUNT}:role/aws-service-role/ssm.amazonaws.com/AWSServiceRoleForAmazonSSM`,
      Priority: template.priority,
      MaxConcurrency: template.maxConcurrency ?? '1',
      MaxErrors: template.maxErrors ?? '1',
      Status: taskStatus,
      StartTime: started ? cursor : undefined,
    };
    if (template.alarmName) {
      task.AlarmConfiguration = {
        IgnorePollAlarmFailure: false,
        Alarms: [{ Name: template.alarmName }],
      };
    }
    const invocationStatuses = started
      ? planInvocationStatuses(taskStatus, perTask, random)
      : Array.from({ length: perTask }, () => taskStatus);
    let taskEnd: Date | undefined;
    invocationStatuses.forEach((status, i) => {
      const slot = resources.length === 0 ? undefined : resources[i % resources.length];
      const resource = slot && i < resources.length ? slot.resourceId : `i-0${random.hex(16)}`;
      const invocationStarted = started && status !== 'PENDING';
      const [minSeconds, maxSeconds] = TASK_PROFILES[template.taskType].durationSeconds;
      const startTime =
        invocationStarted && task.StartTime
          ? after(task.StartTime, random.int(0, 9), random)
          : undefined;
      const finished = status !== 'PENDING' && status !== 'IN_PROGRESS' && status !== 'CANCELLING';
      const seconds = status === 'TIMED_OUT' ? 3600 : random.int(minSeconds, maxSeconds);
      const endTime = startTime && finished ? after(startTime, seconds, random) : undefined;
      if (endTime && (!taskEnd || endTime > taskEnd)) taskEnd = endTime;
      const invocation: EmulatorInvocation = {
        WindowExecutionId: plan.windowExecutionId,
        TaskExecutionId: task.TaskExecutionId,
        InvocationId: random.uuid(),
        ExecutionId: startTime ? executionIdFor(template.taskType, template, random) : undefined,
        TaskType: template.taskType,
        Parameters: invocationParameters(template, resource, template.taskType),
        Status: status,
        StatusDetails: invocationDetails(status, template.taskType, resource, random),
        StartTime: startTime,
        EndTime: endTime,
        OwnerInformation: slot?.target.ownerInformation,
        WindowTargetId: slot?.target.windowTargetId,
      };
      // Failed Run Command / Automation runs say what their command or runbook said.
      invocation.StatusDetails = runStatusDetails(invocation) ?? invocation.StatusDetails;
      invocations.push(invocation);
    });
    const bad = invocationStatuses.filter((s) => s === 'FAILED' || s === 'TIMED_OUT').length;
    task.StatusDetails = taskStatusDetails(taskStatus, bad, invocationStatuses.length);
    const taskFinished =
      taskStatus !== 'PENDING' && taskStatus !== 'IN_PROGRESS' && taskStatus !== 'CANCELLING';
    if (task.StartTime && taskFinished) {
      task.EndTime = after(taskEnd ?? task.StartTime, random.int(1, 3), random);
      lastEnd = task.EndTime;
      cursor = after(task.EndTime, random.int(1, 5), random);
    }
    if (template.alarmName && (taskStatus === 'FAILED' || taskStatus === 'TIMED_OUT')) {
      task.TriggeredAlarms = [{ Name: template.alarmName, State: 'ALARM' }];
    }
    tasks.push(task);
  });

  const executionFinished = !['PENDING', 'IN_PROGRESS', 'CANCELLING'].includes(plan.status);
  if (executionFinished) execution.EndTime = after(lastEnd ?? plan.startTime, 1, random);
  return { execution, tasks, invocations };
}
