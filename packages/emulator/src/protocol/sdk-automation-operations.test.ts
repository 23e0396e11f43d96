import { GetAutomationExecutionCommand, type SSMClient } from '@aws-sdk/client-ssm';
import type { Emulator } from '../http/server';
import {
  NODE_ID,
  automationTargetOf,
  errorOf,
  startDemoSession,
  stopSession,
  rawJsonCall,
  startedInvocations,
} from '../test-support/follow-up-client';

const STATUS_OF = {
  SUCCESS: 'Success',
  FAILED: 'Failed',
  TIMED_OUT: 'TimedOut',
  CANCELLED: 'Cancelled',
  CANCELLING: 'Cancelling',
  IN_PROGRESS: 'InProgress',
  PENDING: 'Pending',
} as const;

describe('GetAutomationExecution through the real SDK (demo seed)', () => {
  let emulator: Emulator;
  let ssm: SSMClient;

  beforeAll(async () => {
    ({ emulator, ssm } = await startDemoSession());
  });
  afterAll(() => stopSession({ emulator, ssm }));

  it('answers every AUTOMATION invocation of the demo with its execution, status and target', async () => {
    const invocations = startedInvocations(emulator.store, 'AUTOMATION');
    expect(invocations.length).toBeGreaterThan(5);
    for (const invocation of invocations) {
      const { AutomationExecution: run } = await ssm.send(
        new GetAutomationExecutionCommand({ AutomationExecutionId: invocation.ExecutionId }),
      );
      const node = automationTargetOf(invocation);
      expect(node).toMatch(NODE_ID);
      expect(run).toMatchObject({
        AutomationExecutionId: invocation.ExecutionId,
        AutomationExecutionStatus: STATUS_OF[invocation.Status as keyof typeof STATUS_OF],
        ExecutionStartTime: invocation.StartTime,
        Mode: 'Auto',
      });
      expect(run?.Parameters?.InstanceId).toEqual([node]);
      expect(run?.DocumentName).toBe(JSON.parse(invocation.Parameters ?? '{}').documentName);
      for (const step of run?.StepExecutions ?? []) {
        expect(step.Action).toMatch(/^aws:[a-zA-Z]{3,}$/);
        expect(step.ExecutionStartTime).toBeInstanceOf(Date);
        expect(step.ExecutionStartTime?.getTime()).toBeGreaterThanOrEqual(
          invocation.StartTime?.getTime() ?? Infinity,
        );
        if (invocation.EndTime && step.ExecutionEndTime) {
          expect(step.ExecutionEndTime.getTime()).toBeLessThanOrEqual(invocation.EndTime.getTime());
        }
      }
    }
  });

  it('names the failed step of a failed run: name, action, FailureMessage and FailureDetails', async () => {
    const failed = startedInvocations(emulator.store, 'AUTOMATION').filter(
      (i) => i.Status === 'FAILED' || i.Status === 'TIMED_OUT',
    );
    expect(failed.length).toBeGreaterThan(0);
    for (const invocation of failed) {
      const { AutomationExecution: run } = await ssm.send(
        new GetAutomationExecutionCommand({ AutomationExecutionId: invocation.ExecutionId }),
      );
      const step = run?.StepExecutions?.find((s) => s.StepStatus !== 'Success');
      expect(step?.StepName).toBeTruthy();
      expect(step?.Action).toMatch(/^aws:/);
      expect(step?.FailureMessage).toBeTruthy();
      expect(step?.FailureDetails?.FailureStage).toMatch(
        /^(InputValidation|PreVerification|Invocation|PostVerification)$/,
      );
      expect(step?.FailureDetails?.FailureType).toMatch(
        /^(Action|Permission|Throttling|Verification|Internal)$/,
      );
      expect(run?.FailureMessage).toBe(step?.FailureMessage);
      expect(run?.ExecutionEndTime).toEqual(invocation.EndTime);
      // The maintenance window's StatusDetails tells the same story, cut to its 250 chars.
      expect(step?.FailureMessage?.startsWith(invocation.StatusDetails ?? '-')).toBe(true);
    }
  });

  it('runs the AWS-owned runbooks with their real steps', async () => {
    const byDocument = new Map<string, string[]>();
    for (const invocation of startedInvocations(emulator.store, 'AUTOMATION')) {
      const { AutomationExecution: run } = await ssm.send(
        new GetAutomationExecutionCommand({ AutomationExecutionId: invocation.ExecutionId }),
      );
      if (invocation.Status === 'SUCCESS') {
        byDocument.set(
          run?.DocumentName ?? '',
          run?.StepExecutions?.map((s) => s.Action ?? '') ?? [],
        );
      }
      if (invocation.Status === 'FAILED') {
        expect(run?.StepExecutions?.at(-1)).toMatchObject({
          StepName: 'createImage',
          Action: 'aws:createImage',
          StepStatus: 'Failed',
        });
      }
    }
    expect(Object.fromEntries(byDocument)).toEqual({
      'AWS-CreateImage': ['aws:createImage'],
      'AWS-StopEC2Instance': ['aws:changeInstanceState'],
    });
  });

  it('shows a run still going with its current step and no end', async () => {
    const going = startedInvocations(emulator.store, 'AUTOMATION').find(
      (i) => i.Status === 'CANCELLING',
    );
    if (!going) throw new Error('the demo has a cancelling automation');
    const { AutomationExecution: run } = await ssm.send(
      new GetAutomationExecutionCommand({ AutomationExecutionId: going.ExecutionId }),
    );
    expect(run?.AutomationExecutionStatus).toBe('Cancelling');
    expect(run?.ExecutionEndTime).toBeUndefined();
    expect(run?.CurrentStepName).toBe(run?.StepExecutions?.at(-1)?.StepName);
    expect(run?.StepExecutions?.at(-1)?.ExecutionEndTime).toBeUndefined();
  });

  it('sends execution and step times as epoch numbers', async () => {
    const [invocation] = startedInvocations(emulator.store, 'AUTOMATION');
    const raw = await rawJsonCall(emulator, 'GetAutomationExecution', {
      AutomationExecutionId: invocation?.ExecutionId,
    });
    const run = raw.body.AutomationExecution as Record<string, unknown>;
    expect(typeof run.ExecutionStartTime).toBe('number');
    const [step] = run.StepExecutions as Record<string, unknown>[];
    expect(typeof step?.ExecutionStartTime).toBe('number');
  });

  it('rejects an unknown id with AutomationExecutionNotFoundException and a short one with ValidationException', async () => {
    const unknown = await errorOf(
      ssm.send(
        new GetAutomationExecutionCommand({
          AutomationExecutionId: '00000000-0000-4000-8000-000000000000',
        }),
      ),
    );
    expect(unknown).toMatchObject({ name: 'AutomationExecutionNotFoundException', status: 400 });
    expect(unknown.message).toContain('00000000-0000-4000-8000-000000000000');
    const short = await errorOf(
      ssm.send(new GetAutomationExecutionCommand({ AutomationExecutionId: 'abc' })),
    );
    expect(short.name).toBe('ValidationException');
    expect(short.message).toMatch(
      /Value 'abc' at 'automationExecutionId' failed to satisfy constraint: Member must have length greater than or equal to 36/,
    );
  });
});
