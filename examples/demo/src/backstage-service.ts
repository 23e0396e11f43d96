/**
 * The Backstage part of the demo: the example backend (catalog, guest sign-in, the
 * ssm-invocations backend plugin) on the demo's emulator, and the dev app showing the card.
 * Switch it off with `--no-backstage` / `DEMO_NO_BACKSTAGE=1` for the CLI-only demo.
 */
import { createServer } from 'node:net';
import { join } from 'node:path';
import { startChildService } from './child-service';
import type { DemoService } from './services';

/** The entity page that shows the card (a component of examples/backstage/catalog-info.yaml). */
export const DEMO_ENTITY_PATH = '/catalog/default/component/payments-api';
const DEFAULT_APP_PORT = 3000;
/** The backend's first start builds its SQLite catalog; slow on a busy machine. */
const START_TIMEOUT_MS = 300_000;

/** `preferred` when it can be bound on 127.0.0.1, else a port the OS picks. */
function appPort(preferred: number): Promise<number> {
  const bind = (port: number): Promise<number> =>
    new Promise((resolve, reject) => {
      const probe = createServer();
      probe.once('error', reject);
      probe.listen(port, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : port));
      });
    });
  return bind(preferred).catch(() => bind(0));
}

/** The example Backstage backend and the dev app, against the demo's emulator. */
export const backstageService: DemoService = {
  name: 'backstage',
  description: 'Backstage (example backend and dev app with the card)',
  optional: true,
  // The dev app compiles the card from source; the backend runs the built plugin and core.
  buildFilters: ['@ssm-invocations/example-backstage-backend...'],
  async start({ repoRoot, urls, log }) {
    const emulatorUrl = urls.get('emulator');
    if (emulatorUrl === undefined) throw new Error('backstage needs the emulator started first');
    const port = await appPort(DEFAULT_APP_PORT);
    const appUrl = `http://127.0.0.1:${port}`;
    const env = { ...process.env, NO_COLOR: '1' };
    log('Starting the Backstage backend…');
    const backend = await startChildService({
      name: 'the Backstage backend',
      command: 'pnpm',
      args: ['--filter', '@ssm-invocations/example-backstage-backend', 'start'],
      cwd: repoRoot,
      env: { ...env, BACKEND_PORT: '0', APP_BASE_URL: appUrl, SSM_EMULATOR_URL: emulatorUrl },
      ready: /listening on (http:\/\/127\.0\.0\.1:\d+)/,
      startTimeoutMs: START_TIMEOUT_MS,
    });
    log(`Backstage backend: ${backend.url}; starting the dev app…`);
    // Ready once the dev server listens: it holds requests until its first compile is done.
    const app = await startChildService({
      name: 'the Backstage dev app',
      command: process.execPath,
      args: [join(repoRoot, 'examples/backstage/app/scripts/start.mjs')],
      cwd: join(repoRoot, 'examples/backstage/app'),
      env: { ...env, PORT: String(port), BACKEND_URL: backend.url },
      ready: /Loopback: (http:\/\/127\.0\.0\.1:\d+)/,
      startTimeoutMs: START_TIMEOUT_MS,
    }).catch(async (error: unknown) => {
      await backend.stop();
      throw error;
    });
    return {
      url: app.url,
      nextSteps: [
        `open ${appUrl}${DEMO_ENTITY_PATH}   # the card (press Enter to sign in as guest; the first load compiles the app)`,
        `open ${appUrl}${DEMO_ENTITY_PATH}?frontend=legacy   # same card, legacy frontend system`,
      ],
      async stop() {
        await app.stop();
        await backend.stop();
      },
    };
  },
};
