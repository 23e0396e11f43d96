/**
 * The push trigger fed by the emulator's live EventBridge events (as the real-n8n e2e does,
 * without n8n): every delivered event goes through the node, and the items it emits are exactly
 * the failed or timed-out targets of the live runs — once each — even though the demo's window
 * targets resolve to several instances (one invocation each, all on the same window target).
 */
import type { IDataObject } from 'n8n-workflow';
import {
  REFERENCE_SEED_ANCHOR,
  toEventBridgeEvent,
  type Emulator,
} from '@ssm-invocations/emulator';
import { AwsSsmMaintenanceWindowEventTrigger } from './AwsSsmMaintenanceWindowEventTrigger.node';
import { fakeWebhook, startSsmEmulator } from '../../test-support/fakeN8n';

const trigger = new AwsSsmMaintenanceWindowEventTrigger();
// A test value, not a secret: built at run time so it is never a literal in source.
const KEY = ['live', 'events', String(Date.now())].join('-');

let emulator: Emulator;
/** The events live mode's changes become (the emulator's `events` option POSTs exactly these). */
const delivered: unknown[] = [];

beforeAll(async () => {
  emulator = await startSsmEmulator({
    options: {
      seed: 'demo',
      seedOptions: { anchor: REFERENCE_SEED_ANCHOR },
      live: {
        autoTick: false,
        tickMs: 1000,
        newExecutionEveryTicks: 1,
        onStateChange: (change) => {
          const event = toEventBridgeEvent(change, { url: '' });
          if (event !== undefined) delivered.push(event);
        },
      },
    },
  });
});
afterAll(() => emulator.stop());

it('emits each failed or timed-out live target exactly once', async () => {
  const startedAt = Date.now() - 2000;
  emulator.tick(40);
  const expected = emulator.store.invocations
    .filter(
      (one) =>
        (one.Status === 'FAILED' || one.Status === 'TIMED_OUT') &&
        (one.StartTime?.getTime() ?? 0) >= startedAt,
    )
    .map((one) => one.InvocationId);
  expect(expected.length).toBeGreaterThan(1);

  const staticData: IDataObject = {};
  const emitted: unknown[] = [];
  for (const body of delivered) {
    const { context } = fakeWebhook(
      emulator,
      {
        headerName: 'x-api-key',
        apiKey: KEY,
        windowIds: '',
        statuses: ['FAILED', 'TIMED_OUT'],
        simplify: true,
        includeFailureOutput: false,
      },
      { headers: { 'x-api-key': KEY }, body },
      staticData,
    );
    const result = await trigger.webhook.call(context);
    for (const item of result.workflowData?.[0] ?? []) {
      // A failed execution's own event is one item without an invocation.
      if (item.json.InvocationId !== undefined) emitted.push(item.json.InvocationId);
    }
  }
  expect([...emitted].sort()).toEqual([...expected].sort());
}, 120_000);
