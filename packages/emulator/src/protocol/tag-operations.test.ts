import {
  DescribeMaintenanceWindowsCommand,
  GetMaintenanceWindowCommand,
  ListTagsForResourceCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { loadFixture } from '../data/fixture';
import { DEMO_OWNERSHIP_TAG_KEY, DEMO_WINDOW_IDS } from '../data/demo-windows';
import { startEmulator, type Emulator } from '../http/server';

const TAGGED = 'mw-0123456789abcdef0';

describe('ListTagsForResource', () => {
  let demo: Emulator;
  let fixture: Emulator;
  const clients: SSMClient[] = [];
  const clientOf = (emulator: Emulator) => {
    const client = new SSMClient({
      endpoint: emulator.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
      maxAttempts: 1,
    });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    demo = await startEmulator({ port: 0, seed: 'demo' });
    fixture = await startEmulator({
      port: 0,
      fixture: {
        windows: [
          {
            WindowId: TAGGED,
            Name: 'tagged',
            Tags: [
              { Key: 'backstage.io/owner', Value: 'group:default/Zahlungs-Team' },
              { Key: 'Kostenstelle', Value: 'Zürich 42' },
            ],
          },
          { WindowId: 'mw-0123456789abcdef1', Name: 'untagged' },
        ],
      },
    });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await demo.stop();
    await fixture.stop();
  });

  it('answers a fixture window’s tags through the SDK, in the fixture’s order', async () => {
    const out = await clientOf(fixture).send(
      new ListTagsForResourceCommand({ ResourceType: 'MaintenanceWindow', ResourceId: TAGGED }),
    );
    expect(out.TagList).toEqual([
      { Key: 'backstage.io/owner', Value: 'group:default/Zahlungs-Team' },
      { Key: 'Kostenstelle', Value: 'Zürich 42' },
    ]);
  });

  it('answers an empty TagList for a window without tags', async () => {
    const out = await clientOf(fixture).send(
      new ListTagsForResourceCommand({
        ResourceType: 'MaintenanceWindow',
        ResourceId: 'mw-0123456789abcdef1',
      }),
    );
    expect(out.TagList).toEqual([]);
  });

  it('keeps tags out of GetMaintenanceWindow and DescribeMaintenanceWindows', async () => {
    const client = clientOf(fixture);
    const window = await client.send(new GetMaintenanceWindowCommand({ WindowId: TAGGED }));
    expect(window).not.toHaveProperty('Tags');
    const res = await fetch(fixture.url, {
      method: 'POST',
      headers: {
        'x-amz-target': 'AmazonSSM.DescribeMaintenanceWindows',
        'content-type': 'application/x-amz-json-1.1',
      },
      body: '{}',
    });
    expect(await res.text()).not.toContain('Tags');
    await expect(client.send(new DescribeMaintenanceWindowsCommand({}))).resolves.toBeDefined();
  });

  it('tags every demo window with the catalog entity that shows it', async () => {
    const client = clientOf(demo);
    const owners: Record<string, string | undefined> = {};
    for (const windowId of Object.values(DEMO_WINDOW_IDS)) {
      const out = await client.send(
        new ListTagsForResourceCommand({ ResourceType: 'MaintenanceWindow', ResourceId: windowId }),
      );
      owners[windowId] = out.TagList?.find((tag) => tag.Key === DEMO_OWNERSHIP_TAG_KEY)?.Value;
    }
    expect(owners).toEqual({
      [DEMO_WINDOW_IDS.paymentsApiNightlyPatching]: 'component:default/payments-api',
      [DEMO_WINDOW_IDS.checkoutWebWeeklyReboot]: 'component:default/payments-api',
      [DEMO_WINDOW_IDS.inventoryDbBackups]: 'component:default/inventory-db',
      [DEMO_WINDOW_IDS.searchIndexerHourlyReindex]: 'component:default/search-indexer',
      [DEMO_WINDOW_IDS.legacyReportsMonthlyCleanup]: 'component:default/legacy-reports',
    });
  });

  it('answers member-less InvalidResourceId for an unknown window and InvalidResourceType for another type', async () => {
    const send = async (input: Record<string, unknown>) => {
      const res = await fetch(fixture.url, {
        method: 'POST',
        headers: {
          'x-amz-target': 'AmazonSSM.ListTagsForResource',
          'content-type': 'application/x-amz-json-1.1',
        },
        body: JSON.stringify(input),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    await expect(
      send({ ResourceType: 'MaintenanceWindow', ResourceId: 'mw-00000000000000000' }),
    ).resolves.toEqual({ status: 400, body: { __type: 'com.amazonaws.ssm#InvalidResourceId' } });
    await expect(send({ ResourceType: 'Document', ResourceId: TAGGED })).resolves.toEqual({
      status: 400,
      body: { __type: 'com.amazonaws.ssm#InvalidResourceType' },
    });
    const invalid = await send({ ResourceType: 'Window', ResourceId: TAGGED });
    expect(invalid.body.__type).toMatch(/ValidationException$/);
    await expect(
      clientOf(fixture).send(
        new ListTagsForResourceCommand({
          ResourceType: 'MaintenanceWindow',
          ResourceId: 'mw-00000000000000000',
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidResourceId' });
  });

  it('refuses fixture tags outside the model’s limits, naming the field', () => {
    const withTags = (Tags: unknown) => () =>
      loadFixture({ windows: [{ WindowId: TAGGED, Name: 'tagged', Tags }] });
    expect(withTags([{ Key: '', Value: 'x' }])).toThrow(/windows\[0\]\.Tags\[0\]\.Key/);
    expect(withTags([{ Key: 'k', Value: 'x'.repeat(257) }])).toThrow(/Tags\[0\]\.Value/);
    expect(withTags([{ Key: 'a;b', Value: 'x' }])).toThrow(/Tags\[0\]\.Key/);
    expect(withTags('owner')).toThrow(/Tags/);
  });
});
