/**
 * Test support (not exported by the package): the targets of an entity's report, read the way
 * the card reads them — the listed (failed, running) ones with their task's ids, or a task's
 * targets through the task targets route.
 */
import type { Server } from 'node:http';
import {
  entityReportPath,
  entityTaskTargetsPath,
  type EntityReportResponse,
  type EntityTaskTargetsResponse,
  type ReportInvocation,
} from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import request from 'supertest';

const BASE = '/api/ssm-invocations';

/** The first target of the first task of the newest execution of the entity's first window. */
export async function firstTarget(
  server: Server,
  authorization: string,
  name: string,
): Promise<ReportInvocation> {
  const entity = { namespace: 'default', kind: 'component', name };
  const report = await request(server)
    .get(`${BASE}${entityReportPath(entity)}`)
    .set('Authorization', authorization);
  const execution = (report.body as EntityReportResponse).windows[0]?.report?.executions[0];
  const ids = {
    windowExecutionId: execution?.execution.WindowExecutionId ?? '',
    taskId: execution?.tasks[0]?.task.TaskExecutionId ?? '',
  };
  const page = await request(server)
    .get(`${BASE}${entityTaskTargetsPath(entity, ids)}`)
    .set('Authorization', authorization);
  const invocation = (page.body as EntityTaskTargetsResponse).invocations?.[0];
  if (!invocation) throw new Error(`no target in the report of ${name} (${page.status})`);
  return invocation;
}

/**
 * Every invocation a report lists (only failed, timed-out, cancelled or running ones), each with
 * the execution and task ids its task names, as the card's rows have them.
 */
export function listedInvocations(response: EntityReportResponse): ReportInvocation[] {
  return response.windows
    .flatMap((window) => window.report?.executions ?? [])
    .flatMap((execution) => execution.tasks)
    .flatMap(({ task, invocations }) =>
      invocations.map((invocation) => ({
        ...invocation,
        WindowExecutionId: task.WindowExecutionId,
        TaskExecutionId: task.TaskExecutionId,
      })),
    );
}
