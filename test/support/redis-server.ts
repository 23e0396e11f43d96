/**
 * A throwaway `redis-server` (Debian's, at /usr/bin/redis-server; `.ci/run` installs it) on a free
 * loopback port, without persistence, and the commands the replica tests send it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { freePort, waitUntil } from './processes';

export const REDIS_SERVER = '/usr/bin/redis-server';

/** A running Redis. */
export interface RedisServer {
  url: string;
  port: number;
  /** Sends one command and returns its reply as text (RESP, read until a full reply). */
  command(...args: string[]): Promise<string>;
  /** Deletes every key matching `pattern` (e.g. `*:report:*`); answers how many. */
  deleteMatching(pattern: string): Promise<number>;
  /** Round trips of `PING` on one open connection, in milliseconds, one per sample. */
  pingRoundTrips(samples: number): Promise<number[]>;
  stop(): Promise<void>;
  /**
   * Stops the server only when this process exits: for a server an in-process Backstage cache
   * client stays connected to (it has no close, and a lost connection is an unhandled error).
   */
  stopAtExit(): void;
}

function encode(args: string[]): string {
  return `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
}

/** The reply's text when `buffer` holds one whole simple reply (status, error, integer, bulk). */
function wholeReply(buffer: string): string | undefined {
  const end = buffer.indexOf('\r\n');
  if (end < 0) return undefined;
  const head = buffer.slice(1, end);
  if (buffer[0] !== '$') return head;
  const length = Number(head);
  if (length < 0) return '';
  return buffer.length >= end + 2 + length + 2
    ? buffer.slice(end + 2, end + 2 + length)
    : undefined;
}

function sendCommand(port: number, args: string[]): Promise<string> {
  return new Promise((done, fail) => {
    const socket = connect({ host: '127.0.0.1', port });
    let buffer = '';
    socket.setEncoding('utf8');
    socket.once('error', fail);
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      const reply = wholeReply(buffer);
      if (reply === undefined) return;
      socket.end();
      if (buffer.startsWith('-')) fail(new Error(`redis: ${reply}`));
      else done(reply);
    });
    socket.write(encode(args));
  });
}

async function pingRoundTrips(port: number, samples: number): Promise<number[]> {
  const socket = connect({ host: '127.0.0.1', port });
  await new Promise<void>((done, fail) => {
    socket.once('connect', done);
    socket.once('error', fail);
  });
  socket.setNoDelay(true);
  const times: number[] = [];
  try {
    for (let i = 0; i < samples; i += 1) {
      const started = performance.now();
      await new Promise<void>((done) => {
        socket.once('data', () => done());
        socket.write('*1\r\n$4\r\nPING\r\n');
      });
      times.push(performance.now() - started);
    }
  } finally {
    socket.end();
  }
  return times;
}

/** Starts redis-server on a free loopback port and waits until it answers PING. */
export async function startRedisServer(): Promise<RedisServer> {
  if (!existsSync(REDIS_SERVER)) {
    throw new Error(`${REDIS_SERVER} not found: install Redis (apt-get install redis-server)`);
  }
  const port = await freePort();
  const child: ChildProcess = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const command = (...args: string[]) => sendCommand(port, args);
  await waitUntil(
    () =>
      command('PING').then(
        (reply) => reply === 'PONG',
        () => false,
      ),
    30_000,
  );
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    command,
    deleteMatching: async (pattern) =>
      Number(
        await command(
          'EVAL',
          "local n = 0 for _, k in ipairs(redis.call('KEYS', ARGV[1])) do n = n + redis.call('DEL', k) end return n",
          '0',
          pattern,
        ),
      ),
    pingRoundTrips: (samples) => pingRoundTrips(port, samples),
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
    stopAtExit: () => {
      process.once('exit', () => child.kill('SIGTERM'));
    },
  };
}
