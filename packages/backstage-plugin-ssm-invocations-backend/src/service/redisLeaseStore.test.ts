/**
 * Leases in a real redis-server (Debian's, at /usr/bin/redis-server; `.ci/run` installs it) on a
 * free loopback port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { mockServices } from '@backstage/backend-test-utils';
import type { LeaseStore } from './leases';
import { redisLeaseStore } from './redisLeaseStore';
import { SharedFlight } from './SharedFlight';
import { SsmInvocationsMetrics } from './SsmInvocationsMetrics';

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

it('is extended only by the token that holds it', async () => {
  const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
  expect(await leases.acquire('k8', 'holder', 300)).toBe(true);
  expect(await leases.renew('k8', 'someone else', 5_000)).toBe(false);
  expect(await leases.renew('k8', 'holder', 5_000)).toBe(true);
  expect(await leases.acquire('k9', 'holder', 300)).toBe(true);
  expect(await leases.renew('k9', 'someone else', 5_000)).toBe(false);
  expect(await leases.acquire('k10', 'died', 200)).toBe(true);
  await sleep(500);
  expect(await leases.held('k8')).toBe(true);
  // Not extended by another token's renewal, and not revived by its late holder's.
  expect(await leases.held('k9')).toBe(false);
  expect(await leases.renew('k10', 'died', 5_000)).toBe(false);
  expect(await leases.held('k10')).toBe(false);
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

/**
 * Runs `during` while the server is stopped (SIGSTOP): connected, but answering nothing. Fails
 * when `during` is still waiting after 8 s, so the server is always let go on again.
 */
async function whileServerStopped(during: () => Promise<void>): Promise<void> {
  const server = redis;
  if (!server) throw new Error('redis-server did not start');
  let timer: NodeJS.Timeout | undefined;
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('still waiting after 8 s')), 8_000);
  });
  server.kill('SIGSTOP');
  try {
    await Promise.race([during(), stuck]);
  } finally {
    clearTimeout(timer);
    server.kill('SIGCONT');
  }
}

// Last in this file: the server is stopped for a moment.
it('fails a command that the server does not answer, instead of waiting forever', async () => {
  expect(await leases.acquire('k5', 'before', 5_000)).toBe(true);
  await whileServerStopped(async () => {
    const started = Date.now();
    await expect(leases.held('k5')).rejects.toThrow();
    await expect(leases.acquire('k6', 'during', 5_000)).rejects.toThrow();
    await expect(leases.release('k5', 'before')).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5_000);
  });
}, 15_000);

it('fetches without a lease when the server stops answering', async () => {
  const flight = new SharedFlight(
    leases,
    { leaseTtlMs: 5_000 },
    new SsmInvocationsMetrics(),
    mockServices.logger.mock(),
  );
  await whileServerStopped(async () => {
    const started = Date.now();
    await expect(
      flight.run(
        'k7',
        async () => undefined,
        async () => 'fetched',
      ),
    ).resolves.toBe('fetched');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
}, 15_000);
