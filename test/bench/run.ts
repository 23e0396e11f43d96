// Benchmark runner: each benchmark prints ratios measured side by side in this one run.
import { backstageCardSize } from './backstageCardSize';

const benches: Array<{ name: string; run: () => Promise<void> }> = [backstageCardSize];

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
