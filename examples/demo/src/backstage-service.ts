/**
 * The Backstage part of the demo: the example backend (catalog, guest sign-in, the
 * ssm-invocations backend plugin) on the demo's emulator, and the dev app showing the card.
 * Switch it off with `--no-backstage` / `DEMO_NO_BACKSTAGE=1` for the CLI-only demo.
 */
import { join } from 'node:path';
import { freePort, portIsFree, startProcessGroup } from './process-group';
import type { DemoService } from './services';

/** The entity page that shows the card (a component of examples/backstage/catalog-info.yaml). */
export const DEMO_ENTITY_PATH = '/catalog/default/component/payments-api';
const DEFAULT_APP_PORT = 3000;
/** The first dev-server compile takes a while on a busy machine. */
const READY_TIMEOUT_MS = 300_000;

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
    const port = (await portIsFree(DEFAULT_APP_PORT)) ? DEFAULT_APP_PORT : await freePort();
    const appUrl = `http://127.0.0.1:${port}`;
    const env = { ...process.env, NO_COLOR: '1' };
    log('Starting the Backstage backend…');
    const backend = await startProcessGroup({
      name: 'the Backstage backend',
      command: 'pnpm',
      args: ['--filter', '@ssm-invocations/example-backstage-backend', 'start'],
      cwd: repoRoot,
      env: { ...env, BACKEND_PORT: '0', APP_BASE_URL: appUrl, SSM_EMULATOR_URL: emulatorUrl },
      ready: /listening on (http:\/\/127\.0\.0\.1:\d+)/,
      timeoutMs: READY_TIMEOUT_MS,
    });
    const backendUrl = backend.readyMatch[1] ?? '';
    log(`Backstage backend: ${backendUrl}; starting the dev app (first compile takes a minute)…`);
    const app = await startProcessGroup({
      name: 'the Backstage dev app',
      command: process.execPath,
      args: [join(repoRoot, 'examples/backstage/app/scripts/start.mjs')],
      cwd: join(repoRoot, 'examples/backstage/app'),
      env: { ...env, PORT: String(port), BACKEND_URL: backendUrl },
      ready: /compiled successfully/i,
      timeoutMs: READY_TIMEOUT_MS,
    }).catch(async (error: unknown) => {
      await backend.stop();
      throw error;
    });
    return {
      url: appUrl,
      nextSteps: [
        `open ${appUrl}${DEMO_ENTITY_PATH}   # the card (press Enter to sign in as guest)`,
        `open ${appUrl}${DEMO_ENTITY_PATH}?frontend=legacy   # same card, legacy frontend system`,
      ],
      async stop() {
        await app.stop();
        await backend.stop();
      },
    };
  },
};
