import fc from 'fast-check';
import { TASK_TYPES } from './constants';
import { invocationTargets, type InvocationTarget } from './invocation-targets';

const EC2 = 'i-0abc1234def567890';
const EC2_SHORT = 'i-0abc1234';
const HYBRID = 'mi-0123456789abcdef0';

describe('invocationTargets', () => {
  it('reads RUN_COMMAND instanceIds: EC2 (17 and 8 hex) and hybrid managed nodes', () => {
    // The shape of the aws-cli sample for a RUN_COMMAND invocation.
    const Parameters = JSON.stringify({
      comment: '',
      documentName: 'AWS-RunShellScript',
      instanceIds: [EC2, EC2_SHORT, HYBRID],
      maxConcurrency: '1',
      maxErrors: '1',
      parameters: { commands: ['df -h'] },
      timeoutSeconds: 600,
    });
    expect(invocationTargets({ TaskType: 'RUN_COMMAND', Parameters })).toEqual([
      { kind: 'instance', id: EC2 },
      { kind: 'instance', id: EC2_SHORT },
      { kind: 'managed-node', id: HYBRID },
    ]);
  });

  it('keeps an id that is not an instance id as an opaque resource, drops duplicates', () => {
    const Parameters = JSON.stringify({ instanceIds: ['i-1234567890EXAMPLE', EC2, EC2] });
    expect(invocationTargets({ TaskType: 'RUN_COMMAND', Parameters })).toEqual([
      { kind: 'resource', id: 'i-1234567890EXAMPLE' },
      { kind: 'instance', id: EC2 },
    ]);
  });

  it('reads the AUTOMATION target parameter, including an instance ARN from a resource group', () => {
    const plain = JSON.stringify({
      documentName: 'AWS-RestartEC2Instance',
      documentVersion: '$DEFAULT',
      parameters: { InstanceId: [EC2], AutomationAssumeRole: [''] },
    });
    expect(invocationTargets({ TaskType: 'AUTOMATION', Parameters: plain })).toEqual([
      { kind: 'instance', id: EC2 },
    ]);
    const arn = `arn:aws:ec2:us-east-1:123456789012:instance/${EC2}`;
    const grouped = JSON.stringify({
      documentName: 'X-Restart',
      parameters: { InstanceId: [arn] },
    });
    expect(invocationTargets({ TaskType: 'AUTOMATION', Parameters: grouped })).toEqual([
      { kind: 'instance', id: EC2, arn },
    ]);
  });

  it('honours targetParameterName and finds nodes under runbook-specific parameter names', () => {
    const named = JSON.stringify({
      targetParameterName: 'Node',
      parameters: { Node: [HYBRID], InstanceId: [EC2] },
    });
    expect(invocationTargets({ TaskType: 'AUTOMATION', Parameters: named })).toEqual([
      { kind: 'managed-node', id: HYBRID },
    ]);
    const custom = JSON.stringify({ parameters: { Servers: [EC2], Note: ['reboot'] } });
    expect(invocationTargets({ TaskType: 'AUTOMATION', Parameters: custom })).toEqual([
      { kind: 'instance', id: EC2 },
    ]);
  });

  it('reads the LAMBDA function (ARN, qualifier) and the node in its payload', () => {
    const arn = 'arn:aws:lambda:eu-west-1:111122223333:function:mw-hook';
    const Parameters = JSON.stringify({
      functionName: arn,
      qualifier: '$LATEST',
      payload: JSON.stringify({ instanceId: EC2 }),
    });
    expect(invocationTargets({ TaskType: 'LAMBDA', Parameters })).toEqual([
      { kind: 'lambda-function', id: 'mw-hook', arn, qualifier: '$LATEST' },
      { kind: 'instance', id: EC2 },
    ]);
    const byName = JSON.stringify({ FunctionName: 'mw-hook:live' });
    expect(invocationTargets({ TaskType: 'LAMBDA', Parameters: byName })).toEqual([
      { kind: 'lambda-function', id: 'mw-hook', qualifier: 'live' },
    ]);
  });

  it('finds the node of a LAMBDA or STEP_FUNCTIONS invocation under any key', () => {
    const Parameters = JSON.stringify({ target: EC2, nested: { deeper: [HYBRID] } });
    for (const TaskType of ['LAMBDA', 'STEP_FUNCTIONS']) {
      expect(invocationTargets({ TaskType, Parameters })).toEqual([
        { kind: 'instance', id: EC2 },
        { kind: 'managed-node', id: HYBRID },
      ]);
    }
  });

  it('reads the STEP_FUNCTIONS state machine, the execution name and the node in its input', () => {
    const arn = 'arn:aws:states:eu-west-1:111122223333:stateMachine:mw-flow';
    const Parameters = JSON.stringify({
      stateMachineArn: arn,
      name: 'mw-run-01',
      input: JSON.stringify({ instanceId: HYBRID }),
    });
    expect(invocationTargets({ TaskType: 'STEP_FUNCTIONS', Parameters })).toEqual([
      { kind: 'state-machine', id: 'mw-flow', arn, executionName: 'mw-run-01' },
      { kind: 'managed-node', id: HYBRID },
    ]);
  });

  it('derives the state machine from an execution-ARN ExecutionId when Parameters lack it', () => {
    const ExecutionId = 'arn:aws-cn:states:cn-north-1:111122223333:execution:mw-flow:run-7';
    expect(invocationTargets({ TaskType: 'STEP_FUNCTIONS', ExecutionId })).toEqual([
      {
        kind: 'state-machine',
        id: 'mw-flow',
        arn: 'arn:aws-cn:states:cn-north-1:111122223333:stateMachine:mw-flow',
        executionName: 'run-7',
      },
    ]);
  });

  it('salvages quoted ids from truncated Parameters and ignores them inside free text', () => {
    const full = JSON.stringify({
      instanceIds: [EC2, HYBRID],
      parameters: { commands: ['echo i-0abc1234'] },
    });
    const truncated = full.slice(0, full.indexOf('parameters'));
    expect(invocationTargets({ TaskType: 'RUN_COMMAND', Parameters: truncated })).toEqual([
      { kind: 'instance', id: EC2 },
      { kind: 'managed-node', id: HYBRID },
    ]);
    const lambda = '{"functionName":"arn:aws:lambda:us-east-1:111122223333:function:hook","payl';
    expect(invocationTargets({ TaskType: 'LAMBDA', Parameters: lambda })).toEqual([
      {
        kind: 'lambda-function',
        id: 'hook',
        arn: 'arn:aws:lambda:us-east-1:111122223333:function:hook',
      },
    ]);
  });

  it.each([
    undefined,
    '',
    'null',
    '[]',
    '42',
    '"i-0abc1234def567890"',
    '{',
    '{"instanceIds":{"a":1}}',
  ])('gives [] for Parameters %p', (Parameters) => {
    expect(invocationTargets({ TaskType: 'RUN_COMMAND', Parameters })).toEqual([]);
  });

  it('drops unresolved pseudo parameters and control characters', () => {
    const Parameters = JSON.stringify({ instanceIds: ['{{RESOURCE_ID}}', 'bad\u0007id', EC2] });
    expect(invocationTargets({ TaskType: 'RUN_COMMAND', Parameters })).toEqual([
      { kind: 'instance', id: EC2 },
    ]);
  });

  it('bounds the number of targets', () => {
    const ids = Array.from({ length: 500 }, (_, i) => `i-${i.toString(16).padStart(17, '0')}`);
    const Parameters = JSON.stringify({ instanceIds: ids });
    expect(invocationTargets({ TaskType: 'RUN_COMMAND', Parameters })).toHaveLength(100);
  });

  it('never throws and returns well-formed targets for arbitrary or cut-off Parameters', () => {
    const taskType = fc.constantFrom<string | undefined>(...TASK_TYPES, 'OTHER', undefined);
    const realistic = fc
      .record({
        instanceIds: fc.array(fc.oneof(fc.constant(EC2), fc.constant(HYBRID), fc.string())),
        parameters: fc.dictionary(fc.string(), fc.array(fc.string())),
        functionName: fc.string(),
        payload: fc.json(),
        stateMachineArn: fc.string(),
        input: fc.json(),
      })
      .chain((value) => {
        const text = JSON.stringify(value);
        return fc.nat({ max: text.length }).map((cut) => text.slice(0, cut));
      });
    const parameters = fc.oneof(
      realistic,
      fc.json(),
      fc.string(),
      fc.anything().map((v) => v as string),
    );
    fc.assert(
      fc.property(taskType, parameters, fc.option(fc.string()), (TaskType, Parameters, id) => {
        const targets: InvocationTarget[] = invocationTargets({
          TaskType,
          Parameters,
          ExecutionId: id ?? undefined,
        });
        expect(targets.length).toBeLessThanOrEqual(100);
        for (const target of targets) {
          expect([
            'instance',
            'managed-node',
            'lambda-function',
            'state-machine',
            'resource',
          ]).toContain(target.kind);
          expect(target.id.length).toBeGreaterThan(0);
          // eslint-disable-next-line no-control-regex -- untrusted text is checked for control characters
          expect(target.id).not.toMatch(/[\u0000-\u001f]/);
        }
      }),
      { numRuns: 500 },
    );
  });
});
