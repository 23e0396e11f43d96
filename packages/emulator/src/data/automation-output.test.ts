import { createSeededRandom } from '../state/seeded-random';
import {
  AUTOMATION_FAILURE_KINDS,
  generateAutomationOutcome,
  type AutomationFailureKind,
} from './automation-output';

const NODE = 'i-0abc1234def567890';
// The SSM model says `^aws:[a-zA-Z]{3,25}$`, yet the real `aws:waitForAwsResourceProperty` has 26
// letters: the documented pattern is too narrow, so neither side may enforce its upper bound.
const ACTION = /^aws:[a-zA-Z]{3,}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function run(seed: string, failure?: AutomationFailureKind) {
  return generateAutomationOutcome(createSeededRandom(seed).next, { instanceId: NODE, failure });
}

describe('generateAutomationOutcome', () => {
  it('is deterministic for a seed', () => {
    expect(run('a', 'api-error')).toEqual(run('a', 'api-error'));
    expect(run('a', 'api-error')).not.toEqual(run('b', 'api-error'));
  });

  it('runs every step to success and reports an output when nothing fails', () => {
    const outcome = run('ok');
    expect(outcome.AutomationExecutionStatus).toBe('Success');
    expect(outcome.FailureMessage).toBeUndefined();
    expect(outcome.StepExecutions.map((s) => s.StepStatus)).toEqual(Array(5).fill('Success'));
    expect(outcome.Outputs['createSnapshot.SnapshotId']?.[0]).toMatch(/^snap-0[0-9a-f]{16}$/);
  });

  it.each([
    ['api-error', 'createSnapshot', 'aws:executeAwsApi', 'Failed', 'Invocation', 'Action'],
    ['permission', 'describeRootVolume', 'aws:executeAwsApi', 'Failed', 'Invocation', 'Permission'],
    [
      'wait-timeout',
      'waitForSnapshot',
      'aws:waitForAwsResourceProperty',
      'TimedOut',
      'PostVerification',
      'Verification',
    ],
    ['run-command', 'patchInstance', 'aws:runCommand', 'Failed', 'Invocation', 'Action'],
  ] as const)(
    '%s fails step %s (%s) and stops there',
    (failure, stepName, action, status, stage, type) => {
      const outcome = run(`f-${failure}`, failure);
      const last = outcome.StepExecutions.at(-1);
      expect(last).toMatchObject({ StepName: stepName, Action: action, StepStatus: status });
      expect(last?.FailureDetails).toMatchObject({ FailureStage: stage, FailureType: type });
      expect(last?.FailureMessage).toBeTruthy();
      expect(outcome.FailureMessage).toBe(last?.FailureMessage);
      expect(outcome.AutomationExecutionStatus).toBe(status);
      for (const step of outcome.StepExecutions.slice(0, -1))
        expect(step.StepStatus).toBe('Success');
    },
  );

  it('shapes every step like the SSM model: action names, JSON-encoded inputs, ordered times', () => {
    for (const failure of [undefined, ...AUTOMATION_FAILURE_KINDS]) {
      const outcome = run(`shape-${String(failure)}`, failure);
      let previousEnd = 0;
      for (const step of outcome.StepExecutions) {
        expect(step.Action).toMatch(ACTION);
        expect(step.StepExecutionId).toMatch(UUID);
        for (const value of Object.values(step.Inputs))
          expect(() => JSON.parse(value)).not.toThrow();
        expect(step.startOffsetMs).toBeGreaterThanOrEqual(previousEnd);
        previousEnd = step.startOffsetMs + step.durationMs;
      }
      expect(outcome.durationMs).toBeGreaterThanOrEqual(previousEnd);
      const exception = outcome.StepExecutions.at(-1)?.FailureDetails?.Details['ExceptionMessage'];
      if (exception !== undefined) expect(exception[0]?.length).toBeGreaterThan(0);
    }
  });

  it('names the node in the inputs and the run-command failure', () => {
    const outcome = run('node', 'run-command');
    expect(JSON.parse(outcome.StepExecutions[0]?.Inputs['InstanceIds'] ?? '[]')).toEqual([NODE]);
    expect(outcome.FailureMessage).toContain(NODE);
  });
});
