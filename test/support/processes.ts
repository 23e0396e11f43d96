/**
 * Checks on processes and ports for the end-to-end tests that start servers and child
 * processes (the demo, its child services): is a port still open, is a process group empty.
 */
import { execFile } from 'node:child_process';
import { connect, createServer } from 'node:net';

/** Whether something accepts TCP connections at the URL's host and port. */
export function portIsOpen(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((done) => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

/** The process ids of a process group (empty when every member has exited). */
export function groupPids(pgid: number): Promise<number[]> {
  return new Promise((done) => {
    execFile('ps', ['-o', 'pid=', '-g', String(pgid)], (_error, stdout) => {
      done(
        stdout
          .split('\n')
          .map((line) => Number(line.trim()))
          .filter((pid) => pid > 0),
      );
    });
  });
}

/** Whether a process exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls `condition` every 100 ms until it holds; throws after `timeoutMs`. */
export async function waitUntil(
  condition: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A TCP port free on 127.0.0.1 a moment ago, for a server that must be told its port up front. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      );
    });
  });
}
