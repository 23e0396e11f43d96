/**
 * Who may see which window (issue 9, "windows only for their owners"): the plugin permission, the
 * catalog-valid path, the allowed accounts and regions, the ownership tag and the redaction of
 * `Parameters` / `OwnerInformation`, each checked before (or instead of) any SSM call.
 */
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { EntityReportResponse } from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { ANNOTATION_SSM_WINDOW_ARN } from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { DEMO_OWNERSHIP_TAG_KEY, DEMO_WINDOW_IDS, startEmulator } from '@ssm-invocations/emulator';
import request from 'supertest';
import { component, demoWindowArn, type Emulator } from './test-support/demoEntities';
import { firstTarget } from './test-support/reportTargets';
import { startPlugin, type StartedPlugin } from './test-support/startPlugin';

const MEMBER = 'user:default/member';
const OTHER_ACCOUNT = '444455556666';
const foreignArn = `arn:aws:ssm:us-east-1:${OTHER_ACCOUNT}:maintenancewindow/${DEMO_WINDOW_IDS.inventoryDbBackups}`;

const entities: Entity[] = [
  component('payments-api', {
    [ANNOTATION_SSM_WINDOW_ARN]: `${demoWindowArn(DEMO_WINDOW_IDS.paymentsApiNightlyPatching)}, ${demoWindowArn(DEMO_WINDOW_IDS.checkoutWebWeeklyReboot)}`,
  }),
  component('inventory-db', {
    [ANNOTATION_SSM_WINDOW_ARN]: demoWindowArn(DEMO_WINDOW_IDS.inventoryDbBackups),
  }),
  // Annotates someone else's window, and one in an account the backend was never configured for.
  component('nosy', {
    [ANNOTATION_SSM_WINDOW_ARN]: `${demoWindowArn(DEMO_WINDOW_IDS.inventoryDbBackups)}, ${foreignArn}`,
  }),
  // Its author claims inventory-db as owner: inventory-db's window is tagged for that ref.
  {
    ...component('claims-owner', {
      [ANNOTATION_SSM_WINDOW_ARN]: demoWindowArn(DEMO_WINDOW_IDS.inventoryDbBackups),
    }),
    spec: { type: 'service', owner: 'component:default/inventory-db', lifecycle: 'production' },
  },
  // Owned by the group the tag can name instead of the component.
  {
    ...component('owned-by-group', {
      [ANNOTATION_SSM_WINDOW_ARN]: demoWindowArn(DEMO_WINDOW_IDS.legacyReportsMonthlyCleanup),
    }),
    spec: { type: 'service', owner: 'Platform-Team', lifecycle: 'production' },
  },
];

const reportPath = (name: string, kind = 'component', namespace = 'default') =>
  `/api/ssm-invocations/v1/entity/${namespace}/${kind}/${name}/report?executions=2`;

const asMember = mockCredentials.user.header(MEMBER);

/** The entity's report as the member sees it. */
const getReport = (plugin: StartedPlugin, name: string) =>
  request(plugin.server).get(reportPath(name)).set('Authorization', asMember);

/** Runs `test` against a plugin started with these settings, then stops it. */
async function withPlugin<T>(
  ssmInvocations: Record<string, unknown>,
  test: (plugin: StartedPlugin) => Promise<T>,
): Promise<T> {
  const plugin = await startPlugin({ emulator, entities, ssmInvocations });
  try {
    return await test(plugin);
  } finally {
    await plugin.backend.stop();
  }
}

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, host: '127.0.0.1', seed: 'demo' });
});
afterAll(() => emulator.stop());

function windowsOf(body: unknown) {
  return (body as EntityReportResponse).windows;
}

