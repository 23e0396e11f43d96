import { join } from 'node:path';
import {
  DescribeMaintenanceWindowExecutionTaskInvocationsCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { loadFixture, loadFixtureFile } from './fixture';
import { FixtureError } from './fixture-fields';
import { startEmulator } from '../http/server';

const EXAMPLE = join(__dirname, '..', '..', 'fixtures', 'example.yaml');

describe('fixtures', () => {
  it('loads the documented example (YAML) into a store', async () => {
    const { store, blueprints } = await loadFixtureFile(EXAMPLE);
    expect(store.windows.map((w) => w.Name)).toEqual(['billing-worker-nightly-patching']);
    const invocations = store.invocationsOf(
      '0d1e0000-0000-4000-8000-000000000001',
      '7a5c0000-0000-4000-8000-000000000001',
    );
    expect(invocations.map((i) => [i.Status, i.TaskType])).toEqual([
      ['FAILED', 'RUN_COMMAND'],
      ['SUCCESS', 'RUN_COMMAND'],
    ]);
    // Epoch seconds keep their milliseconds.
    expect(invocations[0]?.EndTime?.getTime()).toBe(1795835199750);
    expect(blueprints[0]?.tasks.map((t) => t.taskArn)).toEqual(['AWS-RunPatchBaseline']);
  });

  it('is served to the SDK by startEmulator({ fixture })', async () => {
    const emulator = await startEmulator({ fixture: EXAMPLE });
    const ssm = new SSMClient({
      endpoint: emulator.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
    });
    const out = await ssm.send(
      new DescribeMaintenanceWindowExecutionTaskInvocationsCommand({
        WindowExecutionId: '0d1e0000-0000-4000-8000-000000000001',
        TaskId: '7a5c0000-0000-4000-8000-000000000001',
        Filters: [{ Key: 'STATUS', Values: ['FAILED'] }],
      }),
    );
    expect(out.WindowExecutionTaskInvocationIdentities?.[0]?.StatusDetails).toContain(
      'i-0abc1234def567890',
    );
    ssm.destroy();
    await emulator.stop();
  });

  it.each([
    [{ windows: [{ WindowId: 'mw-1', Name: 'abc' }] }, 'windows[0].WindowId'],
    [{ windows: [{ WindowId: 'mw-0123456789abcdef0', Name: 'a b' }] }, 'windows[0].Name'],
    [
      {
        windows: [
          {
            WindowId: 'mw-0123456789abcdef0',
            Name: 'abc',
            executions: [
              { WindowExecutionId: '0d1e0000-0000-4000-8000-000000000001', Status: 'DONE' },
            ],
          },
        ],
      },
      'windows[0].executions[0].Status',
    ],
    [
      {
        windows: [
          {
            WindowId: 'mw-0123456789abcdef0',
            Name: 'abc',
            executions: [
              {
                WindowExecutionId: '0d1e0000-0000-4000-8000-000000000001',
                Status: 'SUCCESS',
                StartTime: 'yesterday',
              },
            ],
          },
        ],
      },
      'windows[0].executions[0].StartTime',
    ],
    [
      {
        windows: [
          {
            WindowId: 'mw-0123456789abcdef0',
            Name: 'abc',
            executions: [
              {
                WindowExecutionId: '0d1e0000-0000-4000-8000-000000000001',
                Status: 'SUCCESS',
                tasks: [
                  {
                    TaskExecutionId: '7a5c0000-0000-4000-8000-000000000001',
                    TaskType: 'SHELL',
                    TaskArn: 'x',
                    Status: 'SUCCESS',
                  },
                ],
              },
            ],
          },
        ],
      },
      'windows[0].executions[0].tasks[0].TaskType',
    ],
    [{ windows: 'none' }, '$.windows'],
  ])('rejects a bad field, naming its path (%#)', (fixture, path) => {
    expect(() => loadFixture(fixture)).toThrow(FixtureError);
    expect(() => loadFixture(fixture)).toThrow(`Invalid fixture at ${path}:`);
  });

  it('rejects duplicate ids', () => {
    const window = { WindowId: 'mw-0123456789abcdef0', Name: 'abc' };
    expect(() => loadFixture({ windows: [window, window] })).toThrow(
      'Duplicate WindowId mw-0123456789abcdef0',
    );
  });
});
