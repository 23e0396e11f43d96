/**
 * P4: getWindowReport with `diagnose: 'failed'` against the round-trip lower bound of its
 * critical path. 1 execution × 8 tasks × 120 RUN_COMMAND invocations, 10 % failed (12 per task,
 * 96 in all, each a one-node command), behind 50 ms of latency. The report chain is 4 round
 * trips (window ‖ executions → tasks → 2 invocation pages per task, all tasks at once); the
 * diagnoses of the slowest task add ListCommandInvocations → GetCommandInvocation, 2 more round
 * trips: 6 × 50 ms. maxConcurrency 100 so that the client's pool is not the bottleneck (192
 * diagnosis requests); at maxConcurrency 8 the pool's own bound (⌈192 / 8⌉ = 24 waves after the
 * 4-round-trip chain) is shown for information.
 *
 * Measured side by side against the same emulator (its own process), repetitions interleaved:
 * - the PASS criterion: report / (6 × 50 ms) ≤ 1.2 (the bound), both transports;
 * - the report without diagnoses (the chain alone, 4 round trips), for information: what this
 *   machine adds to every round trip shows up there too;
 * - the client's CPU time per report and per diagnosis request, for information: the 192
 *   diagnosis requests are answered within two round trips only if the client can send and
 *   read them in that time.
 * - for information, the same schedule hand-written with raw `SSMClient.send` calls and no core
 *   code (`raw-diagnosis-schedule.ts`, at most maxConcurrency requests in flight): what the real
 *   SDK's requests cost on this machine whoever sends them. A run of it that fails (e.g. a socket
 *   hang-up the SDK does not retry) is counted and shown, not timed.
 */
import type { Fixture } from '@ssm-invocations/emulator';
import { clientsFor } from '../support/core-clients';
import { spawnEmulator } from './emulator-process';
import { rawDiagnosisSchedule } from './raw-diagnosis-schedule';
import { benchFixture, BENCH_WINDOW_ID, median, timedRun, verdict } from './report-fixture';

const LATENCY_MS = 50;
const RUNS = 5;
const BOUND_TARGET = 1.2;
const TASKS = 8;
const INVOCATIONS = 120;
const FAILED = TASKS * (INVOCATIONS / 10);
const CHAIN_ROUND_TRIPS = 4;
const DIAGNOSIS_ROUND_TRIPS = 2;

/** The bench fixture without command ids, so the emulator gives every invocation a real command. */
export function diagnosisFixture(): Fixture {
  const fixture = benchFixture({ executions: 1, tasks: TASKS, invocations: INVOCATIONS });
  for (const window of fixture.windows) {
    for (const execution of window.executions ?? []) {
      for (const task of execution.tasks ?? []) {
        for (const invocation of task.invocations ?? []) {
          delete (invocation as { ExecutionId?: string }).ExecutionId;
        }
      }
    }
  }
  return fixture;
}

