import type { InvocationDiagnosis } from '@ssm-invocations/core/model';
import { diagnosisForCaller } from './diagnosisExposure';

/** An Automation diagnosis whose messages were long enough to be cut. */
const longFailure: InvocationDiagnosis = {
  taskType: 'AUTOMATION',
  invocation: { InvocationId: 'inv-1', TaskType: 'AUTOMATION', Status: 'FAILED' },
  targets: [],
  links: [],
  notes: [],
  automation: {
    automationExecutionId: '5d2c7f0a-8b1e-4f4e-a0c2-91d3e6b4c720',
    status: 'Failed',
    failureMessage: 'Step fails when it is Executing. '.repeat(4),
    failureMessageTruncated: true,
    failedStep: {
      stepName: 'stopInstances',
      action: 'aws:changeInstanceState',
      stepStatus: 'Failed',
      failureMessage: 'An error occurred (UnauthorizedOperation)…',
      failureMessageTruncated: true,
      outputs: { InstanceStates: ['running'] },
    },
    stepCount: 3,
    stepExecutionsTruncated: false,
    outputs: { Result: ['failed'] },
  },
};

describe('diagnosisForCaller', () => {
  it('withholds the Automation messages and the flags saying they were long', () => {
    const { diagnosis, outputWithheld } = diagnosisForCaller(longFailure, {
      includeOutput: false,
      exposeParameters: false,
    });
    expect(outputWithheld).toBe(true);
    if (diagnosis.taskType !== 'AUTOMATION') throw new Error('expected an Automation diagnosis');
    expect(diagnosis.automation).not.toHaveProperty('failureMessage');
    expect(diagnosis.automation).not.toHaveProperty('failureMessageTruncated');
    expect(diagnosis.automation?.failedStep).not.toHaveProperty('failureMessage');
    expect(diagnosis.automation?.failedStep).not.toHaveProperty('failureMessageTruncated');
    expect(diagnosis.automation?.failedStep?.stepName).toBe('stopInstances');
    expect(diagnosis.automation?.outputs).toEqual({});
  });

  it('keeps them for a caller allowed output', () => {
    const { diagnosis } = diagnosisForCaller(longFailure, {
      includeOutput: true,
      exposeParameters: false,
    });
    if (diagnosis.taskType !== 'AUTOMATION') throw new Error('expected an Automation diagnosis');
    expect(diagnosis.automation?.failureMessageTruncated).toBe(true);
    expect(diagnosis.automation?.failedStep?.failureMessageTruncated).toBe(true);
  });
});
