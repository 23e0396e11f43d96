/**
 * n8n node benchmarks, on the built package as n8n loads it:
 * - module load: requiring the node, trigger and credential files (after n8n-workflow, which the
 *   host has already loaded), in fresh processes, side by side with n8n-workflow's own load;
 * - Get Many of up to 10,000 invocations: heap growth per output item at three output sizes
 *   (flat per item = memory follows the output, not whole responses), side by side with the
 *   JSON size of an item.
 * Each measurement runs in its own `node` process so one cannot warm the next.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';

const packageDir = dirname(require.resolve('n8n-nodes-ssm-invocations/package.json'));
const files = {
  node: join(packageDir, 'dist/nodes/AwsSsmMaintenanceWindow/AwsSsmMaintenanceWindow.node.js'),
  trigger: join(
    packageDir,
    'dist/nodes/AwsSsmMaintenanceWindowTrigger/AwsSsmMaintenanceWindowTrigger.node.js',
  ),
  credential: join(packageDir, 'dist/credentials/AwsSsmMaintenanceWindowsApi.credentials.js'),
  workflow: require.resolve('n8n-workflow', { paths: [packageDir] }),
};

function child(
  script: string,
  flags: string[] = [],
  env: Record<string, string> = {},
): Record<string, number> {
  const out = execFileSync(process.execPath, [...flags, '-e', script], {
    env: { ...process.env, ...env, BENCH_FILES: JSON.stringify(files) },
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Record<string, number>;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const LOAD_SCRIPT = `
const files = JSON.parse(process.env.BENCH_FILES);
const ms = (from) => Number(process.hrtime.bigint() - from) / 1e6;
let t = process.hrtime.bigint();
require(files.workflow);
const workflowMs = ms(t);
t = process.hrtime.bigint();
require(files.node);
require(files.trigger);
require(files.credential);
console.log(JSON.stringify({ workflowMs, nodesMs: ms(t) }));
`;

// A fake SSM answering DescribeMaintenanceWindowExecutionTaskInvocations page by page; pages are
// generated on demand, so the only memory that grows is the node's output.
const GET_MANY_SCRIPT = `
const files = JSON.parse(process.env.BENCH_FILES);
const { AwsSsmMaintenanceWindow } = require(files.node);
const { AwsSsmMaintenanceWindowsApi } = require(files.credential);
const total = Number(process.env.BENCH_TOTAL);
const credential = new AwsSsmMaintenanceWindowsApi();
const creds = { region: 'eu-west-1', accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench-secret' };
const id = (k, n) => k.toString(16).padStart(8, '0') + '-0000-4000-8000-' + n.toString(16).padStart(12, '0');
const params = { resource: 'invocation', operation: 'getAll', windowExecutionId: id(1, 1), taskId: id(2, 1), returnAll: true, simplify: false };
const context = {
  getInputData: () => [{ json: {} }],
  getNodeParameter: (name, i, fallback) => (name in params ? params[name] : fallback),
  getNode: () => ({ name: 'bench', type: 'bench', typeVersion: 1, position: [0, 0], parameters: {} }),
  continueOnFail: () => false,
  getExecutionCancelSignal: () => undefined,
  getCredentials: async () => creds,
  helpers: {
    async httpRequestWithAuthentication(type, options) {
      const signed = await credential.authenticate(creds, options);
      const input = JSON.parse(signed.body);
      const start = input.NextToken ? Number(input.NextToken) : 0;
      const end = Math.min(total, start + input.MaxResults);
      const page = [];
      for (let i = start; i < end; i++) {
        page.push({ WindowExecutionId: params.windowExecutionId, TaskExecutionId: params.taskId, InvocationId: id(3, i),
          ExecutionId: id(4, i), TaskType: 'RUN_COMMAND', Parameters: '{}', Status: i % 5 ? 'SUCCESS' : 'FAILED',
          StatusDetails: i % 5 ? 'Success' : 'Failed', StartTime: 1764000000 + i, EndTime: 1764000042 + i,
          OwnerInformation: 'team', WindowTargetId: id(5, i % 500) });
      }
      const body = JSON.stringify({ WindowExecutionTaskInvocationIdentities: page, ...(end < total ? { NextToken: String(end) } : {}) });
      return { statusCode: 200, headers: { 'x-amzn-requestid': 'bench' }, body };
    },
  },
};
(async () => {
  const node = new AwsSsmMaintenanceWindow();
  await node.execute.call({ ...context, getNodeParameter: (n, i, f) => (n === 'returnAll' ? false : n === 'limit' ? 10 : context.getNodeParameter(n, i, f)) });
  global.gc(); global.gc();
  const before = process.memoryUsage().heapUsed;
  const t = process.hrtime.bigint();
  const [items] = await node.execute.call(context);
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  global.gc(); global.gc();
  const growth = process.memoryUsage().heapUsed - before;
  if (items.length !== total) throw new Error('expected ' + total + ' items, got ' + items.length);
  const itemJsonBytes = JSON.stringify(items[0]).length;
  console.log(JSON.stringify({ items: items.length, ms, heapGrowthPerItem: growth / items.length, itemJsonBytes }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

/** Prints the load and Get Many measurements. */
export async function runN8nNodeBench(): Promise<void> {
  const loads = Array.from({ length: 7 }, () => child(LOAD_SCRIPT));
  const nodesMs = median(loads.map((load) => load.nodesMs ?? 0));
  const workflowMs = median(loads.map((load) => load.workflowMs ?? 0));
  console.log(
    `module load (median of 7 fresh processes): node+trigger+credential ${nodesMs.toFixed(1)} ms ` +
      `(budget 30 ms: ${nodesMs <= 30 ? 'within' : 'OVER'}) vs n8n-workflow itself ${workflowMs.toFixed(1)} ms ` +
      `→ ratio ${(nodesMs / workflowMs).toFixed(2)}`,
  );

  const rows: Array<Record<string, number>> = [1_000, 5_000, 10_000].map((total) => ({
    total,
    ...child(GET_MANY_SCRIPT, ['--expose-gc'], { BENCH_TOTAL: String(total) }),
  }));
  for (const row of rows) {
    console.log(
      `Get Many ${String(row.total).padStart(6)} invocations: ${row.ms?.toFixed(0)} ms, ` +
        `heap growth ${(row.heapGrowthPerItem ?? 0).toFixed(0)} B/item ` +
        `(item JSON ${row.itemJsonBytes} B → ratio ${((row.heapGrowthPerItem ?? 0) / (row.itemJsonBytes ?? 1)).toFixed(2)})`,
    );
  }
  const first = rows[0]?.heapGrowthPerItem ?? 0;
  const last = rows[rows.length - 1]?.heapGrowthPerItem ?? 0;
  console.log(
    `heap growth per item at 10,000 vs 1,000 items: ratio ${(last / first).toFixed(2)} ` +
      '(≈1 means memory follows the output size only)',
  );
}
