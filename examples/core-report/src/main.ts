/**
 * The smallest real use of `@ssm-invocations/core`: for every maintenance window, fetch a report
 * of its latest executions and print one summary line per window and per execution.
 *
 *   SSM_ENDPOINT=http://127.0.0.1:8566 pnpm --filter @ssm-invocations/example-core-report start
 *
 * Without SSM_ENDPOINT it talks to AWS with the SDK's usual region and credential chain.
 */
import { createInvocationsClient, SsmInvocationsError } from '@ssm-invocations/core';

const endpoint = process.env.SSM_ENDPOINT;
const client = createInvocationsClient({
  region: process.env.AWS_REGION ?? 'us-east-1',
  ...(endpoint ? { endpoint } : {}),
});

function percent(rate: number | null): string {
  return rate === null ? 'n/a' : `${Math.round(rate * 100)}%`;
}

async function main(): Promise<void> {
  const windows = await client.listWindows();
  for (const { WindowId: windowId } of windows) {
    if (!windowId) continue;
    const report = await client.getWindowReport({ windowId, executions: 3 });
    const { summary } = report;
    console.log(
      `${report.window.Name} (${windowId}): ${summary.total} invocations, ` +
        `${summary.failed} failed, ${summary.running} running, success ${percent(summary.successRate)}`,
    );
    for (const { execution, summary: execSummary } of report.executions) {
      console.log(
        `  ${execution.WindowExecutionId} ${execution.Status}: ` +
          `${execSummary.failed}/${execSummary.total} failed`,
      );
    }
  }
}

main().catch((error: unknown) => {
  // Core errors carry a code and the AWS request id in their message; no stack for those.
  if (error instanceof SsmInvocationsError) console.error(`${error.code}: ${error.message}`);
  else console.error(error);
  process.exitCode = 1;
});
