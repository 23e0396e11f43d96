/**
 * Run in a child process by `shared-abort-signal.test.ts`: Node emits MaxListenersExceededWarning
 * on the real `process`, which Jest's sandboxed `process` never sees. Builds a report of 18 tasks
 * through a 2-slot pool with one caller AbortSignal and prints the tasks and warnings it saw.
 */
import { jsonTransport } from '../transport/json-transport';
import { createInvocationsClientWithTransport } from '../client/invocations-client';
import {
  emulatorRequest,
  startTestEmulator,
  stopEmulators,
  windowFixture,
  WINDOW_ID,
} from './emulator';

async function main(): Promise<void> {
  const warnings: string[] = [];
  process.on('warning', (warning) => warnings.push(warning.name));
  const emulator = await startTestEmulator(
    windowFixture({ executions: 3, tasks: 6, invocations: 3 }),
  );
  const request = emulatorRequest(emulator.url);
  const client = createInvocationsClientWithTransport(
    jsonTransport(request, { sleep: async () => undefined }),
    { maxConcurrency: 2 },
  );
  const controller = new AbortController();
  const report = await client.getWindowReport(
    { windowId: WINDOW_ID, executions: 3 },
    { signal: controller.signal },
  );
  // Node emits 'warning' on a later tick.
  await new Promise((resolve) => setImmediate(resolve));
  await stopEmulators();
  const tasks = report.executions.reduce((sum, execution) => sum + execution.tasks.length, 0);
  process.stdout.write(JSON.stringify({ tasks, warnings }));
}

void main();
