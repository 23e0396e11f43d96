/**
 * P3 — emulator throttling at 20 req/s. One 400-request job (GetMaintenanceWindowExecutionTaskInvocation)
 * is run twice, side by side in this one run, each against its own emulator throttling at
 * 20 req/s (token bucket, burst 20):
 *  - "core, requestsPerSecond 20": @ssm-invocations/core with its client-side rate limit, SDK
 *    standard retries (maxAttempts 3), maxConcurrency 4;
 *  - "SDK alone, standard retries": @aws-sdk/client-ssm, 4 concurrent workers, standard mode,
 *    maxAttempts 3, no client-side limit — what a naive caller gets.
 * Criteria for the core job: 0 failed calls and throughput ≥ 0.9 × 20 req/s.
 */
import { GetMaintenanceWindowExecutionTaskInvocationCommand, SSMClient } from '@aws-sdk/client-ssm';
import { createInvocationsClient } from '@ssm-invocations/core';
import { startEmulator, type Emulator } from '@ssm-invocations/emulator';

const RATE = 20;
const JOB_SIZE = 400;
const CONCURRENCY = 4;
const CREDENTIALS = { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench-secret' };

interface JobResult {
  name: string;
  ok: number;
  failed: number;
  seconds: number;
  requests: number;
  throttled: number;
  firstError?: string;
}

type InvocationKey = { windowExecutionId: string; taskId: string; invocationId: string };

async function startThrottled(): Promise<{ emulator: Emulator; keys: InvocationKey[] }> {
  const emulator = await startEmulator({
    seed: 'bench-p3',
    seedOptions: {
      windows: 1,
      executionsPerWindow: 1,
      tasksPerExecution: 8,
      invocationsPerTask: 120,
    },
    faults: { throttle: { requestsPerSecond: RATE } },
  });
  const keys = emulator.store.invocations.slice(0, JOB_SIZE).map((i) => ({
    windowExecutionId: i.WindowExecutionId,
    taskId: i.TaskExecutionId,
    invocationId: i.InvocationId,
  }));
  if (keys.length !== JOB_SIZE)
    throw new Error(`seed has ${keys.length} invocations, need ${JOB_SIZE}`);
  return { emulator, keys };
}

/** Runs `work` over every key with `concurrency` workers, counting successes and failures. */
async function runJob(
  name: string,
  emulator: Emulator,
  keys: InvocationKey[],
  concurrency: number,
  work: (key: InvocationKey) => Promise<unknown>,
): Promise<JobResult> {
  let next = 0;
  let ok = 0;
  let failed = 0;
  let firstError: string | undefined;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < keys.length) {
        const key = keys[next++] as InvocationKey;
        try {
          await work(key);
          ok += 1;
        } catch (error) {
          failed += 1;
          firstError ??= error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const stats = emulator.stats();
  return {
    name,
    ok,
    failed,
    seconds,
    requests: stats.requests,
    throttled: stats.throttled,
    firstError,
  };
}

function row(cells: (string | number)[]): string {
  const widths = [30, 5, 7, 10, 9, 8, 7, 14];
  return cells
    .map((cell, i) =>
      String(cell)
        .padStart(i === 0 ? 0 : (widths[i] ?? 8))
        .padEnd(i === 0 ? (widths[0] ?? 30) : 0),
    )
    .join(' ');
}

export async function runEmulatorThrottleBench(): Promise<void> {
  const core = await startThrottled();
  const sdk = await startThrottled();
  const coreClient = createInvocationsClient({
    endpoint: core.emulator.url,
    region: 'us-east-1',
    credentials: CREDENTIALS,
    maxAttempts: 3,
    maxConcurrency: CONCURRENCY,
    requestsPerSecond: RATE,
  });
  const ssm = new SSMClient({
    endpoint: sdk.emulator.url,
    region: 'us-east-1',
    credentials: CREDENTIALS,
    maxAttempts: 3,
  });
  try {
    // Both jobs run at the same time, each against its own emulator, so they see the same machine load.
    const results = await Promise.all([
      runJob('core, requestsPerSecond 20', core.emulator, core.keys, CONCURRENCY, (key) =>
        coreClient.getInvocation(key),
      ),
      runJob('SDK alone, standard retries', sdk.emulator, sdk.keys, CONCURRENCY, (key) =>
        ssm.send(
          new GetMaintenanceWindowExecutionTaskInvocationCommand({
            WindowExecutionId: key.windowExecutionId,
            TaskId: key.taskId,
            InvocationId: key.invocationId,
          }),
        ),
      ),
    ]);
    console.log(
      `${JOB_SIZE} calls per job, emulator throttle ${RATE} req/s (burst ${RATE}), ${CONCURRENCY} in flight`,
    );
    console.log(
      row(['job', 'ok', 'failed', 'throttled', 'requests', 'seconds', 'ok/s', 'ratio vs 20/s']),
    );
    for (const r of results) {
      const rate = r.ok / r.seconds;
      console.log(
        row([
          r.name,
          r.ok,
          r.failed,
          r.throttled,
          r.requests,
          r.seconds.toFixed(2),
          rate.toFixed(2),
          (rate / RATE).toFixed(3),
        ]),
      );
      if (r.firstError) console.log(`  first failure (${r.name}): ${r.firstError}`);
    }
    const [coreResult, sdkResult] = results;
    if (coreResult && sdkResult) {
      const coreRatio = coreResult.ok / coreResult.seconds / RATE;
      const sdkRatio = sdkResult.ok / sdkResult.seconds / RATE;
      console.log(`core ÷ SDK-alone throughput ratio: ${(coreRatio / sdkRatio).toFixed(3)}`);
      const pass = coreResult.failed === 0 && coreRatio >= 0.9;
      console.log(
        `criteria (core job): failed calls = ${coreResult.failed} (want 0), throughput ratio = ${coreRatio.toFixed(3)} (want ≥ 0.9) → ${pass ? 'PASS' : 'FAIL'}`,
      );
      if (!pass) process.exitCode = 1;
    }
  } finally {
    ssm.destroy();
    await Promise.all([core.emulator.stop(), sdk.emulator.stop()]);
  }
}
