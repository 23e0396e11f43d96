/**
 * Test support (not exported by the package): the emulator's demo account, ARNs of its demo
 * windows and annotated catalog entities.
 */
import type { Entity } from '@backstage/catalog-model';
import type { startEmulator } from '@ssm-invocations/emulator';

/** A running emulator. */
export type Emulator = Awaited<ReturnType<typeof startEmulator>>;

/** The account of the emulator's demo seed. */
export const DEMO_ACCOUNT = '123456789012';

/** The ARN of a demo window in us-east-1. */
export const demoWindowArn = (windowId: string): string =>
  `arn:aws:ssm:us-east-1:${DEMO_ACCOUNT}:maintenancewindow/${windowId}`;

/** A Component in the default namespace with the given annotations. */
export function component(name: string, annotations: Record<string, string> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', owner: 'group:default/platform', lifecycle: 'production' },
  };
}

/** Static keys of the demo account in the tests' config (the emulator accepts any). */
export const DEMO_CREDENTIALS = {
  accessKeyId: 'AKIAPLUGINTEST000000',
  secretAccessKey: 'plugin-test-secret-key',
} as const;

/**
 * Backend config that points the plugin at the emulator with the demo account's keys; `overrides`
 * are merged into the `ssmInvocations` block.
 */
export function emulatorConfig(emulator: Emulator, overrides: Record<string, unknown> = {}) {
  return {
    aws: { accounts: [{ accountId: DEMO_ACCOUNT, ...DEMO_CREDENTIALS }] },
    ssmInvocations: {
      endpoint: emulator.url,
      region: 'us-east-1',
      accountId: DEMO_ACCOUNT,
      ...overrides,
    },
  };
}
