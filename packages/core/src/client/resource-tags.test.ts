import { InvalidInputError, ServiceError } from '../model/errors';
import { jsonTransport } from '../transport/json-transport';
import type { SsmTransport } from '../transport/types';
import {
  emulatorRequest,
  startTestEmulator,
  stopEmulators,
  WINDOW_ID,
} from '../test-support/emulator';
import { createInvocationsClient } from './create-invocations-client';
import { createInvocationsClientWithTransport } from './invocations-client';

function clientAnswering(output: Record<string, unknown>) {
  const calls: Array<{ operation: string; input: unknown }> = [];
  const transport: SsmTransport = {
    send: async (operation, input) => {
      calls.push({ operation, input });
      return output;
    },
  };
  return { client: createInvocationsClientWithTransport(transport), calls };
}

describe('listTagsForResource', () => {
  it('sends ListTagsForResource for a window and returns its tags with Key and Value only', async () => {
    const { client, calls } = clientAnswering({
      TagList: [
        { Key: 'backstage.io/owner', Value: 'group:default/platform', Extra: 'dropped' },
        { Key: 'env', Value: '' },
      ],
    });
    await expect(
      client.listTagsForResource({ resourceType: 'MaintenanceWindow', resourceId: WINDOW_ID }),
    ).resolves.toEqual([
      { Key: 'backstage.io/owner', Value: 'group:default/platform' },
      { Key: 'env', Value: '' },
    ]);
    expect(calls).toEqual([
      {
        operation: 'ListTagsForResource',
        input: { ResourceType: 'MaintenanceWindow', ResourceId: WINDOW_ID },
      },
    ]);
  });

  it('answers no tags when SSM sends no TagList', async () => {
    const { client } = clientAnswering({});
    await expect(
      client.listTagsForResource({ resourceType: 'MaintenanceWindow', resourceId: WINDOW_ID }),
    ).resolves.toEqual([]);
  });

  it('refuses another resource type or a bad window id before sending', async () => {
    const { client, calls } = clientAnswering({ TagList: [] });
    await expect(
      client.listTagsForResource({
        resourceType: 'Document' as 'MaintenanceWindow',
        resourceId: WINDOW_ID,
      }),
    ).rejects.toMatchObject({ name: 'InvalidInputError', field: 'resourceType' });
    await expect(
      client.listTagsForResource({ resourceType: 'MaintenanceWindow', resourceId: 'mw-nope' }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await expect(
      client.listTagsForResource({
        resourceType: 'MaintenanceWindow',
        resourceId: WINDOW_ID,
        extra: 1,
      } as never),
    ).rejects.toBeInstanceOf(InvalidInputError);
    expect(calls).toHaveLength(0);
  });

  it('reports a TagList that is not a list of tags as a malformed response', async () => {
    const { client } = clientAnswering({ TagList: ['x'] });
    await expect(
      client.listTagsForResource({ resourceType: 'MaintenanceWindow', resourceId: WINDOW_ID }),
    ).rejects.toBeInstanceOf(ServiceError);
  });
});

describe('listTagsForResource against the emulator', () => {
  afterEach(stopEmulators);

  async function taggedEmulator() {
    return startTestEmulator({
      windows: [
        {
          WindowId: WINDOW_ID,
          Name: 'tagged',
          Tags: [{ Key: 'backstage.io/owner', Value: 'component:default/payments-api' }],
        },
      ],
    });
  }

  it('reads a window’s tags through the SDK transport', async () => {
    const emulator = await taggedEmulator();
    const client = createInvocationsClient({
      region: 'us-east-1',
      endpoint: emulator.url,
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
    });
    await expect(
      client.listTagsForResource({ resourceType: 'MaintenanceWindow', resourceId: WINDOW_ID }),
    ).resolves.toEqual([{ Key: 'backstage.io/owner', Value: 'component:default/payments-api' }]);
  });

  it('maps an unknown window (InvalidResourceId) to a core error on the JSON transport', async () => {
    const emulator = await taggedEmulator();
    const client = createInvocationsClientWithTransport(
      jsonTransport(emulatorRequest(emulator.url), { sleep: async () => undefined }),
    );
    await expect(
      client.listTagsForResource({
        resourceType: 'MaintenanceWindow',
        resourceId: 'mw-00000000000000000',
      }),
    ).rejects.toMatchObject({ serviceCode: 'InvalidResourceId' });
  });
});