describe('permission ssm-invocations.window.read', () => {
  let plugin: StartedPlugin;
  const addPermissions = jest.fn();

  beforeAll(async () => {
    plugin = await startPlugin({
      emulator,
      entities,
      ssmInvocations: { cache: { ttl: 0 } },
      // A policy that allows the card to one group's member only.
      policy: (_request, credentials) =>
        (credentials.principal as { userEntityRef?: string }).userEntityRef === MEMBER
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      features: [mockServices.permissionsRegistry.mock({ addPermissions }).factory],
    });
  });
  afterAll(() => plugin.backend.stop());

  it('is registered with the permission framework, beside ssm-invocations.output.read', () => {
    expect(addPermissions).toHaveBeenCalledWith([
      expect.objectContaining({
        name: 'ssm-invocations.window.read',
        resourceType: 'catalog-entity',
        attributes: { action: 'read' },
      }),
      expect.objectContaining({
        name: 'ssm-invocations.output.read',
        resourceType: 'catalog-entity',
        attributes: { action: 'read' },
      }),
    ]);
  });

  it('lets an allowed caller read the report, asking for the entity’s ref', async () => {
    plugin.authorizeCalls.length = 0;
    const res = await getReport(plugin, 'inventory-db');
    expect(res.status).toBe(200);
    expect(windowsOf(res.body)[0]?.report).toBeDefined();
    expect(plugin.authorizeCalls).toEqual([
      {
        permission: 'ssm-invocations.window.read',
        resourceRef: 'component:default/inventory-db',
        principal: expect.objectContaining({ userEntityRef: MEMBER }),
      },
    ]);
  });

  it('answers 403 to a denied caller on both routes, without asking SSM', async () => {
    const before = emulator.stats().requests;
    const report = await request(plugin.server)
      .get(reportPath('inventory-db'))
      .set('Authorization', mockCredentials.user.header('user:default/someone-else'));
    expect(report.status).toBe(403);
    expect(report.body.error.name).toBe('NotAllowedError');
    expect(report.body.error.message).toContain('ssm-invocations.window.read');
    const detail = await request(plugin.server)
      .get(
        '/api/ssm-invocations/v1/entity/default/component/inventory-db/invocations/00000000-0000-4000-8000-000000000001/00000000-0000-4000-8000-000000000002/00000000-0000-4000-8000-000000000003',
      )
      .set('Authorization', mockCredentials.user.header('user:default/someone-else'));
    expect(detail.status).toBe(403);
    expect(emulator.stats().requests).toBe(before);
  });
});

describe('entity path segments', () => {
  let plugin: StartedPlugin;
  beforeAll(async () => {
    plugin = await startPlugin({ emulator, entities });
  });
  afterAll(() => plugin.backend.stop());

  it.each([
    ['name', reportPath(encodeURIComponent('zahlungs-äpi'))],
    ['name', reportPath('x'.repeat(64))],
    ['name', reportPath(encodeURIComponent('a b'))],
    ['kind', reportPath('payments-api', encodeURIComponent('comp:onent'))],
    ['namespace', reportPath('payments-api', 'component', encodeURIComponent('默认'))],
    ['namespace', reportPath('payments-api', 'component', 'n'.repeat(64))],
  ])(
    'answers 400 naming the %s segment of %s, before the catalog or SSM',
    async (segment, path) => {
      plugin.getEntityByRef.mockClear();
      const before = emulator.stats().requests;
      const res = await request(plugin.server).get(path).set('Authorization', asMember);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toContain(`Path segment ${segment} `);
      expect(plugin.getEntityByRef).not.toHaveBeenCalled();
      expect(emulator.stats().requests).toBe(before);
    },
  );

  it('still serves valid mixed-case segments', async () => {
    const res = await request(plugin.server)
      .get(reportPath('inventory-db', 'Component'))
      .set('Authorization', asMember);
    expect(res.status).toBe(200);
  });
});

describe('allowed accounts and regions', () => {
  it('refuses a window in an account not configured under aws, per window and without an SSM call', async () => {
    await withPlugin({ cache: { ttl: 0 } }, async (plugin) => {
      emulator.resetStats();
      const res = await getReport(plugin, 'nosy');
      expect(res.status).toBe(200);
      const [own, foreign] = windowsOf(res.body);
      expect(own?.report).toBeDefined();
      expect(foreign).toMatchObject({
        windowArn: foreignArn,
        error: { code: 'NOT_ALLOWED', name: 'WindowRefusedError' },
      });
      expect(foreign?.error?.message).toContain(`account ${OTHER_ACCOUNT}`);
      // Every SSM request was for the allowed window (same id, so the count shows it): one report.
      const ownOnly = emulator.stats().requests;
      emulator.resetStats();
      await getReport(plugin, 'inventory-db');
      expect(emulator.stats().requests).toBe(ownOnly);
    });
  });

  it('follows allowedAccounts and allowedRegions when they are set', async () => {
    const settings = { allowedAccounts: [OTHER_ACCOUNT], allowedRegions: ['eu-west-1'] };
    await withPlugin(settings, async (plugin) => {
      emulator.resetStats();
      const res = await getReport(plugin, 'nosy');
      expect(res.status).toBe(200);
      const errors = windowsOf(res.body).map((window) => window.error?.message);
      expect(errors).toEqual([
        expect.stringContaining('region us-east-1'),
        expect.stringContaining('region us-east-1'),
      ]);
      expect(emulator.stats().requests).toBe(0);
    });
  });
});

