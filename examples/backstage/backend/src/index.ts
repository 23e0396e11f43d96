/**
 * Example Backstage backend: catalog (../catalog-info.yaml), guest sign-in and the
 * ssm-invocations plugin, talking to the SSM emulator. Environment:
 *
 * - `SSM_EMULATOR_URL`: the emulator to use; unset → an embedded one (seed `demo`) is started.
 * - `BACKEND_PORT`: port on 127.0.0.1; unset → 7007, or a free port when 7007 is taken; `0` → a free port.
 * - `APP_BASE_URL`: origin of the frontend allowed by CORS; default http://127.0.0.1:3000 (the example app's default).
 *
 * Prints `ssm-invocations example backend listening on http://127.0.0.1:<port>` once the catalog
 * serves every entity of the example file.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { createBackend } from '@backstage/backend-defaults';
import { startEmulator } from '@ssm-invocations/emulator';
import { parseAllDocuments } from 'yaml';

const DEFAULT_PORT = 7007;
const CATALOG_READY_TIMEOUT_MS = 120_000;

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

/** `kind:namespace/name` of every entity in the example catalog file. */
async function catalogFileRefs(file: string): Promise<string[]> {
  const documents = parseAllDocuments(await readFile(file, 'utf8'));
  return (Array.isArray(documents) ? documents : [documents]).map((document) => {
    const { kind, metadata } = document.toJS() as {
      kind: string;
      metadata: { name: string; namespace?: string };
    };
    return `${kind.toLowerCase()}/${metadata.namespace ?? 'default'}/${metadata.name}`;
  });
}

/**
 * Waits until the catalog serves every entity of the example file: the catalog ingests it in
 * the background after startup, and the demo and the browser tests need the entities at once.
 */
async function waitForCatalog(baseUrl: string, refs: string[]): Promise<void> {
  const deadline = Date.now() + CATALOG_READY_TIMEOUT_MS;
  const refresh = await fetch(`${baseUrl}/api/auth/guest/refresh`);
  const { backstageIdentity } = (await refresh.json()) as { backstageIdentity: { token: string } };
  const headers = { authorization: `Bearer ${backstageIdentity.token}` };
  let missing = refs;
  while (missing.length > 0) {
    if (Date.now() > deadline) {
      throw new Error(`the catalog did not serve ${missing.join(', ')} in time`);
    }
    const found = await Promise.all(
      missing.map(async (ref) => {
        const res = await fetch(`${baseUrl}/api/catalog/entities/by-name/${ref}`, { headers });
        await res.arrayBuffer();
        return res.ok;
      }),
    );
    missing = missing.filter((_, index) => !found[index]);
    if (missing.length > 0) await new Promise((done) => setTimeout(done, 250));
  }
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
  process.env.APP_BASE_URL ??= 'http://127.0.0.1:3000';

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
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForCatalog(baseUrl, await catalogFileRefs(resolve(packageDir, '../catalog-info.yaml')));
  console.log(`ssm-invocations example backend listening on ${baseUrl}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
