import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEmulator } from '../http/server';
import type { ExecutionStatus, TaskType } from '../protocol/service-model';
import type { EmulatorExecution, EmulatorInvocation } from '../state/store';
import { toEventBridgeEvent } from './event-sender';

interface Received {
  headers: Record<string, string | string[] | undefined>;
  event: {
    id: string;
    source: string;
    'detail-type': string;
    region: string;
    resources: string[];
    detail: Record<string, string>;
  };
}

async function collector(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, event: JSON.parse(body) as Received['event'] });
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/webhook/ssm`, received };
}

/** Waits until deliveries stop arriving (nothing new for 300 ms, at most 10 s). */
async function settle(received: Received[]): Promise<void> {
  let last = -1;
  for (let waited = 0; waited < 10_000 && (received.length !== last || last === 0); waited += 300) {
    last = received.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

describe('live mode posts EventBridge events', () => {
  it('posts one event per status change, with the API key, consistent with the store', async () => {
    const sink = await collector();
    const startedAt = Date.now(); // live mode's clock starts now; the seed's history is older
    const emulator = await startEmulator({
      seed: 'demo',
      live: { autoTick: false, tickMs: 1000, seed: 'events' },
      events: { url: sink.url, secret: 'k-123', region: 'eu-west-1' },
    });
    try {
      const { created } = emulator.tick(10);
      expect(created.length).toBeGreaterThan(0);
      // Live runs mostly succeed: tick on (a bounded while) until an Automation, Lambda or Step
      // Functions target failed (its events say COMPLETE, not FAILED).
      const liveFailure = () =>
        emulator.store.invocations.some(
          (one) =>
            one.Status === 'FAILED' &&
            one.TaskType !== 'RUN_COMMAND' &&
            (one.StartTime?.getTime() ?? 0) >= startedAt,
        );
      for (let i = 0; i < 300 && !liveFailure(); i += 1) emulator.tick();
      expect(liveFailure()).toBe(true);
      await settle(sink.received);
      expect(sink.received.length).toBeGreaterThan(0);
      for (const { headers, event } of sink.received) {
        expect(headers['x-api-key']).toBe('k-123');
        expect(event.source).toBe('aws.ssm');
        expect(event.region).toBe('eu-west-1');
        expect(event.resources[0]).toBe(
          `arn:aws:ssm:eu-west-1:123456789012:maintenancewindow/${event.detail['window-id']}`,
        );
      }
      const targetEvents = sink.received
        .map((one) => one.event)
        .filter((e) => e['detail-type'].startsWith('Maintenance Window Task Target Invocation'));
      const targetsOf = (e: Received['event']) =>
        emulator.store
          .invocationsOf(e.detail['window-execution-id'] ?? '', e.detail['task-execution-id'] ?? '')
          .filter((one) => one.WindowTargetId === e.detail['window-target-id']);
      // A Run Command event's status is one its target's invocations had.
      for (const event of targetEvents.filter((e) => e.detail.status === 'FAILED')) {
        expect(targetsOf(event).map((one) => one.Status)).toContain('FAILED');
      }
      // As in AWS: no invocation event is PENDING; a Run Command target's events carry its status,
      // any other task type's only IN_PROGRESS, then COMPLETE whatever the outcome.
      expect(targetEvents.map((e) => e.detail.status)).not.toContain('PENDING');
      const taskTypeOf = (e: Received['event']) => targetsOf(e)[0]?.TaskType;
      const otherTypes = targetEvents.filter((e) => taskTypeOf(e) !== 'RUN_COMMAND');
      expect(new Set(otherTypes.map((e) => e.detail.status))).toEqual(
        new Set(['IN_PROGRESS', 'COMPLETE']),
      );
      // A failed one is among them, its event COMPLETE with an end time.
      const completeOfFailed = otherTypes.filter(
        (e) =>
          e.detail.status === 'COMPLETE' && targetsOf(e).some((one) => one.Status === 'FAILED'),
      );
      expect(completeOfFailed.length).toBeGreaterThan(0);
      for (const event of completeOfFailed) {
        expect(event.detail['end-time']).toEqual(expect.any(String));
      }
      // A live run that started is posted PENDING, then each later status once, ending final
      // (deliveries run concurrently, so their arrival order is not asserted).
      const executionEvents = sink.received
        .map((one) => one.event)
        .filter(
          (e) => e['detail-type'] === 'Maintenance Window Execution State-change Notification',
        );
      const ran = created
        .map((id) => emulator.store.getExecution(id))
        .find((execution) => execution?.Status === 'SUCCESS' || execution?.Status === 'FAILED');
      const statuses = executionEvents
        .filter((e) => e.detail['window-execution-id'] === ran?.WindowExecutionId)
        .map((e) => e.detail.status);
      expect(statuses).toContain('PENDING');
      expect(statuses).toContain(ran?.Status);
      expect(new Set(statuses).size).toBe(statuses.length);
      expect(new Set(sink.received.map((one) => one.event.id)).size).toBe(sink.received.length);
    } finally {
      await emulator.stop();
      sink.server.close();
    }
  });

  it('refuses events without live mode', async () => {
    await expect(startEmulator({ events: { url: 'http://127.0.0.1:1/' } })).rejects.toThrow(
      /events need live mode/,
    );
  });
});

describe('toEventBridgeEvent for a target invocation', () => {
  const execution: EmulatorExecution = {
    WindowId: 'mw-0123456789abcdef0',
    WindowExecutionId: '00000000-0000-4000-8000-000000000001',
    Status: 'IN_PROGRESS',
  };
  const statusOf = (TaskType: TaskType, Status: ExecutionStatus) => {
    const invocation: EmulatorInvocation = {
      WindowExecutionId: execution.WindowExecutionId,
      TaskExecutionId: '00000000-0000-4000-8000-000000000002',
      InvocationId: '00000000-0000-4000-8000-000000000003',
      WindowTargetId: '00000000-0000-4000-8000-000000000004',
      TaskType,
      Status,
    };
    const event = toEventBridgeEvent({ kind: 'invocation', invocation, execution }, { url: '' });
    return (event?.detail as Record<string, unknown> | undefined)?.status ?? 'no event';
  };
  const FINAL: ExecutionStatus[] = ['SUCCESS', 'FAILED', 'TIMED_OUT', 'CANCELLED'];

  it('Run Command: the invocation status, never PENDING', () => {
    expect(statusOf('RUN_COMMAND', 'PENDING')).toBe('no event');
    for (const status of ['IN_PROGRESS', 'CANCELLING', ...FINAL] as ExecutionStatus[]) {
      expect(statusOf('RUN_COMMAND', status)).toBe(status);
    }
  });

  it.each<TaskType>(['AUTOMATION', 'LAMBDA', 'STEP_FUNCTIONS'])(
    '%s: IN_PROGRESS, then COMPLETE whatever the outcome',
    (taskType) => {
      expect(statusOf(taskType, 'PENDING')).toBe('no event');
      expect(statusOf(taskType, 'IN_PROGRESS')).toBe('IN_PROGRESS');
      expect(statusOf(taskType, 'CANCELLING')).toBe('no event');
      for (const status of FINAL) expect(statusOf(taskType, status)).toBe('COMPLETE');
    },
  );

  it('an execution keeps its own status, PENDING included', () => {
    const event = toEventBridgeEvent(
      { kind: 'execution', execution: { ...execution, Status: 'PENDING' } },
      { url: '' },
    );
    expect(event?.detail).toMatchObject({ status: 'PENDING', 'window-id': execution.WindowId });
  });
});
