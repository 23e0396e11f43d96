import fc from 'fast-check';
import { parseGetAutomationExecutionOutput } from './automation-diagnosis';
import { ServiceError } from './errors';

const EC2 = 'i-0abc1234def567890';

// The note's GetAutomationExecution sample, as the JSON wire carries it.
const sample = {
  AutomationExecution: {
    AutomationExecutionId: '5d2c7f0a-8b1e-4f4e-a0c2-91d3e6b4c720',
    DocumentName: 'AWS-RestartEC2Instance',
    DocumentVersion: '1',
    ExecutionStartTime: 1764358800.2,
    ExecutionEndTime: 1764358861.9,
    AutomationExecutionStatus: 'Failed',
    StepExecutions: [
      {
        StepName: 'stopInstances',
        Action: 'aws:changeInstanceState',
        ExecutionStartTime: 1764358800.6,
        ExecutionEndTime: 1764358861.8,
        StepStatus: 'Failed',
        Inputs: { InstanceIds: `["${EC2}"]` },
        FailureMessage: 'Step fails when it is verifying …',
        FailureDetails: {
          FailureStage: 'PostVerification',
          FailureType: 'Verification',
          Details: { ExceptionMessage: ['Timed out waiting for state stopped'] },
        },
        StepExecutionId: '9f1e2d3c-4b5a-4678-9abc-def012345678',
        OverriddenParameters: {},
      },
    ],
    StepExecutionsTruncated: false,
    Parameters: { InstanceId: [EC2], AutomationAssumeRole: [''] },
    Outputs: {},
    FailureMessage: 'Step fails when it is verifying …',
    Mode: 'Auto',
    Targets: [],
    ResolvedTargets: { ParameterValues: [], Truncated: false },
  },
};

describe('parseGetAutomationExecutionOutput', () => {
  it('reads the sample: status, times and the failed step with its FailureDetails', () => {
    expect(parseGetAutomationExecutionOutput(sample)).toEqual({
      automationExecutionId: '5d2c7f0a-8b1e-4f4e-a0c2-91d3e6b4c720',
      documentName: 'AWS-RestartEC2Instance',
      documentVersion: '1',
      status: 'Failed',
      startTime: new Date(1764358800200),
      endTime: new Date(1764358861900),
      failureMessage: 'Step fails when it is verifying …',
      failedStep: {
        stepName: 'stopInstances',
        action: 'aws:changeInstanceState',
        stepStatus: 'Failed',
        stepExecutionId: '9f1e2d3c-4b5a-4678-9abc-def012345678',
        startTime: new Date(1764358800600),
        endTime: new Date(1764358861800),
        failureMessage: 'Step fails when it is verifying …',
        failureDetails: {
          failureStage: 'PostVerification',
          failureType: 'Verification',
          details: { ExceptionMessage: ['Timed out waiting for state stopped'] },
        },
        outputs: {},
      },
      stepCount: 1,
      stepExecutionsTruncated: false,
      outputs: {},
    });
  });

  it('prefers a failed step over a timed-out one, keeps outputs and the truncation flag', () => {
    const run = parseGetAutomationExecutionOutput({
      AutomationExecution: {
        AutomationExecutionStatus: 'TimedOut',
        StepExecutionsTruncated: true,
        // JSON.parse makes `__proto__` an own key, as a hostile response would.
        Outputs: JSON.parse('{"createImage.ImageId":["ami-0123456789abcdef0"],"__proto__":["x"]}'),
        StepExecutions: [
          { StepName: 'createImage', StepStatus: 'Success' },
          { StepName: 'waitForImage', StepStatus: 'TimedOut' },
          { StepName: 'tagImage', StepStatus: 'Failed', FailureMessage: 'm'.repeat(10_000) },
        ],
      },
    });
    expect(run.failedStep?.stepName).toBe('tagImage');
    expect(run.failedStep?.failureMessage).toHaveLength(4096);
    expect(run.stepExecutionsTruncated).toBe(true);
    expect(run.outputs['createImage.ImageId']).toEqual(['ami-0123456789abcdef0']);
    expect(Object.getPrototypeOf(run.outputs)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(run.outputs, '__proto__')?.value).toEqual(['x']);
  });

  it('says when a FailureMessage was cut to its 4 KB bound', () => {
    const long = `Step fails when it is Executing. ${'x'.repeat(5000)}`;
    const run = parseGetAutomationExecutionOutput({
      AutomationExecution: {
        FailureMessage: long,
        StepExecutions: [{ StepName: 'run', StepStatus: 'Failed', FailureMessage: long }],
      },
    });
    expect(run.failureMessage).toBe(long.slice(0, 4096));
    expect(run.failureMessageTruncated).toBe(true);
    expect(run.failedStep?.failureMessage).toBe(long.slice(0, 4096));
    expect(run.failedStep?.failureMessageTruncated).toBe(true);
    const short = parseGetAutomationExecutionOutput({
      AutomationExecution: {
        FailureMessage: 'x'.repeat(4096),
        StepExecutions: [{ StepName: 'run', StepStatus: 'Failed', FailureMessage: 'short' }],
      },
    });
    expect('failureMessageTruncated' in short).toBe(false);
    expect(short.failedStep && 'failureMessageTruncated' in short.failedStep).toBe(false);
  });

  it('gives an empty outcome for a response without members', () => {
    expect(parseGetAutomationExecutionOutput({})).toEqual({
      stepCount: 0,
      stepExecutionsTruncated: false,
      outputs: {},
    });
  });

  it.each([
    ['AutomationExecution', { AutomationExecution: 'x' }],
    ['StepExecutions', { AutomationExecution: { StepExecutions: {} } }],
    ['FailureDetails', { AutomationExecution: { StepExecutions: [{ FailureDetails: [] }] } }],
  ])('throws ServiceError when %s is malformed', (what, output) => {
    expect(() => parseGetAutomationExecutionOutput(output)).toThrow(
      new RegExp(`GetAutomationExecution failed: MalformedResponse: ${what}`),
    );
    expect(() => parseGetAutomationExecutionOutput(output)).toThrow(ServiceError);
  });

  it('never throws anything but ServiceError on arbitrary or oddly typed members', () => {
    const value = fc.anything({ withDate: true, withNullPrototype: true });
    const member = (keys: string[]) => fc.dictionary(fc.constantFrom(...keys), value);
    const step = fc.oneof(
      member(['StepName', 'StepStatus', 'FailureMessage', 'FailureDetails', 'Outputs']),
      fc.record({ FailureDetails: member(['FailureStage', 'FailureType', 'Details']) }),
      value,
    );
    const execution = fc.oneof(
      fc.record({ StepExecutions: fc.oneof(fc.array(step), value), Outputs: value }),
      member(['AutomationExecutionStatus', 'ExecutionStartTime', 'StepExecutionsTruncated']),
      value,
    );
    fc.assert(
      fc.property(fc.oneof(fc.record({ AutomationExecution: execution }), value), (raw) => {
        try {
          parseGetAutomationExecutionOutput(raw);
        } catch (error) {
          expect(error).toBeInstanceOf(ServiceError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