describe('ownership tag', () => {
  let plugin: StartedPlugin;
  beforeAll(async () => {
    plugin = await startPlugin({
      emulator,
      entities,
      ssmInvocations: { ownershipTag: { key: DEMO_OWNERSHIP_TAG_KEY }, cache: { ttl: 60 } },
    });
  });
  afterAll(() => plugin.backend.stop());

  it('shows windows tagged with the entity’s ref', async () => {
    const res = await getReport(plugin, 'payments-api');
    expect(res.status).toBe(200);
    expect(windowsOf(res.body).map((window) => window.error)).toEqual([undefined, undefined]);
  });

  it('refuses a window tagged for another entity, naming the tag', async () => {
    const res = await getReport(plugin, 'nosy');
    const [tagged] = windowsOf(res.body);
    expect(tagged?.report).toBeUndefined();
    expect(tagged?.error).toMatchObject({ code: 'NOT_ALLOWED' });
    expect(tagged?.error?.message).toContain(`tagged ${DEMO_OWNERSHIP_TAG_KEY} for another entity`);
  });

  it('refuses a window tagged for the owner an entity’s author claims, to a caller outside it', async () => {
    const res = await getReport(plugin, 'claims-owner');
    const [tagged] = windowsOf(res.body);
    expect(tagged?.report).toBeUndefined();
    expect(tagged?.error).toMatchObject({ code: 'NOT_ALLOWED' });
    expect(tagged?.error?.message).toContain("for the entity's owner, and you do not belong to it");
    // The routes behind the report ask the same: inventory-db's targets are not claims-owner's.
    const target = await firstTarget(plugin.server, asMember, 'inventory-db');
    const detail = await request(plugin.server)
      .get(
        `/api/ssm-invocations/v1/entity/default/component/claims-owner/targets?windowExecutionId=${target.WindowExecutionId}&taskId=${target.TaskExecutionId}`,
      )
      .set('Authorization', asMember);
    expect(detail.status).toBe(404);
  });

  it('reads each window’s tags once (cached) and skips the report of a refused window', async () => {
    await getReport(plugin, 'nosy');
    emulator.resetStats();
    await getReport(plugin, 'nosy');
    expect(emulator.stats().byOperation).toEqual({});
  });

  it('compares the owner ref case-insensitively, with the catalog’s defaults for spec.owner', async () => {
    await emulator.stop();
    emulator = await startEmulator({
      port: 0,
      host: '127.0.0.1',
      fixture: {
        windows: [
          {
            WindowId: DEMO_WINDOW_IDS.legacyReportsMonthlyCleanup,
            Name: 'legacy',
            Tags: [{ Key: DEMO_OWNERSHIP_TAG_KEY, Value: 'Group:platform-team' }],
          },
        ],
      },
    });
    // The member belongs to the group (Backstage's userInfo says so), spelled another way.
    const memberOfPlatform = mockServices.userInfo.mock({
      getUserInfo: async () => ({
        userEntityRef: MEMBER,
        ownershipEntityRefs: [MEMBER, 'group:default/Platform-Team'],
      }),
    });
    const owned = await startPlugin({
      emulator,
      entities,
      ssmInvocations: { ownershipTag: { key: DEMO_OWNERSHIP_TAG_KEY } },
      features: [memberOfPlatform.factory],
    });
    const notMember = await startPlugin({
      emulator,
      entities,
      ssmInvocations: { ownershipTag: { key: DEMO_OWNERSHIP_TAG_KEY } },
    });
    try {
      const res = await getReport(owned, 'owned-by-group');
      expect(windowsOf(res.body)[0]?.error).toBeUndefined();
      expect(emulator.stats().byOperation.ListTagsForResource).toBe(1);
      const refused = await getReport(notMember, 'owned-by-group');
      expect(windowsOf(refused.body)[0]?.error).toMatchObject({ code: 'NOT_ALLOWED' });
    } finally {
      await owned.backend.stop();
      await notMember.backend.stop();
      await emulator.stop();
      emulator = await startEmulator({ port: 0, host: '127.0.0.1', seed: 'demo' });
    }
  });
});

describe('Parameters and OwnerInformation', () => {
  async function firstInvocation(exposeParameters?: boolean) {
    const settings = exposeParameters === undefined ? {} : { exposeParameters };
    return withPlugin(settings, async (plugin) => {
      const invocation = await firstTarget(plugin.server, asMember, 'inventory-db');
      const detail = await request(plugin.server)
        .get(
          `/api/ssm-invocations/v1/entity/default/component/inventory-db/invocations/${invocation.WindowExecutionId}/${invocation.TaskExecutionId}/${invocation.InvocationId}`,
        )
        .set('Authorization', asMember);
      expect(detail.status).toBe(200);
      return { fromTargets: invocation, detail: detail.body as Record<string, unknown> };
    });
  }

  it('leave the backend only with exposeParameters: true', async () => {
    const hidden = await firstInvocation();
    for (const invocation of [hidden.fromTargets, hidden.detail]) {
      expect(invocation).not.toHaveProperty('Parameters');
      expect(invocation).not.toHaveProperty('OwnerInformation');
      expect(invocation).toHaveProperty('Status');
    }
    const shown = await firstInvocation(true);
    for (const invocation of [shown.fromTargets, shown.detail]) {
      expect(invocation).toHaveProperty('Parameters');
      expect(invocation).toHaveProperty('OwnerInformation');
    }
  });
});
