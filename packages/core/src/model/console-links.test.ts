import fc from 'fast-check';
import { consoleLinks } from './console-links';
import { InvalidInputError } from './errors';

const COMMAND = '0b1f5c9e-2d7a-4c1e-9a55-3f6e8d2a7b10';
const EC2 = 'i-0abc1234def567890';
const HYBRID = 'mi-0123456789abcdef0';

describe('consoleLinks', () => {
  it('links a RUN_COMMAND invocation to its command and to each node’s output', () => {
    const links = consoleLinks({
      region: 'eu-west-1',
      invocation: {
        TaskType: 'RUN_COMMAND',
        ExecutionId: COMMAND,
        Parameters: JSON.stringify({ instanceIds: [EC2, HYBRID] }),
      },
    });
    const base = `https://eu-west-1.console.aws.amazon.com/systems-manager/run-command/${COMMAND}`;
    expect(links).toEqual([
      { kind: 'run-command', label: 'Run Command command', url: `${base}?region=eu-west-1` },
      {
        kind: 'run-command-output',
        label: `Run Command output on ${EC2}`,
        url: `${base}/${EC2}?region=eu-west-1`,
        targetId: EC2,
      },
      {
        kind: 'run-command-output',
        label: `Run Command output on ${HYBRID}`,
        url: `${base}/${HYBRID}?region=eu-west-1`,
        targetId: HYBRID,
      },
    ]);
  });

  it.each([
    ['us-east-1', 'https://us-east-1.console.aws.amazon.com'],
    ['cn-northwest-1', 'https://console.amazonaws.cn'],
    ['us-gov-west-1', 'https://console.amazonaws-us-gov.com'],
  ])('links an AUTOMATION execution in %s on its partition’s console', (region, origin) => {
    const [link] = consoleLinks({
      region,
      invocation: { TaskType: 'AUTOMATION', ExecutionId: COMMAND },
    });
    expect(link?.url).toBe(
      `${origin}/systems-manager/automation/execution/${COMMAND}?region=${region}`,
    );
  });

  it('links a LAMBDA function to its log group with the CloudWatch double encoding', () => {
    const arn = 'arn:aws:lambda:eu-central-1:111122223333:function:mw-hook';
    const links = consoleLinks({
      region: 'eu-west-1',
      invocation: { TaskType: 'LAMBDA', Parameters: JSON.stringify({ functionName: arn }) },
    });
    expect(links).toEqual([
      {
        kind: 'lambda-log-group',
        label: 'CloudWatch logs of mw-hook',
        // The function's own region wins over the window's.
        url: 'https://eu-central-1.console.aws.amazon.com/cloudwatch/home?region=eu-central-1#logsV2:log-groups/log-group/$252Faws$252Flambda$252Fmw-hook',
        targetId: 'mw-hook',
      },
    ]);
  });

  it('links a STEP_FUNCTIONS execution from its ExecutionId or from Parameters', () => {
    const arn = 'arn:aws-us-gov:states:us-gov-east-1:111122223333:execution:mw-flow:run-01';
    const [fromId] = consoleLinks({
      region: 'us-gov-east-1',
      invocation: { TaskType: 'STEP_FUNCTIONS', ExecutionId: arn },
    });
    expect(fromId?.url).toBe(
      `https://console.amazonaws-us-gov.com/states/home?region=us-gov-east-1#/v2/executions/details/${arn}`,
    );
    const [fromParameters] = consoleLinks({
      region: 'eu-west-1',
      invocation: {
        TaskType: 'STEP_FUNCTIONS',
        ExecutionId: 'not-an-arn',
        Parameters: JSON.stringify({
          stateMachineArn: 'arn:aws:states:eu-west-1:111122223333:stateMachine:mw-flow',
          name: 'mw-run-01',
        }),
      },
    });
    expect(fromParameters?.url).toBe(
      'https://eu-west-1.console.aws.amazon.com/states/home?region=eu-west-1#/v2/executions/details/arn:aws:states:eu-west-1:111122223333:execution:mw-flow:mw-run-01',
    );
  });

  it('gives no link for ids that are not ids, and encodes what it links', () => {
    expect(
      consoleLinks({
        region: 'eu-west-1',
        invocation: { TaskType: 'RUN_COMMAND', ExecutionId: '../../evil?x=1#y' },
      }),
    ).toEqual([]);
    const links = consoleLinks({
      region: 'eu-west-1',
      invocation: { TaskType: 'RUN_COMMAND', ExecutionId: COMMAND },
      targets: [{ kind: 'instance', id: 'i-0/../x?y#z' }],
    });
    expect(links[1]?.url).toContain('/i-0%2F..%2Fx%3Fy%23z?region=');
  });

  it('rejects a region that is not one', () => {
    expect(() =>
      consoleLinks({ region: 'evil.com/x', invocation: { TaskType: 'AUTOMATION' } }),
    ).toThrow(InvalidInputError);
  });

  it('only ever produces https console URLs without raw server text', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('RUN_COMMAND', 'AUTOMATION', 'LAMBDA', 'STEP_FUNCTIONS'),
        fc.oneof(fc.uuid(), fc.string()),
        fc.string(),
        (TaskType, ExecutionId, id) => {
          const links = consoleLinks({
            region: 'us-east-1',
            invocation: { TaskType, ExecutionId, Parameters: JSON.stringify({ functionName: id }) },
            targets: [
              { kind: 'instance', id },
              { kind: 'lambda-function', id },
            ],
          });
          for (const link of links) {
            const url = new URL(link.url);
            expect(url.protocol).toBe('https:');
            expect(url.hostname).toBe('us-east-1.console.aws.amazon.com');
            expect(link.url).not.toMatch(/[\s"<>\\^`{|}]/);
          }
        },
      ),
    );
  });
});
