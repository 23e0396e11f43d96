import { createSeededRandom } from '../state/seeded-random';
import { AUTOMATION_FAILURE_KINDS, type AutomationFailureKind } from './automation-output';
import { generateRunbookOutcome } from './automation-runbooks';

const NODE = 'i-0abc1234def567890';

function run(documentName: string, failure?: AutomationFailureKind, seed = 'runbooks') {
  return generateRunbookOutcome(createSeededRandom(seed).next, {
    instanceId: NODE,
    documentName,
    failure,
  });
}

describe('generateRunbookOutcome', () => {
  it.each([
    ['AWS-StopEC2Instance', ['stopInstances']],
    ['AWS-RestartEC2Instance', ['stopInstances', 'startInstances']],
    ['AWS-CreateImage', ['createImage']],
  ])('runs the steps of %s and succeeds when nothing fails', (documentName, names) => {
    const outcome = run(documentName);
    expect(outcome.DocumentName).toBe(documentName);
    expect(outcome.AutomationExecutionStatus).toBe('Success');
    expect(outcome.StepExecutions.map((s) => s.StepName)).toEqual(names);
    for (const step of outcome.StepExecutions) {
      expect(step.Action).toMatch(/^aws:(changeInstanceState|createImage)$/);
      expect(JSON.stringify(step.Inputs)).toContain(NODE);
    }
    if (documentName === 'AWS-CreateImage') {
      expect(outcome.Outputs['createImage.ImageId']?.[0]).toMatch(/^ami-0[0-9a-f]{16}$/);
    }
  });

  it.each([
    ['AWS-RestartEC2Instance', 'api-error', 'startInstances', 'Failed', 'Invocation', 'Action'],
    ['AWS-RestartEC2Instance', 'permission', 'stopInstances', 'Failed', 'Invocation', 'Permission'],
    [
      'AWS-StopEC2Instance',
      'wait-timeout',
      'stopInstances',
      'TimedOut',
      'PostVerification',
      'Verification',
    ],
    ['AWS-CreateImage', 'run-command', 'createImage', 'Failed', 'Invocation', 'Action'],
  ] as const)(
    '%s with %s fails step %s',
    (documentName, failure, stepName, status, stage, type) => {
      const outcome = run(documentName, failure);
      const last = outcome.StepExecutions.at(-1);
      expect(last).toMatchObject({ StepName: stepName, StepStatus: status });
      expect(last?.FailureDetails).toMatchObject({ FailureStage: stage, FailureType: type });
      expect(outcome).toMatchObject({
        AutomationExecutionStatus: status,
        FailureMessage: last?.FailureMessage,
      });
      for (const step of outcome.StepExecutions.slice(0, -1))
        expect(step.StepStatus).toBe('Success');
    },
  );

  it('is deterministic and falls back to the generic runbook for other documents', () => {
    for (const failure of [undefined, ...AUTOMATION_FAILURE_KINDS]) {
      expect(run('AWS-CreateImage', failure)).toEqual(run('AWS-CreateImage', failure));
    }
    expect(run('AWS-CreateImage', 'api-error', 'a')).not.toEqual(
      run('AWS-CreateImage', 'api-error', 'b'),
    );
    expect(run('Ops-Custom').StepExecutions[0]?.StepName).toBe('describeRootVolume');
  });
});
