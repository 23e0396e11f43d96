/**
 * A real n8n for the end-to-end suite: the pinned release installed once into a cache outside the
 * repo (see install-n8n.sh), a fresh user folder per run, the community package installed the way
 * a user installs it, and the CLI and server bound to loopback on free ports.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const N8N_VERSION = '2.41.1';
export const PACKAGE_DIR = resolve(
  __dirname,
  '..',
  '..',
  '..',
  'packages',
  'n8n-nodes-ssm-invocations',
);
export const EXAMPLES_DIR = resolve(__dirname, '..', '..', '..', 'examples', 'n8n');
/** The owner `setUpOwner` creates (and the editor test signs in as). */
export const N8N_OWNER = { email: 'e2e@example.com', password: 'E2e-password-123' } as const;
const INSTALL_SCRIPT = join(__dirname, 'install-n8n.sh');

/** Installs n8n into the cache unless already there; returns its folder and how long it took. */
export async function ensureN8nInstalled(): Promise<{ home: string; seconds: number }> {
  const started = Date.now();
  const { stdout } = await run('bash', [INSTALL_SCRIPT], {
    env: { ...process.env, N8N_VERSION },
    timeout: 30 * 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const home = stdout.trim().split('\n').pop() ?? '';
  return { home, seconds: (Date.now() - started) / 1000 };
}

/** A port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return await new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface N8nInstance {
  userFolder: string;
  port: number;
  env: NodeJS.ProcessEnv;
  /** Runs an `n8n` CLI command and returns its stdout. */
  cli(args: string[], timeoutMs?: number): Promise<string>;
  /** Starts `n8n start` and resolves once it reports ready. */
  startServer(): Promise<void>;
  /** Calls the server's REST API (`/rest/...` with the owner's session, or `/api/v1` with the key). */
  request(path: string, init?: { method?: string; body?: unknown }): Promise<unknown>;
  /** Creates the owner and a public-API key. */
  setUpOwner(): Promise<void>;
  stop(): Promise<void>;
  /** The end of the server's output, for failure messages. */
  logTail(): string;
}

export async function createN8nInstance(home: string): Promise<N8nInstance> {
  const userFolder = mkdtempSync(join(tmpdir(), 'ssm-invocations-n8n-'));
  const port = await freePort();
  const brokerPort = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // jest sets NODE_ENV=test, under which n8n's CLI stays silent and its server does not start.
    NODE_ENV: 'production',
    JEST_WORKER_ID: undefined,
    PATH: `${join(home, 'node', 'bin')}:${process.env.PATH ?? ''}`,
    N8N_USER_FOLDER: userFolder,
    N8N_PORT: String(port),
    N8N_RUNNERS_BROKER_PORT: String(brokerPort),
    N8N_HOST: '127.0.0.1',
    N8N_LISTEN_ADDRESS: '127.0.0.1',
    N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
    N8N_ENCRYPTION_KEY: 'ssm-invocations-e2e-encryption-key',
    N8N_DIAGNOSTICS_ENABLED: 'false',
    N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
    N8N_TEMPLATES_ENABLED: 'false',
    N8N_PERSONALIZATION_ENABLED: 'false',
    N8N_HIRING_BANNER_ENABLED: 'false',
    N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
    N8N_DISABLED_MODULES: 'mcp-registry',
    N8N_SECURE_COOKIE: 'false',
    DB_SQLITE_POOL_SIZE: '2',
  };
  const bin = join(home, 'app', 'node_modules', '.bin', 'n8n');
  let server: ChildProcess | undefined;
  let serverLog = '';
  let cookie = '';
  let apiKey = '';

  const instance: N8nInstance = {
    userFolder,
    port,
    env,
    async cli(args, timeoutMs = 120_000) {
      const { stdout } = await run(bin, args, {
        env,
        timeout: timeoutMs,
        maxBuffer: 64 * 1024 * 1024,
      });
      return stdout;
    },
    async startServer() {
      server = spawn(bin, ['start'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      server.stdout?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
      server.stderr?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
      const deadline = Date.now() + 120_000;
      while (Date.now() < deadline) {
        if (server.exitCode !== null)
          throw new Error(`n8n exited early:\n${serverLog.slice(-4000)}`);
        const ready = await fetch(`http://127.0.0.1:${port}/healthz/readiness`).then(
          (res) => res.ok,
          () => false,
        );
        if (ready) return;
        await new Promise((wake) => setTimeout(wake, 500));
      }
      throw new Error(`n8n did not become ready:\n${serverLog.slice(-4000)}`);
    },
    async request(path, init = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (path.startsWith('/api/')) headers['x-n8n-api-key'] = apiKey;
      else if (cookie) headers.cookie = cookie;
      const res = await fetch(`http://127.0.0.1:${port}${path}`, {
        method: init.method ?? 'GET',
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      const setCookie = res.headers.get('set-cookie');
      if (setCookie) cookie = setCookie.split(';')[0] ?? '';
      const text = await res.text();
      if (!res.ok)
        throw new Error(`${init.method ?? 'GET'} ${path} → ${res.status}: ${text.slice(0, 500)}`);
      return text ? (JSON.parse(text) as unknown) : undefined;
    },
    async setUpOwner() {
      await instance.request('/rest/owner/setup', {
        method: 'POST',
        body: {
          email: N8N_OWNER.email,
          firstName: 'E2E',
          lastName: 'Owner',
          password: N8N_OWNER.password,
        },
      });
      const created = (await instance.request('/rest/api-keys', {
        method: 'POST',
        body: { label: 'e2e', scopes: ['execution:list', 'execution:read'], expiresAt: null },
      })) as { data: { rawApiKey?: string; apiKey?: string } };
      apiKey = created.data.rawApiKey ?? created.data.apiKey ?? '';
    },
    logTail() {
      return serverLog.slice(-6000);
    },
    async stop() {
      if (server?.pid !== undefined && server.exitCode === null) {
        const exited = new Promise((done) => server?.once('exit', done));
        process.kill(-server.pid, 'SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([exited, new Promise((wake) => (timer = setTimeout(wake, 15_000)))]);
        clearTimeout(timer);
        if (server.exitCode === null) process.kill(-server.pid, 'SIGKILL');
      }
      rmSync(userFolder, { recursive: true, force: true });
    },
  };
  return instance;
}

/**
 * Installs the built community package as a user does: `npm pack`, then `npm install` of the
 * tarball under the user folder's `.n8n/nodes` (where n8n's community-package installer puts it).
 */
export async function installCommunityPackage(instance: N8nInstance): Promise<void> {
  const packDir = join(instance.userFolder, 'pack');
  mkdirSync(packDir, { recursive: true });
  const { stdout } = await run('npm', ['pack', '--silent', '--pack-destination', packDir], {
    cwd: PACKAGE_DIR,
  });
  const tarball = join(packDir, stdout.trim().split('\n').pop() ?? '');
  const nodesDir = join(instance.userFolder, '.n8n', 'nodes');
  mkdirSync(nodesDir, { recursive: true });
  writeFileSync(
    join(nodesDir, 'package.json'),
    JSON.stringify({ name: 'installed-nodes', private: true }),
  );
  // n8n-workflow is a peer the host provides; the package has no dependencies to fetch.
  await run(
    'npm',
    [
      'install',
      tarball,
      '--legacy-peer-deps',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
    ],
    { cwd: nodesDir, env: instance.env, timeout: 120_000 },
  );
}

/**
 * The JSON document `n8n execute --rawOutput` prints between its log lines. n8n may log after the
 * document too (task runner shutdown), so the document ends where its outermost object closes.
 */
export function parseRawOutput(stdout: string): RunResult {
  const start = stdout.search(/^\{/m);
  if (start < 0) throw new Error(`no JSON in n8n output:\n${stdout.slice(-2000)}`);
  const end = endOfJsonObject(stdout, start);
  if (end < 0) throw new Error(`unterminated JSON in n8n output:\n${stdout.slice(-2000)}`);
  return JSON.parse(stdout.slice(start, end)) as RunResult;
}

/** Index just past the object that opens at `start`, or -1; braces inside strings don't count. */
function endOfJsonObject(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i += 1) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i += 1;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth += 1;
    else if (ch === '}' || ch === ']') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

export interface RunResult {
  data: {
    resultData: {
      error?: { message?: string };
      runData: Record<
        string,
        Array<{
          executionStatus?: string;
          data?: { main: Array<Array<{ json: Record<string, unknown> }>> };
        }>
      >;
    };
  };
}

/** The items a node output in a run (first output, first run). */
export function nodeOutput(result: RunResult, node: string): Array<Record<string, unknown>> {
  const runs = result.data.resultData.runData[node] ?? [];
  return (runs[0]?.data?.main[0] ?? []).map((item) => item.json);
}
