/**
 * P2: the per-page cost of `listInvocations` (validation, pool, rate-limit check, record
 * copying) against a raw `SSMClient.send` of the same command on the same SSMClient, at zero
 * latency, with the emulator in its own process. Calls alternate one by one (raw, core, raw, …)
 * so load from other work on a shared machine hits both alike. The ratio is the median of the
 * per-pair ratios (each pair measured back to back), with the ratio of medians printed beside it.
 * Target ≤ 1.05×.
 */
import { DescribeMaintenanceWindowExecutionTaskInvocationsCommand } from '@aws-sdk/client-ssm';
import { clientsFor } from '../support/core-clients';
import { spawnEmulator } from './emulator-process';
import { benchFixture, BENCH_EXECUTION_ID, BENCH_TASK_ID, median } from './report-fixture';

const SAMPLES = 600;
const WARM_UP = 50;
const TARGET = 1.05;

export async function pageOverheadBench(): Promise<void> {
  const emulator = await spawnEmulator(benchFixture({ executions: 1, tasks: 1, invocations: 100 }));
  const pair = clientsFor(emulator.url);
  const raw = async (): Promise<number> => {
    const out = await pair.ssmClient.send(
      new DescribeMaintenanceWindowExecutionTaskInvocationsCommand({
        WindowExecutionId: BENCH_EXECUTION_ID,
        TaskId: BENCH_TASK_ID,
        MaxResults: 100,
      }),
    );
    return out.WindowExecutionTaskInvocationIdentities?.length ?? 0;
  };
  const core = async (): Promise<number> => {
    const page = await pair.sdk.listInvocations({
      windowExecutionId: BENCH_EXECUTION_ID,
      taskId: BENCH_TASK_ID,
      maxResults: 100,
    });
    return page.invocations.length;
  };
  const timeOne = async (fn: () => Promise<number>): Promise<number> => {
    const t0 = performance.now();
    if ((await fn()) !== 100) throw new Error('short page');
    return performance.now() - t0;
  };
  try {
    const rawTimes: number[] = [];
    const coreTimes: number[] = [];
    const pairRatios: number[] = [];
    for (let i = 0; i < WARM_UP + SAMPLES; i += 1) {
      // Alternate which goes first so neither always follows the other.
      const [first, second] = i % 2 === 0 ? [raw, core] : [core, raw];
      const a = await timeOne(first);
      const b = await timeOne(second);
      if (i < WARM_UP) continue;
      const [rawSample, coreSample] = i % 2 === 0 ? [a, b] : [b, a];
      rawTimes.push(rawSample);
      coreTimes.push(coreSample);
      pairRatios.push(coreSample / rawSample);
    }
    const rawMs = median(rawTimes);
    const coreMs = median(coreTimes);
    const ratio = median(pairRatios);
    console.log(
      `P2 listInvocations vs raw SSMClient.send (100-record page, zero latency, ${SAMPLES} pairs): ` +
        `median ${coreMs.toFixed(3)} ms vs ${rawMs.toFixed(3)} ms (ratio of medians ${(coreMs / rawMs).toFixed(3)}); ` +
        `median pair ratio ${ratio.toFixed(3)} (target ≤ ${TARGET}) ${ratio <= TARGET ? 'PASS' : 'FAIL'}`,
    );
  } finally {
    pair.ssmClient.destroy();
    await emulator.stop();
  }
}
