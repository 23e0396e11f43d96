// Test data shaped like the backend's answers (JSON form of core reports).
import type { Entity } from '@backstage/catalog-model';
import {
  summarize,
  summarizeWindowReport,
  type ExecutionReport,
  type Serialized,
  type TaskReport,
  type WindowReport,
} from '@ssm-invocations/core/model';
import type {
  EntityDiagnosisResponse,
  EntityReportResponse,
  EntityTaskTargetsResponse,
  EntityWindowReport,
  ReportInvocation,
  TaskIds,
} from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { ANNOTATION_SSM_WINDOW_ARN } from '@ssm-invocations/backstage-plugin-ssm-invocations-common';

export const WINDOW_ID = 'mw-0123456789abcdef0';
export const WINDOW_ARN = `arn:aws:ssm:eu-west-1:123456789012:maintenancewindow/${WINDOW_ID}`;
export const OTHER_WINDOW_ID = 'mw-0fedcba9876543210';

export const annotatedEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments',
    namespace: 'default',
    annotations: { [ANNOTATION_SSM_WINDOW_ARN]: WINDOW_ARN },
  },
  spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
};

export const plainEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'no-windows', namespace: 'default' },
  spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
};

let counter = 0;
function uuid(): string {
  counter += 1;
  return `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
}

function at(day: number, minute = 0): string {
  return new Date(Date.UTC(2026, 10, day, 2, minute)).toISOString();
}

function invocation(
  windowExecutionId: string,
  taskExecutionId: string,
  status: string,
  target: string,
  owner: string,
  details: string,
  day: number,
): ReportInvocation {
  return {
    WindowExecutionId: windowExecutionId,
    TaskExecutionId: taskExecutionId,
    InvocationId: uuid(),
    TaskType: 'RUN_COMMAND',
    Status: status,
    StatusDetails: details,
    StartTime: at(day, 0),
    EndTime: status === 'IN_PROGRESS' ? undefined : at(day, 3),
    OwnerInformation: owner,
    // The window target is a UUID; the instance it resolved to comes as `targets` (the backend
    // strips Parameters and sends what core's invocationTargets reads from them).
    WindowTargetId: uuid(),
    targets: [{ kind: 'instance', id: target }],
  };
}

function execution(
  day: number,
  status: string,
  invocations: Array<[string, string, string, string]>,
): Serialized<ExecutionReport> {
  const windowExecutionId = uuid();
  const taskExecutionId = uuid();
  const records = invocations.map(([s, target, owner, details]) =>
    invocation(windowExecutionId, taskExecutionId, s, target, owner, details, day),
  );
  const task: Serialized<TaskReport> = {
    task: {
      WindowExecutionId: windowExecutionId,
      TaskExecutionId: taskExecutionId,
      Status: status,
      StatusDetails: status === 'FAILED' ? 'One or more targets failed' : 'Success',
      StartTime: at(day, 0),
      EndTime: status === 'IN_PROGRESS' ? undefined : at(day, 4),
      TaskArn: 'AWS-RunPatchBaseline',
      TaskType: 'RUN_COMMAND',
    },
    invocations: records,
    summary: summarize(records),
  };
  return {
    execution: {
      WindowId: WINDOW_ID,
      WindowExecutionId: windowExecutionId,
      Status: status,
      StartTime: at(day, 0),
      EndTime: status === 'IN_PROGRESS' ? undefined : at(day, 4),
    },
    tasks: [task],
    summary: summarize(records),
  };
}

/** The full report of a nightly window: green for two nights, red last night. */
function mixedFullReport(): Serialized<WindowReport> {
  const executions = [
    execution(27, 'FAILED', [
      ['SUCCESS', 'i-0aaa1111aaaa1111a', 'web-1', 'Success'],
      ['FAILED', 'i-0bbb2222bbbb2222b', 'db-primary', 'Failed: yum exited with code 1'],
    ]),
    execution(26, 'SUCCESS', [['SUCCESS', 'i-0aaa1111aaaa1111a', 'web-1', 'Success']]),
    execution(25, 'SUCCESS', [['SUCCESS', 'i-0aaa1111aaaa1111a', 'web-1', 'Success']]),
  ];
  return {
    window: {
      WindowId: WINDOW_ID,
      Name: 'payments-nightly-patching',
      Schedule: 'cron(0 2 ? * * *)',
      Enabled: true,
      NextExecutionTime: at(28),
    },
    executions,
    summary: summarize(executions.flatMap((e) => e.tasks.flatMap((t) => t.invocations))),
    generatedAt: at(27, 30),
  };
}

/** The backend's answer for a full report: its summary shape. */
function entityResponse(report: Serialized<WindowReport>): EntityReportResponse {
  const window: EntityWindowReport = {
    windowArn: WINDOW_ARN,
    region: 'eu-west-1',
    accountId: '123456789012',
    windowId: WINDOW_ID,
    report: summarizeWindowReport(report),
  };
  return { windows: [window] };
}

/** A nightly window: green for two nights, red last night (one target failed). */
export function mixedReport(): EntityReportResponse {
  return entityResponse(mixedFullReport());
}

/**
 * The nightly window's answer, and every invocation of every task of it, as the task targets
 * route pages them.
 */
export function mixedReportAndTargets(): {
  response: EntityReportResponse;
  invocations: ReportInvocation[];
} {
  const full = mixedFullReport();
  const invocations = full.executions.flatMap((e) => e.tasks.flatMap((t) => t.invocations));
  return { response: entityResponse(full), invocations };
}

/**
 * A fake of the task targets route over the given invocations, `pageSize` a page; the token is
 * the offset of the next page.
 */
export function taskTargetsPages(invocations: ReportInvocation[], pageSize: number) {
  return async (
    _entity: unknown,
    ids: TaskIds,
    options: { nextToken?: string } = {},
  ): Promise<EntityTaskTargetsResponse> => {
    const offset = Number(options.nextToken ?? 0);
    const own = invocations.filter((invocation) => invocation.TaskExecutionId === ids.taskId);
    const next = offset + pageSize;
    return {
      invocations: own.slice(offset, next),
      ...(next < own.length ? { nextToken: String(next) } : {}),
    };
  };
}

/** Same window with its newest execution still running. */
export function runningReport(): EntityReportResponse {
  const report = mixedFullReport();
  report.executions.unshift(
    execution(28, 'IN_PROGRESS', [['IN_PROGRESS', 'i-0aaa1111aaaa1111a', 'web-1', '']]),
  );
  return entityResponse(report);
}

/** A second window the backend's role may not read. */
export function accessDeniedWindow(): EntityWindowReport {
  return {
    windowArn: `arn:aws:ssm:us-east-1:210987654321:maintenancewindow/${OTHER_WINDOW_ID}`,
    region: 'us-east-1',
    accountId: '210987654321',
    windowId: OTHER_WINDOW_ID,
    error: {
      name: 'AccessDeniedError',
      code: 'ACCESS_DENIED',
      operation: 'DescribeMaintenanceWindowExecutions',
      message:
        'User: arn:aws:sts::210987654321:assumed-role/backstage/x is not authorized to perform: ssm:DescribeMaintenanceWindowExecutions on resource: arn:aws:ssm:us-east-1:210987654321:maintenancewindow/mw-0fedcba9876543210',
    },
  };
}

/** The backend's diagnosis of a failed Run Command invocation on `instanceId`. */
export function failedCommandDiagnosis(
  invocation: ReportInvocation,
  instanceId: string,
  options: { stderr?: string; withheld?: boolean } = {},
): EntityDiagnosisResponse {
  const stderr =
    options.stderr ?? 'Loaded plugins: priorities\nError: Nothing to do\nyum exited with code 1\n';
  const withheld = options.withheld ?? false;
  const commandId = '11111111-2222-4333-8444-555555555555';
  return {
    outputWithheld: withheld,
    diagnosis: {
      taskType: 'RUN_COMMAND',
      invocation: { ...invocation, ExecutionId: commandId },
      commandId,
      targets: [{ kind: 'instance', id: instanceId }],
      links: [
        {
          kind: 'run-command-output',
          label: `Run Command output on ${instanceId}`,
          url: `https://eu-west-1.console.aws.amazon.com/systems-manager/run-command/${commandId}/${instanceId}?region=eu-west-1`,
          targetId: instanceId,
        },
      ],
      notes: [],
      instances: [
        {
          commandId,
          instanceId,
          status: 'Failed',
          statusDetails: 'Failed',
          plugins: [{ name: 'PatchLinux', status: 'Failed', responseCode: 1 }],
          output: {
            commandId,
            instanceId,
            responseCode: 1,
            status: 'Failed',
            ...(withheld
              ? {}
              : {
                  standardOutput: { text: 'Checking for updates\n', truncated: false },
                  standardError: { text: stderr, truncated: true },
                }),
          },
        },
      ],
    },
  };
}
