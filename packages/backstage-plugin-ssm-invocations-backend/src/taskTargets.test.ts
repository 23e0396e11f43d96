/**
 * The report route's summary shape and the paged task targets route (issue 12, item 4), against
 * the emulator's generated seed: one window, two executions of a Run Command and an Automation
 * task on 230 targets each; in this seed one task has 55 failed targets, the others none.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  ANNOTATION_SSM_WINDOW_ARN,
  type ReportInvocation,
  entityReportPath,
  entityTaskTargetsPath,
  TASK_TARGETS_PAGE_SIZE,
  type EntityReportResponse,
  type EntityTaskTargetsResponse,
  type TaskIds,
} from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { DEMO_WINDOW_IDS, startEmulator } from '@ssm-invocations/emulator';
import request from 'supertest';
import { component, demoWindowArn, type Emulator } from './test-support/demoEntities';
import { startPlugin, type StartedPlugin } from './test-support/startPlugin';

const BASE = '/api/ssm-invocations';
const asUser = mockCredentials.user.header();
const fleet = { namespace: 'default', kind: 'component', name: 'fleet' };
const other = { namespace: 'default', kind: 'component', name: 'other' };
const TARGETS = 230;

let emulator: Emulator;
let plugin: StartedPlugin;
let tasks: TaskIds[];

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    host: '127.0.0.1',
    seed: 'paging',
    seedOptions: {
      windows: 1,
      executionsPerWindow: 2,
      tasksPerExecution: 2,
      invocationsPerTask: TARGETS,
    },
  });
  const [window] = emulator.store.windows;
  tasks = emulator.store.tasks.map((task) => ({
    windowExecutionId: task.WindowExecutionId,
    taskId: task.TaskExecutionId,
  }));
  plugin = await startPlugin({
    emulator,
    entities: [
      component('fleet', { [ANNOTATION_SSM_WINDOW_ARN]: demoWindowArn(window?.WindowId ?? '') }),
      component('other', {
        [ANNOTATION_SSM_WINDOW_ARN]: demoWindowArn(DEMO_WINDOW_IDS.inventoryDbBackups),
      }),
    ],
  });
}, 30_000);

afterAll(async () => {
  await plugin?.backend.stop();
  await emulator?.stop();
});

async function targetsPage(ids: TaskIds, nextToken?: string, entity = fleet) {
  const page = nextToken === undefined ? {} : { nextToken };
  return request(plugin.server)
    .get(`${BASE}${entityTaskTargetsPath(entity, ids, page)}`)
    .set('Authorization', asUser);
}

/** Every target of a task, through every page; the page sizes too. */
async function allTargets(ids: TaskIds) {
  const invocations: ReportInvocation[] = [];
  const sizes: number[] = [];
  let nextToken: string | undefined;
  do {
    const res = await targetsPage(ids, nextToken);
    expect(res.status).toBe(200);
    const page = res.body as EntityTaskTargetsResponse;
    sizes.push(page.invocations.length);
    invocations.push(...page.invocations);
    nextToken = page.nextToken;
  } while (nextToken !== undefined && sizes.length < 10);
  return { invocations, sizes };
}

function firstTask(): TaskIds {
  const [ids] = tasks;
  if (!ids) throw new Error('the seed has no task');
  return ids;
}

const NOTABLE = ['FAILED', 'TIMED_OUT', 'CANCELLED', 'PENDING', 'IN_PROGRESS', 'CANCELLING'];

describe('report route', () => {
  it('answers counts of every target but lists only the failed and running ones, capped', async () => {
    const res = await request(plugin.server)
      .get(`${BASE}${entityReportPath(fleet, { executions: 2 })}`)
      .set('Authorization', asUser);
    expect(res.status).toBe(200);
    const [window] = (res.body as EntityReportResponse).windows;
    expect(window?.report?.summary.total).toBe(4 * TARGETS);
    expect(window?.report?.maxTargetsPerTask).toBe(20);
    const reportTasks = window?.report?.executions.flatMap((execution) => execution.tasks) ?? [];
    expect(reportTasks).toHaveLength(4);
    let omitted = 0;
    for (const task of reportTasks) {
      const { invocations: all } = await allTargets({
        windowExecutionId: task.task.WindowExecutionId ?? '',
        taskId: task.task.TaskExecutionId ?? '',
      });
      const notable = all.filter((invocation) => NOTABLE.includes(invocation.Status ?? ''));
      expect(task.summary.total).toBe(TARGETS);
      expect(task.summary.failed + task.summary.running).toBe(notable.length);
      expect(task.invocations.map((invocation) => invocation.InvocationId)).toEqual(
        notable.slice(0, 20).map((invocation) => invocation.InvocationId),
      );
      expect(task.invocationsOmitted).toBe(Math.max(0, notable.length - 20));
      omitted += task.invocationsOmitted;
      for (const invocation of task.invocations) {
        expect(invocation).not.toHaveProperty('Parameters');
      }
    }
    // The seed's 55 failed targets of one task: 20 listed, 35 counted.
    expect(omitted).toBe(35);
  });
});

describe('task targets route', () => {
  it('pages every target of a task exactly once, 100 at a time', async () => {
    for (const ids of tasks) {
      const { invocations, sizes } = await allTargets(ids);
      expect(sizes).toEqual([TASK_TARGETS_PAGE_SIZE, TASK_TARGETS_PAGE_SIZE, 30]);
      expect(new Set(invocations.map((invocation) => invocation.InvocationId)).size).toBe(TARGETS);
      for (const invocation of invocations) {
        expect(invocation.TaskExecutionId).toBe(ids.taskId);
        expect(invocation).not.toHaveProperty('Parameters');
        expect(invocation).not.toHaveProperty('OwnerInformation');
        if (invocation.TaskType === 'RUN_COMMAND')
          expect(invocation.targets?.[0]?.kind).toBe('instance');
      }
    }
  });

  it('answers 404 for a task of a window the entity is not annotated with', async () => {
    const res = await targetsPage(firstTask(), undefined, other);
    expect(res.status).toBe(404);
    expect(res.body.error.name).toBe('NotFoundError');
  });

  it('answers 400 for a malformed id or token, before asking SSM', async () => {
    const before = emulator.stats().requests;
    const badId = await targetsPage({ ...firstTask(), taskId: 'not-a-task' });
    expect(badId.status).toBe(400);
    expect(badId.body.error.message).toContain('taskId');
    const missing = await request(plugin.server)
      .get(
        `${BASE}/v1/entity/default/component/fleet/targets?windowExecutionId=${firstTask().windowExecutionId}`,
      )
      .set('Authorization', asUser);
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('taskId');
    expect(emulator.stats().requests).toBe(before);
    const badToken = await targetsPage(firstTask(), 'garbage-token');
    expect(badToken.status).toBe(400);
  });

  it('answers 401 without credentials', async () => {
    const res = await request(plugin.server)
      .get(`${BASE}${entityTaskTargetsPath(fleet, firstTask())}`)
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });
});
