/**
 * Leases in a real redis-server (Debian's, at /usr/bin/redis-server; `.ci/run` installs it) on a
 * free loopback port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import type { LeaseStore } from './leases';
import { redisLeaseStore } from './redisLeaseStore';

/** A loopback port that was free a moment ago. */
async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise((done) => probe.close(done));
  return port;
}

/** Unset when the start failed; afterAll then stops only what was started. */
let redis: ChildProcess | undefined;
let started: LeaseStore | undefined;
let leases: LeaseStore;

const REDIS_SERVER = '/usr/bin/redis-server';

beforeAll(async () => {
  if (!existsSync(REDIS_SERVER)) {
    throw new Error(`${REDIS_SERVER} not found: install Redis (apt-get install redis-server)`);
  }
  const port = await freePort();
  redis = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  leases = redisLeaseStore(`redis://127.0.0.1:${port}`);
  started = leases;
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      await leases.held('ping');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((done) => setTimeout(done, 100));
    }
  }
}, 30_000);

afterAll(async () => {
  await started?.close();
  const server = redis;
  if (server?.exitCode === null) {
    const exited = new Promise((done) => server.once('exit', done));
    server.kill('SIGTERM');
    await exited;
  }
});

it('gives a key to exactly one of many concurrent claimants', async () => {
  const results = await Promise.all(
    Array.from({ length: 50 }, (_, index) => leases.acquire('k1', `token-${index}`, 5_000)),
  );
  expect(results.filter(Boolean)).toHaveLength(1);
  expect(await leases.held('k1')).toBe(true);
});

it('is released only by its holder', async () => {
  expect(await leases.acquire('k2', 'holder', 5_000)).toBe(true);
  await leases.release('k2', 'someone else');
  expect(await leases.held('k2')).toBe(true);
  expect(await leases.acquire('k2', 'other', 5_000)).toBe(false);
  await leases.release('k2', 'holder');
  expect(await leases.held('k2')).toBe(false);
  expect(await leases.acquire('k2', 'other', 5_000)).toBe(true);
});

it('expires after its TTL, so a holder that died blocks no one for longer', async () => {
  expect(await leases.acquire('k3', 'died', 200)).toBe(true);
  await new Promise((done) => setTimeout(done, 400));
  expect(await leases.held('k3')).toBe(false);
  expect(await leases.acquire('k3', 'next', 5_000)).toBe(true);
});

it('fails fast, not forever, when the server is unreachable', async () => {
  const port = await freePort();
  const unreachable = redisLeaseStore(`redis://127.0.0.1:${port}`);
  try {
    await expect(unreachable.acquire('k', 't', 1_000)).rejects.toThrow();
  } finally {
    await unreachable.close();
  }
});
