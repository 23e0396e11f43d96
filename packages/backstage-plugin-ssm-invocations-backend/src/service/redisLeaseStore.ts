import Valkey from 'iovalkey';
import type { LeaseStore } from './leases';

/** Deletes the lease only while the token still holds it (a late release must not free another's). */
const RELEASE_SCRIPT =
  "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";

/** Extends the lease only while the token still holds it (a late renewal must not take another's). */
const RENEW_SCRIPT =
  "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end";

/** Keys of the plugin's leases in Redis, apart from the cache service's own keys. */
const KEY_PREFIX = 'ssm-invocations:lease:';

/**
 * How long a lease command may go unanswered. A server that stops answering without closing the
 * connection (a network blackhole) must not hold a request: past this the command fails and the
 * caller fetches as if there were no lease. Redis answers these in well under a millisecond.
 */
const COMMAND_TIMEOUT_MS = 500;

/**
 * Atomic leases in the Redis or Valkey server that `backend.cache` points at (`SET … NX PX`),
 * over one lazily opened connection. Commands fail fast while the server is unreachable (no
 * offline queue) and after {@link COMMAND_TIMEOUT_MS} when it stops answering; the caller then
 * fetches as if there were no lease.
 *
 * @example
 * ```ts
 * const leases = redisLeaseStore('redis://redis.internal:6379');
 * ```
 */
export function redisLeaseStore(url: string): LeaseStore {
  const client = new Valkey(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: COMMAND_TIMEOUT_MS,
  });
  // Errors reach the caller through the failed command; the client reconnects on its own.
  client.on('error', () => undefined);
  let connecting: Promise<void> | undefined;
  const connected = async () => {
    if (client.status === 'ready') return;
    if (client.status === 'wait' || client.status === 'end') {
      connecting ??= client.connect().finally(() => {
        connecting = undefined;
      });
    }
    await connecting;
  };
  return {
    acquire: async (key, token, ttlMs) => {
      await connected();
      return (await client.set(`${KEY_PREFIX}${key}`, token, 'PX', ttlMs, 'NX')) === 'OK';
    },
    renew: async (key, token, ttlMs) => {
      await connected();
      return (await client.eval(RENEW_SCRIPT, 1, `${KEY_PREFIX}${key}`, token, ttlMs)) === 1;
    },
    release: async (key, token) => {
      await connected();
      await client.eval(RELEASE_SCRIPT, 1, `${KEY_PREFIX}${key}`, token);
    },
    held: async (key) => {
      await connected();
      return (await client.exists(`${KEY_PREFIX}${key}`)) === 1;
    },
    close: async () => {
      // QUIT lets pending commands finish; a connection that is not up is just dropped.
      if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
      else client.disconnect();
    },
  };
}
