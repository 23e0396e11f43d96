// Benchmark runner: each benchmark prints ratios measured side by side in this one run.
import { runEmulatorThrottleBench } from './emulator-throttle';

const benches: Array<{ name: string; run: () => Promise<void> }> = [
  { name: 'P3 — emulator throttling at 20 req/s, 400-request job', run: runEmulatorThrottleBench },
];

async function main(): Promise<void> {
  if (benches.length === 0) {
    console.log('no benchmarks registered yet');
    return;
  }
  for (const bench of benches) {
    console.log(`\n## ${bench.name}`);
    await bench.run();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
