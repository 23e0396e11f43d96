/**
 * Free-form map members (Automation `Parameters`, `Outputs`, step `Inputs`, `FailureDetails.Details`…)
 * carry keys the caller chose. A key that happens to be named like a timestamp member (`StartTime`)
 * must reach the caller as sent, over both transports, and must not break the answer.
 */
import { createInvocationsClient } from '../client/create-invocations-client';
import { createInvocationsClientWithTransport } from '../client/invocations-client';
import type { InvocationsClient } from '../client/invocations-client';
import {
  fetchRequestTo,
  startLoopbackServer,
  type LoopbackServer,
} from '../test-support/loopback-server';
import { jsonTransport } from './json-transport';

const REF = {
  windowExecutionId: '11111111-1111-4111-8111-111111111111',
  taskId: '22222222-2222-4222-8222-222222222222',
  invocationId: '33333333-3333-4333-8333-333333333333',
};
const AUTOMATION_ID = '5d2c7f0a-8b1e-4f4e-a0c2-91d3e6b4c720';

const INVOCATION = {
  WindowExecutionId: REF.windowExecutionId,
  TaskExecutionId: REF.taskId,
  InvocationId: REF.invocationId,
  ExecutionId: AUTOMATION_ID,
  TaskType: 'AUTOMATION',
  Status: 'FAILED',
  StartTime: 1764358800.25,
  Parameters: '{"parameters":{"StartTime":["tomorrow"]}}',
};

// Every free-form map of the answer holds keys named like timestamp members, with string values.
const AUTOMATION_BODY = JSON.stringify({
  AutomationExecution: {
    AutomationExecutionId: AUTOMATION_ID,
    AutomationExecutionStatus: 'Failed',
    ExecutionStartTime: 1764358800.2,
    Parameters: { StartTime: ['tomorrow'], EndTime: [''] },
    Variables: { CreatedDate: ['not a date'] },
    Outputs: { 'step.EndTime': ['x'], ModifiedDate: ['later'] },
    TargetMaps: [{ StartTime: ['i-0abc1234def567890'] }],
    StepExecutions: [
      {
        StepName: 'wait',
        Action: 'aws:waitForAwsResourceProperty',
        StepStatus: 'Failed',
        ExecutionStartTime: 1764358800.6,
        Inputs: { StartTime: '"2026-11-28T20:00:00Z"', EndTime: '"soon"' },
        Outputs: { EndTime: ['not a number'] },
        OverriddenParameters: { StartTime: ['now'] },
        FailureMessage: 'Timed out',
        FailureDetails: {
          FailureStage: 'Invocation',
          FailureType: 'Action',
          Details: { StartTime: ['yesterday'], ExceptionMessage: ['boom'] },
        },
      },
    ],
  },
});

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function startAnswering(): Promise<string> {
  server = await startLoopbackServer((req, res) => {
    const target = String(req.headers['x-amz-target']);
    const body = target.endsWith('GetAutomationExecution')
      ? AUTOMATION_BODY
      : JSON.stringify(INVOCATION);
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
    res.end(body);
  });
  return server.url;
}

function clientFor(kind: 'sdk' | 'json', url: string): InvocationsClient {
  if (kind === 'sdk') {
    return createInvocationsClient({
      endpoint: url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
      maxAttempts: 1,
    });
  }
  return createInvocationsClientWithTransport(
    jsonTransport(fetchRequestTo(url), { maxAttempts: 1, baseDelayMs: 1 }),
  );
}

describe.each(['sdk', 'json'] as const)('%s transport: free-form maps', (kind) => {
  it('keeps timestamp-named keys inside automation maps as sent', async () => {
    const client = clientFor(kind, await startAnswering());
    const diagnosis = await client.diagnoseInvocation(REF);
    if (diagnosis.taskType !== 'AUTOMATION') throw new Error(diagnosis.taskType);
    expect(diagnosis.notes).toEqual([]);
    expect(diagnosis.invocation.StartTime).toEqual(new Date(1764358800250));
    const run = diagnosis.automation;
    expect(run?.startTime).toEqual(new Date(1764358800200));
    expect(run?.outputs).toEqual({ 'step.EndTime': ['x'], ModifiedDate: ['later'] });
    expect(run?.failedStep?.stepName).toBe('wait');
    expect(run?.failedStep?.startTime).toEqual(new Date(1764358800600));
    expect(run?.failedStep?.outputs).toEqual({ EndTime: ['not a number'] });
    expect(run?.failedStep?.failureDetails?.details).toEqual({
      StartTime: ['yesterday'],
      ExceptionMessage: ['boom'],
    });
  });
});
