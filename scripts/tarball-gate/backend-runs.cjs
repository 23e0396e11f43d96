// Run inside the tarball gate's Backstage scratch project: the backend plugin, installed from its
// tarball, is a Backstage backend feature and reports a demo window of the emulator (also from its
// tarball) through its public service, the way an adopter's own wiring would.
const assert = require('node:assert/strict');
const backend = require('@ssm-invocations/backstage-plugin-ssm-invocations-backend');
const { ConfigReader } = require('@backstage/config');
const { startEmulator, DEMO_WINDOW_IDS } = require('@ssm-invocations/emulator');
const {
  ANNOTATION_SSM_WINDOW_ID,
} = require('@ssm-invocations/backstage-plugin-ssm-invocations-common');

/** A CacheService kept in a Map (the service only needs get/set/delete/withOptions). */
function memoryCache() {
  const values = new Map();
  const cache = {
    get: async (key) => values.get(key),
    set: async (key, value) => void values.set(key, value),
    delete: async (key) => void values.delete(key),
    withOptions: () => cache,
  };
  return cache;
}
const silent = { error() {}, warn() {}, info() {}, debug() {}, child: () => silent };

async function main() {
  assert.equal(backend.default?.$$type, '@backstage/BackendFeature', 'default export is a feature');
  const emulator = await startEmulator({ port: 0 });
  try {
    const config = new ConfigReader({
      aws: {
        accounts: [
          { accountId: '123456789012', accessKeyId: 'AKIATARBALLGATE00000', secretAccessKey: 's' },
        ],
      },
      ssmInvocations: { endpoint: emulator.url, region: 'us-east-1', accountId: '123456789012' },
    });
    const service = backend.DefaultSsmInvocationsService.fromConfig(config, {
      logger: silent,
      cache: memoryCache(),
    });
    const windowId = DEMO_WINDOW_IDS.paymentsApiNightlyPatching;
    const entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'gate',
        namespace: 'default',
        annotations: { [ANNOTATION_SSM_WINDOW_ID]: windowId },
      },
      spec: { type: 'service', owner: 'group:default/platform', lifecycle: 'production' },
    };
    const { windows } = await service.getEntityReport(entity, { executions: 2 });
    assert.equal(windows.length, 1);
    assert.equal(windows[0].windowId, windowId);
    assert.equal(windows[0].error, undefined, JSON.stringify(windows[0].error));
    assert.ok(windows[0].report, 'the window has a report');
    console.log(`feature + report of ${windowId} from the emulator`);
  } finally {
    await emulator.stop();
  }
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
