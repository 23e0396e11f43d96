import {
  GetAutomationExecutionCommand,
  GetCommandInvocationCommand,
  ListCommandInvocationsCommand,
  SSMClient,
  type CommandInvocation,
} from '@aws-sdk/client-ssm';
import { startEmulator, type Emulator } from '../http/server';
import {
  errorOf,
  followUpClient,
  instanceIdsOf,
  startedInvocations,
} from '../test-support/follow-up-client';

const KEY = { accessKeyId: 'AKIDEMULATOR0001', secretAccessKey: 'emulator/secret+key=1' };

describe('the follow-ups under SigV4, the repeat-token fault and live mode', () => {
  const emulators: Emulator[] = [];
  const clients: SSMClient[] = [];
  async function start(options: Parameters<typeof startEmulator>[0]) {
    const emulator = await startEmulator({ port: 0, ...options });
    emulators.push(emulator);
    return emulator;
  }
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const emulator of emulators.splice(0)) await emulator.stop();
  });

  it('verifies SigV4 signatures on the new operations', async () => {
    const emulator = await start({ sigv4: { credentials: [KEY], region: 'us-east-1' } });
    const signed = (secretAccessKey: string) => {
      const client = new SSMClient({
        endpoint: emulator.url,
        region: 'us-east-1',
        maxAttempts: 1,
        credentials: { ...KEY, secretAccessKey },
      });
      clients.push(client);
      return client;
    };
    const [automation] = startedInvocations(emulator.store, 'AUTOMATION');
    const good = signed(KEY.secretAccessKey);
    await good.send(new ListCommandInvocationsCommand({ MaxResults: 5 }));
    await good.send(
      new GetAutomationExecutionCommand({ AutomationExecutionId: automation?.ExecutionId }),
    );
    expect(emulator.stats().signatures).toEqual({ verified: 2, rejected: 0 });
    const bad = await errorOf(signed('wrong').send(new ListCommandInvocationsCommand({})));
    expect(bad.name).toBe('InvalidSignatureException');
    expect(emulator.stats().signatures.rejected).toBe(1);
  });

  it('hands out one NextToken forever under the repeat-token fault', async () => {
    const emulator = await start({ faults: { repeatToken: true } });
    const ssm = followUpClient(emulator);
    clients.push(ssm);
    const first = await ssm.send(new ListCommandInvocationsCommand({ MaxResults: 3 }));
    const second = await ssm.send(
      new ListCommandInvocationsCommand({ MaxResults: 3, NextToken: first.NextToken }),
    );
    expect(first.NextToken).toBeDefined();
    expect(second.NextToken).toBe(first.NextToken);
    expect(emulator.stats().faults.repeatToken).toBe(2);
  });

  it('denies one follow-up with AccessDeniedException while the others answer', async () => {
    const emulator = await start({
      seed: 'demo',
      faults: { operations: { GetAutomationExecution: { accessDenied: true } } },
    });
    const ssm = followUpClient(emulator);
    clients.push(ssm);
    const [automation] = startedInvocations(emulator.store, 'AUTOMATION');
    const denied = await errorOf(
      ssm.send(
        new GetAutomationExecutionCommand({ AutomationExecutionId: automation?.ExecutionId }),
      ),
    );
    expect(denied).toMatchObject({ name: 'AccessDeniedException', status: 400 });
    expect(denied.message).toContain('ssm:GetAutomationExecution');
    const listed = await ssm.send(new ListCommandInvocationsCommand({ MaxResults: 1 }));
    expect(listed.CommandInvocations).toHaveLength(1);
    expect(emulator.stats().faults.accessDenied).toBe(1);
  });

  it('shows a running command as InProgress with ResponseCode -1, empty output and no end', async () => {
    const emulator = await start({ seed: 'demo' });
    const ssm = followUpClient(emulator);
    clients.push(ssm);
    const running = startedInvocations(emulator.store, 'RUN_COMMAND').find(
      (i) => i.Status === 'IN_PROGRESS',
    );
    if (!running) throw new Error('the demo has a running command');
    const out = await ssm.send(
      new GetCommandInvocationCommand({
        CommandId: running.ExecutionId,
        InstanceId: instanceIdsOf(running)[0],
      }),
    );
    expect(out).toMatchObject({
      Status: 'InProgress',
      StatusDetails: 'In Progress',
      ResponseCode: -1,
      ExecutionEndDateTime: '',
      ExecutionElapsedTime: '',
      StandardOutputContent: '',
      StandardErrorContent: '',
      StandardOutputUrl: '',
    });
    expect(out.ExecutionStartDateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('pages through command invocations once each while live mode adds and finishes runs', async () => {
    const emulator = await start({
      seed: 'demo',
      live: { autoTick: false, tickMs: 1000, newExecutionEveryTicks: 1 },
    });
    const ssm = followUpClient(emulator);
    clients.push(ssm);
    emulator.tick();
    const initial = startedInvocations(emulator.store, 'RUN_COMMAND').flatMap((i) =>
      instanceIdsOf(i).map((node) => `${i.ExecutionId}/${node}`),
    );
    const seen: CommandInvocation[] = [];
    let token: string | undefined;
    do {
      const page = await ssm.send(
        new ListCommandInvocationsCommand({ MaxResults: 9, NextToken: token }),
      );
      seen.push(...(page.CommandInvocations ?? []));
      token = page.NextToken;
      emulator.tick();
    } while (token !== undefined);
    const keys = seen.map((r) => `${r.CommandId}/${r.InstanceId}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Everything there when paging began is seen once; runs added meanwhile may or may not be.
    expect(keys).toEqual(expect.arrayContaining(initial));
    expect(keys.length).toBeGreaterThan(80);
  });
});
