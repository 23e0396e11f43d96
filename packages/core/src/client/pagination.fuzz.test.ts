/**
 * Pagination as a property: for any number of records, page size and limit, the client returns
 * exactly the first min(limit, total) records in order, fetching exactly the pages it needs.
 */
import fc from 'fast-check';
import { jsonTransport } from '../transport/json-transport';
import type { Emulator } from '@ssm-invocations/emulator';
import {
  emulatorRequest,
  startTestEmulator,
  stopEmulators,
  uuid,
  windowFixture,
  WINDOW_ID,
} from '../test-support/emulator';
import { createInvocationsClientWithTransport } from './invocations-client';

/** Pages the client should request: MaxResults = pageSize, or max(10, remaining) when fewer remain. */
function expectedPageSizes(total: number, pageSize: number, limit: number | undefined): number[] {
  const sizes: number[] = [];
  let count = 0;
  for (;;) {
    const remaining = limit === undefined ? undefined : limit - count;
    const size =
      remaining !== undefined && remaining < pageSize ? Math.max(10, remaining) : pageSize;
    sizes.push(size);
    const served = Math.min(size, total - count);
    count += served;
    if (limit !== undefined && count >= limit) return sizes;
    if (count >= total) return sizes;
  }
}

/** Adds one execution with one task of `total` invocations to the emulator; returns their ids. */
function addTask(emulator: Emulator, run: number, total: number) {
  const { store } = emulator;
  const windowExecutionId = uuid(1, run);
  const taskId = uuid(2, run);
  const start = new Date(Date.UTC(2024, 0, 1) + run * 60_000);
  store.addExecution({
    WindowId: WINDOW_ID,
    WindowExecutionId: windowExecutionId,
    Status: 'SUCCESS',
    StartTime: start,
  });
  store.addTask({
    WindowExecutionId: windowExecutionId,
    TaskExecutionId: taskId,
    TaskArn: 'AWS-RunPatchBaseline',
    TaskType: 'RUN_COMMAND',
    Priority: 1,
    MaxConcurrency: '10',
    MaxErrors: '1',
    Status: 'SUCCESS',
    StartTime: start,
  });
  for (let i = 0; i < total; i += 1) {
    store.addInvocation({
      WindowExecutionId: windowExecutionId,
      TaskExecutionId: taskId,
      InvocationId: uuid(3, run * 1000 + i),
      TaskType: 'RUN_COMMAND',
      Status: 'SUCCESS',
      StartTime: new Date(start.getTime() + i * 1000),
    });
  }
  return { windowExecutionId, taskId };
}

describe('pagination (fast-check)', () => {
  let emulator: Emulator;
  let run = 0;
  beforeAll(async () => {
    emulator = await startTestEmulator(windowFixture({ executions: 0, tasks: 0, invocations: 0 }));
  });
  afterAll(stopEmulators);

  it('returns exactly the first min(limit, total) records with only the pages needed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 260 }),
        fc.integer({ min: 10, max: 100 }),
        fc.option(fc.integer({ min: 1, max: 300 }), { nil: undefined }),
        async (total, pageSize, limit) => {
          run += 1;
          const { windowExecutionId, taskId } = addTask(emulator, run, total);
          const request = emulatorRequest(emulator.url);
          const client = createInvocationsClientWithTransport(jsonTransport(request));
          const got = await client.getAllInvocations({
            windowExecutionId,
            taskId,
            pageSize,
            limit,
          });
          const truth = emulator.store
            .invocationsOf(windowExecutionId, taskId)
            .map((i) => i.InvocationId);
          expect(truth).toHaveLength(total);
          expect(got.map((i) => i.InvocationId)).toEqual(truth.slice(0, limit ?? truth.length));
          expect(request.sent.map((c) => c.input.MaxResults)).toEqual(
            expectedPageSizes(total, pageSize, limit),
          );
        },
      ),
      { numRuns: 150 },
    );
    // 150 runs of real HTTP round trips to the emulator; on a loaded machine that takes seconds.
  }, 60_000);
});
