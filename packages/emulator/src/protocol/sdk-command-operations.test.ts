import {
  GetCommandInvocationCommand,
  ListCommandInvocationsCommand,
  paginateListCommandInvocations,
  type CommandFilter,
  type CommandInvocation,
  type SSMClient,
} from '@aws-sdk/client-ssm';
import { DEMO_WINDOW_IDS } from '../data/demo-windows';
import type { Emulator } from '../http/server';
import {
  NODE_ID,
  errorOf,
  expectedCommandRows,
  startDemoSession,
  stopSession,
  instanceIdsOf,
  rawJsonCall,
  startedInvocations,
} from '../test-support/follow-up-client';

const UNKNOWN_COMMAND = '00000000-0000-4000-8000-000000000000';

describe('ListCommandInvocations and GetCommandInvocation through the real SDK (demo seed)', () => {
  let emulator: Emulator;
  let ssm: SSMClient;

  beforeAll(async () => {
    ({ emulator, ssm } = await startDemoSession());
  });
  afterAll(() => stopSession({ emulator, ssm }));

  /** GetCommandInvocation of a command no invocation names. */
  function getUnknownCommand() {
    return ssm.send(
      new GetCommandInvocationCommand({
        CommandId: UNKNOWN_COMMAND,
        InstanceId: 'i-0123456789abcdef0',
      }),
    );
  }

  function failedRunCommand(windowId: string) {
    const failed = startedInvocations(emulator.store, 'RUN_COMMAND').find(
      (i) =>
        i.Status === 'FAILED' &&
        emulator.store.getExecution(i.WindowExecutionId)?.WindowId === windowId &&
        !(i.StatusDetails ?? '').startsWith('Undeliverable'),
    );
    if (!failed) throw new Error(`the demo window ${windowId} has a failed command`);
    return failed;
  }

  async function pageThrough(pageSize: number, details: boolean): Promise<CommandInvocation[]> {
    const rows: CommandInvocation[] = [];
    for await (const page of paginateListCommandInvocations(
      { client: ssm, pageSize },
      { Details: details },
    )) {
      expect((page.CommandInvocations ?? []).length).toBeLessThanOrEqual(pageSize);
      rows.push(...(page.CommandInvocations ?? []));
    }
    return rows;
  }

  it('pages through every command invocation once, newest first, with and without Details', async () => {
    const expected = expectedCommandRows(emulator.store);
    expect(expected.length).toBeGreaterThan(50);
    for (const [pageSize, details] of [
      [7, false],
      [50, true],
    ] as const) {
      const rows = await pageThrough(pageSize, details);
      const keys = rows.map((r) => `${r.CommandId}/${r.InstanceId}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect([...keys].sort()).toEqual([...expected].sort());
      const times = rows.map((r) => r.RequestedDateTime?.getTime() ?? Infinity);
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      for (const row of rows) {
        expect(row.InstanceId).toMatch(NODE_ID);
        expect(row.RequestedDateTime).toBeInstanceOf(Date);
        if (!details) expect(row.CommandPlugins).toEqual([]);
        else expect(row.CommandPlugins?.length).toBeGreaterThan(0);
      }
    }
  });

  it('cuts plugin Output at 2500 chars and GetCommandInvocation stdout at 24,000', async () => {
    const rows = await pageThrough(50, true);
    const long = rows.find((r) => r.CommandPlugins?.some((p) => p.Output?.length === 2500));
    const plugin = long?.CommandPlugins?.find((p) => p.Output?.length === 2500);
    expect(plugin).toBeDefined();
    const out = await ssm.send(
      new GetCommandInvocationCommand({
        CommandId: long?.CommandId,
        InstanceId: long?.InstanceId,
        PluginName: plugin?.Name,
      }),
    );
    expect(out.StandardOutputContent?.length).toBeGreaterThan(2500);
    expect(out.StandardOutputContent?.length).toBeLessThanOrEqual(24_000);
    expect(plugin?.Output).toBe(out.StandardOutputContent?.slice(0, 2500));
  });

  it('with Details, every plugin has a name, a status and Output within 2500 chars', async () => {
    const out = await ssm.send(
      new ListCommandInvocationsCommand({ Details: true, MaxResults: 50 }),
    );
    const plugins = (out.CommandInvocations ?? []).flatMap((r) => r.CommandPlugins ?? []);
    expect(plugins.length).toBeGreaterThan(0);
    for (const plugin of plugins) {
      expect(plugin.Name?.length).toBeGreaterThanOrEqual(4);
      expect(['Pending', 'InProgress', 'Success', 'TimedOut', 'Cancelled', 'Failed']).toContain(
        plugin.Status,
      );
      expect(plugin.Output?.length).toBeLessThanOrEqual(2500);
      expect(Number.isInteger(plugin.ResponseCode)).toBe(true);
    }
  });

  it('lists one command by CommandId, one node by InstanceId, and nothing for an unknown command', async () => {
    const invocation = failedRunCommand(DEMO_WINDOW_IDS.paymentsApiNightlyPatching);
    const byCommand = await ssm.send(
      new ListCommandInvocationsCommand({ CommandId: invocation.ExecutionId }),
    );
    expect(byCommand.CommandInvocations?.map((r) => r.InstanceId)).toEqual(
      instanceIdsOf(invocation),
    );
    const node = instanceIdsOf(invocation)[0] ?? '';
    const byNode = await ssm.send(
      new ListCommandInvocationsCommand({ InstanceId: node, MaxResults: 50 }),
    );
    const namingNode = startedInvocations(emulator.store, 'RUN_COMMAND').filter((i) =>
      instanceIdsOf(i).includes(node),
    );
    expect(byNode.CommandInvocations?.map((r) => r.CommandId).sort()).toEqual(
      namingNode.map((i) => i.ExecutionId).sort(),
    );
    expect(byNode.CommandInvocations?.every((r) => r.InstanceId === node)).toBe(true);
    const unknown = await ssm.send(
      new ListCommandInvocationsCommand({ CommandId: UNKNOWN_COMMAND }),
    );
    expect(unknown.$metadata.httpStatusCode).toBe(200);
    expect(unknown.CommandInvocations).toEqual([]);
  });

  it('filters by Status, DocumentName and InvokedAfter, ANDed', async () => {
    const failed = await ssm.send(
      new ListCommandInvocationsCommand({
        MaxResults: 50,
        Filters: [
          { key: 'Status', value: 'Failed' },
          { key: 'DocumentName', value: 'AWS-RunShellScript' },
        ],
      }),
    );
    const rows = failed.CommandInvocations ?? [];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows)
      expect(row).toMatchObject({ Status: 'Failed', DocumentName: 'AWS-RunShellScript' });
    const timedOut = await ssm.send(
      new ListCommandInvocationsCommand({
        Filters: [{ key: 'Status', value: 'ExecutionTimedOut' }],
      }),
    );
    expect(timedOut.CommandInvocations?.length).toBeGreaterThan(0);
    for (const row of timedOut.CommandInvocations ?? []) {
      expect(row).toMatchObject({ Status: 'TimedOut', StatusDetails: 'Execution Timed Out' });
    }
    const all = expectedCommandRows(emulator.store).length;
    // The middle request time of the seed (its history ends at the seed's anchor).
    const starts = startedInvocations(emulator.store, 'RUN_COMMAND')
      .map((i) => i.StartTime?.getTime() ?? 0)
      .sort((a, b) => a - b);
    const pivot = new Date(starts[Math.floor(starts.length / 2)] ?? 0);
    const recent = await pageThroughFiltered([{ key: 'InvokedAfter', value: pivot.toISOString() }]);
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.length).toBeLessThan(all);
    for (const row of recent)
      expect(row.RequestedDateTime?.getTime()).toBeGreaterThanOrEqual(pivot.getTime());
  });

  async function pageThroughFiltered(Filters: CommandFilter[]) {
    const rows: CommandInvocation[] = [];
    for await (const page of paginateListCommandInvocations(
      { client: ssm, pageSize: 50 },
      { Filters },
    )) {
      rows.push(...(page.CommandInvocations ?? []));
    }
    return rows;
  }

  it.each([
    [
      { CommandId: 'too-short' },
      'ValidationException',
      /at 'commandId' failed to satisfy constraint: Member must have length greater than or equal to 36/,
    ],
    [
      { InstanceId: 'host-1' },
      'ValidationException',
      /at 'instanceId' failed to satisfy constraint: Member must satisfy regular expression pattern/,
    ],
    [{ MaxResults: 51 }, 'ValidationException', /Member must have value less than or equal to 50/],
    [{ MaxResults: 0 }, 'ValidationException', /Member must have value greater than or equal to 1/],
    [
      { Filters: [] },
      'ValidationException',
      /at 'filters' failed to satisfy constraint: Member must have length greater than or equal to 1/,
    ],
    [
      { Filters: Array(6).fill({ key: 'Status', value: 'Failed' }) },
      'ValidationException',
      /Member must have length less than or equal to 5/,
    ],
    [
      { Filters: [{ key: 'Colour', value: 'x' }] },
      'ValidationException',
      /at 'filters.1.member.key' failed to satisfy constraint: Member must satisfy enum value set/,
    ],
    [{ Filters: [{ key: 'ExecutionStage', value: 'Executing' }] }, 'InvalidFilterKey', /.*/],
    [
      { Filters: [{ key: 'Status', value: 'Exploded' }] },
      'ValidationException',
      /not valid for the filter key Status/,
    ],
    [{ CommandId: 'not-a-command-id-but-36-characters!!' }, 'InvalidCommandId', /.*/],
    [{ NextToken: 'forged' }, 'InvalidNextToken', /token/],
  ])('rejects %j with %s', async (input, name, message) => {
    const error = await errorOf(ssm.send(new ListCommandInvocationsCommand(input)));
    expect(error).toMatchObject({ name, status: 400 });
    expect(error.message).toMatch(message);
  });

  it('sends InvalidFilterKey and InvalidCommandId without a message, as their shapes have no members', async () => {
    const filterKey = await rawJsonCall(emulator, 'ListCommandInvocations', {
      Filters: [{ key: 'ExecutionStage', value: 'Executing' }],
    });
    expect(filterKey).toEqual({
      status: 400,
      body: { __type: 'com.amazonaws.ssm#InvalidFilterKey' },
    });
    const commandId = await rawJsonCall(emulator, 'ListCommandInvocations', {
      CommandId: 'not-a-command-id-but-36-characters!!',
    });
    expect(commandId.body).toEqual({ __type: 'com.amazonaws.ssm#InvalidCommandId' });
  });

  it('GetCommandInvocation sends the three Execution times as strings and caps the output', async () => {
    const invocation = failedRunCommand(DEMO_WINDOW_IDS.legacyReportsMonthlyCleanup);
    const node = instanceIdsOf(invocation)[0] ?? '';
    const out = await ssm.send(
      new GetCommandInvocationCommand({ CommandId: invocation.ExecutionId, InstanceId: node }),
    );
    expect(out).toMatchObject({
      Status: 'Failed',
      DocumentName: 'AWS-RunShellScript',
      PluginName: 'aws:runShellScript',
    });
    for (const time of [out.ExecutionStartDateTime, out.ExecutionEndDateTime]) {
      expect(typeof time).toBe('string');
      expect(new Date(time ?? '').toISOString()).toBe(time);
    }
    expect(out.ExecutionElapsedTime).toMatch(/^PT\d+(\.\d+)?S$/);
    expect(new Date(out.ExecutionStartDateTime ?? '').getTime()).toBeGreaterThanOrEqual(
      invocation.StartTime?.getTime() ?? Infinity,
    );
    expect(out.ResponseCode).not.toBe(0);
    expect(out.StandardErrorContent?.length).toBeGreaterThan(0);
    expect(out.StandardErrorContent?.length).toBeLessThanOrEqual(8000);
    expect(out.StandardOutputContent?.length).toBeLessThanOrEqual(24_000);
    expect(invocation.StatusDetails).toContain(`exit code ${out.ResponseCode} on ${node}`);
    expect(invocation.StatusDetails).toContain(out.StandardErrorContent?.split('\n')[0]);
    // The cleanup task writes to S3: one plugin, so the invocation-level URLs are set too.
    const prefix = `https://s3.us-east-1.amazonaws.com/reporting-ssm-output/cleanup/${invocation.ExecutionId}/${node}/awsrunShellScript/0.awsrunShellScript/`;
    expect(out.StandardOutputUrl).toBe(`${prefix}stdout`);
    expect(out.StandardErrorUrl).toBe(`${prefix}stderr`);
    expect(out.CloudWatchOutputConfig).toEqual({
      CloudWatchLogGroupName: '',
      CloudWatchOutputEnabled: false,
    });
    const raw = await rawJsonCall(emulator, 'GetCommandInvocation', {
      CommandId: invocation.ExecutionId,
      InstanceId: node,
    });
    expect(typeof raw.body.ExecutionStartDateTime).toBe('string');
    expect(typeof raw.body.ExecutionEndDateTime).toBe('string');
  });

  it('GetCommandInvocation of a two-step patch baseline needs the step name, and reports CloudWatch', async () => {
    const invocation = failedRunCommand(DEMO_WINDOW_IDS.paymentsApiNightlyPatching);
    const node = instanceIdsOf(invocation)[0] ?? '';
    const key = { CommandId: invocation.ExecutionId, InstanceId: node };
    const missing = await errorOf(ssm.send(new GetCommandInvocationCommand(key)));
    expect(missing).toMatchObject({ name: 'InvalidPluginName', status: 400 });
    const wrong = await errorOf(
      ssm.send(new GetCommandInvocationCommand({ ...key, PluginName: 'aws:runShellScript' })),
    );
    expect(wrong.name).toBe('InvalidPluginName');
    const listed = await ssm.send(new ListCommandInvocationsCommand({ ...key, Details: true }));
    const names = listed.CommandInvocations?.[0]?.CommandPlugins?.map((p) => p.Name);
    expect(names).toEqual(['PatchWindows', 'PatchLinux']);
    const linux = await ssm.send(
      new GetCommandInvocationCommand({ ...key, PluginName: 'PatchLinux' }),
    );
    expect(linux).toMatchObject({ PluginName: 'PatchLinux', Status: 'Failed', ResponseCode: 1 });
    expect(linux.StandardErrorContent).toMatch(/ERROR|Traceback/);
    // Log lines carry the run's own time.
    const logged = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d),\d{3} /.exec(
      linux.StandardErrorContent ?? '',
    );
    const loggedAt = Date.parse(`${logged?.[1]}T${logged?.[2]}Z`);
    expect(loggedAt).toBeGreaterThanOrEqual((invocation.StartTime?.getTime() ?? 0) - 1000);
    expect(loggedAt).toBeLessThanOrEqual(invocation.EndTime?.getTime() ?? 0);
    expect(invocation.StatusDetails).toContain(
      `exit code 1 on ${node}: ${(linux.StandardErrorContent ?? '').split('\n')[0]?.slice(24)}`,
    );
    expect(linux.CloudWatchOutputConfig).toEqual({
      CloudWatchLogGroupName: '/aws/ssm/AWS-RunPatchBaseline',
      CloudWatchOutputEnabled: true,
    });
    expect(linux.StandardErrorUrl).toMatch(
      /^https:\/\/s3\.us-east-1\.amazonaws\.com\/payments-ssm-output\/patching\/.+\/PatchLinux\/stderr$/,
    );
    // Two plugins: the invocation-level URLs stay empty, as AWS documents.
    expect(listed.CommandInvocations?.[0]?.StandardErrorUrl).toBe('');
  });

  it('answers InvocationDoesNotExist with no message for an unknown command or a node it was not sent to', async () => {
    const invocation = failedRunCommand(DEMO_WINDOW_IDS.legacyReportsMonthlyCleanup);
    const unknown = await errorOf(getUnknownCommand());
    expect(unknown).toMatchObject({ name: 'InvocationDoesNotExist', status: 400 });
    const otherNode = await errorOf(
      ssm.send(
        new GetCommandInvocationCommand({
          CommandId: invocation.ExecutionId,
          InstanceId: 'mi-0123456789abcdef0',
        }),
      ),
    );
    expect(otherNode.name).toBe('InvocationDoesNotExist');
    const raw = await rawJsonCall(emulator, 'GetCommandInvocation', {
      CommandId: UNKNOWN_COMMAND,
      InstanceId: 'i-0123456789abcdef0',
    });
    expect(raw).toEqual({
      status: 400,
      body: { __type: 'com.amazonaws.ssm#InvocationDoesNotExist' },
    });
    const badId = await errorOf(
      ssm.send(
        new GetCommandInvocationCommand({
          CommandId: 'not-a-command-id-but-36-characters!!',
          InstanceId: 'i-0123456789abcdef0',
        }),
      ),
    );
    expect(badId.name).toBe('InvalidCommandId');
    const missing = await errorOf(
      ssm.send(
        new GetCommandInvocationCommand({ CommandId: UNKNOWN_COMMAND, InstanceId: undefined }),
      ),
    );
    expect(missing.message).toMatch(
      /at 'instanceId' failed to satisfy constraint: Member must not be null/,
    );
    const shortName = await errorOf(
      ssm.send(
        new GetCommandInvocationCommand({
          CommandId: UNKNOWN_COMMAND,
          InstanceId: 'i-0123456789abcdef0',
          PluginName: 'aws',
        }),
      ),
    );
    expect(shortName.message).toMatch(
      /at 'pluginName' failed to satisfy constraint: Member must have length greater than or equal to 4/,
    );
  });

  it('counts the new operations in the stats and applies their faults', async () => {
    emulator.resetStats();
    await ssm.send(new ListCommandInvocationsCommand({}));
    emulator.setFaults({ operations: { GetCommandInvocation: { failureRate: 1 } } });
    try {
      const error = await errorOf(getUnknownCommand());
      expect(error).toMatchObject({ name: 'InternalServerError', status: 500 });
    } finally {
      emulator.setFaults({});
    }
    const stats = emulator.stats();
    expect(stats.byOperation).toMatchObject({ ListCommandInvocations: 1, GetCommandInvocation: 1 });
    expect(stats.succeeded.ListCommandInvocations).toBe(1);
    expect(stats.faults.failure).toBe(1);
  });
});