export async function reportDiagnosisBench(): Promise<boolean> {
  const emulator = await spawnEmulator(diagnosisFixture(), ['--latency', String(LATENCY_MS)]);
  let passed = true;
  try {
    const rows: string[] = [];
    for (const maxConcurrency of [100, 8]) {
      const pair = clientsFor(emulator.url, { maxConcurrency });
      const diagnosed = (transport: 'sdk' | 'json') => async () => {
        const report = await pair[transport].getWindowReport({
          windowId: BENCH_WINDOW_ID,
          executions: 1,
          diagnose: 'failed',
          maxDiagnoses: FAILED,
        });
        const tasks = report.executions.flatMap((e) => e.tasks);
        const withOutput = tasks
          .flatMap((t) => Object.values(t.diagnoses ?? {}))
          .filter((d) => d.taskType === 'RUN_COMMAND' && d.instances[0]?.output !== undefined);
        return withOutput.length;
      };
      const variants: Array<{
        name: string;
        run: () => Promise<number>;
        samples: number[];
        cpuMs: number[];
        /** Information only: a failed run is counted, not fatal. */
        failures?: number;
      }> = [
        { name: 'diagnosed sdk', run: diagnosed('sdk'), samples: [], cpuMs: [] },
        { name: 'diagnosed json', run: diagnosed('json'), samples: [], cpuMs: [] },
        {
          name: 'report only',
          run: async () =>
            (await pair.sdk.getWindowReport({ windowId: BENCH_WINDOW_ID, executions: 1 })).summary
              .total,
          samples: [],
          cpuMs: [],
        },
        {
          name: 'raw sdk',
          run: () => rawDiagnosisSchedule(pair.ssmClient, BENCH_WINDOW_ID, maxConcurrency),
          samples: [],
          cpuMs: [],
          failures: 0,
        },
      ];
      const runOnce = async (variant: (typeof variants)[number], timed: boolean) => {
        // The report alone reads every invocation; the others diagnose every failed one.
        const cpu = process.cpuUsage();
        try {
          await timedRun(variant.run, timed ? variant.samples : [], [FAILED, TASKS * INVOCATIONS]);
        } catch (error) {
          if (variant.failures === undefined) throw error;
          variant.failures += 1;
          return;
        }
        const used = process.cpuUsage(cpu);
        if (timed) variant.cpuMs.push((used.user + used.system) / 1000);
      };
      for (const variant of variants) await runOnce(variant, false); // warm-up: open the sockets
      for (let run = 0; run < RUNS; run += 1) {
        for (const variant of variants) await runOnce(variant, true);
      }
      const [sdk, json, reportOnly] = variants.map((v) => median(v.samples));
      const rawVariant = variants[3];
      const raw = rawVariant?.samples.length ? median(rawVariant.samples) : undefined;
      const [sdkCpu, jsonCpu, reportOnlyCpu] = variants.map((v) => median(v.cpuMs));
      const roundTrips =
        maxConcurrency >= 2 * FAILED
          ? CHAIN_ROUND_TRIPS + DIAGNOSIS_ROUND_TRIPS
          : CHAIN_ROUND_TRIPS + Math.ceil((2 * FAILED) / maxConcurrency);
      const bound = roundTrips * LATENCY_MS;
      const rawCpu = rawVariant === undefined ? undefined : median(rawVariant.cpuMs);
      rows.push(
        `P4 maxConcurrency ${maxConcurrency}: raw-SDK schedule without core ` +
          (raw === undefined
            ? 'did not complete'
            : `${raw?.toFixed(1)} ms = ${((raw ?? 0) / bound).toFixed(3)} × bound, client CPU ${rawCpu?.toFixed(1)} ms`) +
          (rawVariant?.failures ? ` (${rawVariant.failures} failed runs)` : '') +
          ' (information)',
      );
      rows.push(
        `P4 maxConcurrency ${maxConcurrency} (bound ${roundTrips} round trips × ${LATENCY_MS} ms = ${bound} ms), ` +
          `median of ${RUNS}: report without diagnoses ${reportOnly?.toFixed(1)} ms ` +
          `(${CHAIN_ROUND_TRIPS} round trips), client CPU ${reportOnlyCpu?.toFixed(1)} ms`,
      );
      for (const [transport, wall, cpu] of [
        ['sdk', sdk, sdkCpu],
        ['json', json, jsonCpu],
      ] as const) {
        if (wall === undefined || reportOnly === undefined) continue;
        // The client's own CPU per diagnosis request: on a shared machine this, not the
        // schedule, is what stretches the diagnosis round trips.
        const perRequest =
          cpu === undefined || reportOnlyCpu === undefined
            ? ''
            : `; client CPU ${cpu.toFixed(1)} ms, ${((cpu - reportOnlyCpu) / (2 * FAILED)).toFixed(2)} ms per diagnosis request (information)`;
        const ratio = wall / bound;
        const vsRaw =
          raw === undefined || transport !== 'sdk'
            ? ''
            : `; / raw-SDK schedule = ${(wall / raw).toFixed(3)}`;
        const enforced = maxConcurrency === 100;
        const ok = ratio <= BOUND_TARGET;
        if (enforced) passed &&= ok;
        rows.push(
          `P4 ${transport.padEnd(4)} maxConcurrency ${maxConcurrency}: report with ${FAILED} diagnoses ` +
            `${wall.toFixed(1)} ms; / bound = ${ratio.toFixed(3)} ` +
            (enforced ? `(target ≤ ${BOUND_TARGET}) ${verdict(ok)}` : '(information)') +
            `; diagnoses add ${(wall - reportOnly).toFixed(1)} ms to the report (information)` +
            vsRaw +
            perRequest,
        );
      }
      pair.ssmClient.destroy();
    }
    for (const row of rows) console.log(row);
  } finally {
    await emulator.stop();
  }
  return passed;
}
