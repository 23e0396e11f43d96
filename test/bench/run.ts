// Benchmark runner: each benchmark prints ratios measured side by side in this one run.
import { runBackstageReplicasBench } from './backstage-replicas.bench';
import { runBackstageReportBench } from './backstage-report.bench';
import { backstageReportSizeBench } from './backstage-report-size.bench';
import { backstageCardSize } from './backstageCardSize';
import { runEmulatorThrottleBench } from './emulator-throttle.bench';
import { runN8nNodeBench } from './n8n-node';
import { runN8nTriggerPollBench } from './n8n-trigger-poll.bench';
import { pageOverheadBench } from './page-overhead.bench';
import { reportDiagnosisBench } from './report-diagnosis.bench';
import { reportHistoryBench } from './report-history.bench';
import { reportLatencyBench } from './report-latency.bench';

const benches: Array<{ name: string; run: () => Promise<void> }> = [
  {
    name: 'P1 getWindowReport vs round-trip lower bound and a sequential SDK paginator loop (core)',
    run: async () => {
      if (!(await reportLatencyBench())) process.exitCode = 1;
    },
  },
  { name: 'P2 listInvocations per-page overhead vs raw SDK (core)', run: pageOverheadBench },
  {
    name: "P4 getWindowReport with diagnose: 'failed' vs its critical path's round trips (core)",
    run: async () => {
      if (!(await reportDiagnosisBench())) process.exitCode = 1;
    },
  },
  {
    name: 'P5 getWindowReport warm refresh of a finished window with a history store vs cold (core)',
    run: async () => {
      if (!(await reportHistoryBench())) process.exitCode = 1;
    },
  },
  { name: 'P3 — emulator throttling at 20 req/s, 400-request job', run: runEmulatorThrottleBench },
  {
    name: 'n8n node — module load and Get Many of 10,000 invocations (heap per output item)',
    run: runN8nNodeBench,
  },
  {
    name: 'n8n trigger — requests per quiet poll (50 windows × 10 finished executions)',
    run: async () => {
      if (!(await runN8nTriggerPollBench())) process.exitCode = 1;
    },
  },
  {
    name: 'backstage backend: coalescing and cached report latency',
    run: async () => {
      if (!(await runBackstageReportBench())) process.exitCode = 1;
    },
  },
  {
    name: 'backstage report size: the report route for a 5 × 4 × 500 window with 2 % failed',
    run: async () => {
      if (!(await backstageReportSizeBench())) process.exitCode = 1;
    },
  },
  {
    name: 'backstage backend replicas: one fetch over 2 replicas, warm refresh, cached p50 with Redis',
    run: async () => {
      if (!(await runBackstageReplicasBench())) process.exitCode = 1;
    },
  },
  backstageCardSize,
];

async function main(): Promise<void> {
  // `tsx bench/run.ts P4` runs only the benchmarks whose name contains the argument.
  const only = process.argv[2];
  const selected = only === undefined ? benches : benches.filter((b) => b.name.includes(only));
  if (selected.length === 0) {
    console.log(
      only === undefined ? 'no benchmarks registered yet' : `no benchmark name contains ${only}`,
    );
    return;
  }
  const failed: string[] = [];
  for (const bench of selected) {
    console.log(`\n## ${bench.name}`);
    const before = process.exitCode;
    process.exitCode = undefined;
    // A benchmark that throws is a missed target; the others still run.
    const threw = await bench.run().then(
      () => false,
      (error: unknown) => {
        console.error(error);
        return true;
      },
    );
    if (threw || (process.exitCode !== undefined && process.exitCode !== 0))
      failed.push(bench.name);
    process.exitCode = before;
  }
  console.log(
    failed.length === 0
      ? '\nno benchmark reported a missed target'
      : `\ntargets missed in: ${failed.join('; ')}`,
  );
  if (failed.length > 0) process.exitCode = 1;
}

// Exit explicitly: the Backstage backend started by a benchmark registers a `beforeExit` handler
// that calls process.exit(0), which would otherwise turn a missed target into a green run.
main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
