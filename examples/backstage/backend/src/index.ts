/**
 * Example Backstage backend: catalog (../catalog-info.yaml), guest sign-in and the
 * ssm-invocations plugin, talking to the SSM emulator. Environment:
 *
 * - `SSM_EMULATOR_URL`: the emulator to use; unset → an embedded one (seed `demo`) is started.
 * - `BACKEND_PORT`: port on 127.0.0.1; unset → 7007, or a free port when 7007 is taken; `0` → a free port.
 * - `APP_BASE_URL`: origin of the frontend allowed by CORS; default http://localhost:3000.
 *
 * Prints `ssm-invocations example backend listening on http://127.0.0.1:<port>` when ready.
 */
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { createBackend } from '@backstage/backend-defaults';
import { startEmulator } from '@ssm-invocations/emulator';

const DEFAULT_PORT = 7007;

/** Resolves to `port` if it can be bound on 127.0.0.1, else to a free port the OS picks. */
function bindablePort(port: number): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' && port !== 0) done(bindablePort(0));
      else fail(error);
    });
    probe.listen(port, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : port));
    });
  });
}

async function main(): Promise<void> {
  const packageDir = resolve(__dirname, '..');
  // Relative paths in app-config.yaml (the catalog file) are relative to this package.
  process.chdir(packageDir);
  if (!process.argv.includes('--config')) {
    process.argv.push('--config', resolve(packageDir, 'app-config.yaml'));
  }

  const requested = process.env.BACKEND_PORT;
  const port = await bindablePort(requested === undefined ? DEFAULT_PORT : Number(requested));
  process.env.BACKEND_PORT = String(port);
  process.env.APP_BASE_URL ??= 'http://localhost:3000';

  // The backend stops itself on SIGINT/SIGTERM and exits; an embedded emulator goes with it.
  if (!process.env.SSM_EMULATOR_URL) {
    const emulator = await startEmulator({ port: 0, host: '127.0.0.1', seed: 'demo' });
    process.env.SSM_EMULATOR_URL = emulator.url;
    console.log(`embedded SSM emulator (seed demo) at ${emulator.url}`);
  }

  const backend = createBackend();
  backend.add(import('@backstage/plugin-auth-backend'));
  backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
  backend.add(import('@backstage/plugin-catalog-backend'));
  backend.add(import('@ssm-invocations/backstage-plugin-ssm-invocations-backend'));
  await backend.start();
  console.log(`ssm-invocations example backend listening on http://127.0.0.1:${port}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
