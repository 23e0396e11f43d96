/**
 * Child processes that start children of their own (dev servers, `pnpm` scripts): each runs in
 * its own process group, counts as ready when its output matches, and is stopped with its whole
 * group. Used by the demo's Backstage service and by the browser end-to-end tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A started process group. */
export interface ProcessGroup {
  child: ChildProcess;
  /** The first match of `ready` in the output. */
  readyMatch: RegExpMatchArray;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** SIGTERM to the group, SIGKILL after 5 s; resolves when the leader has exited. */
  stop(): Promise<void>;
}

/** A TCP port free on 127.0.0.1 a moment ago, for servers that must be told a port up front. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** Whether `port` can be bound on 127.0.0.1 right now. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    const group = -child.pid;
    const force = setTimeout(() => {
      try {
        process.kill(group, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    try {
      process.kill(group, 'SIGTERM');
    } catch {
      clearTimeout(force);
      resolve();
    }
  });
}

/**
 * Starts `command` in a new process group and resolves once its output matches `ready`. When it
 * exits first or `timeoutMs` passes, the group is stopped and the promise rejects with the
 * output so far.
 *
 * @example
 * ```ts
 * const backend = await startProcessGroup({ name: 'backend', command: 'pnpm', args: ['start'],
 *   cwd, env: process.env, ready: /listening on (\S+)/, timeoutMs: 120_000 });
 * const url = backend.readyMatch[1];
 * await backend.stop();
 * ```
 */
export function startProcessGroup(options: {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  ready: RegExp;
  timeoutMs: number;
}): Promise<ProcessGroup> {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const stop = (): Promise<void> => stopGroup(child);
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (why: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stop().then(() =>
        reject(new Error(`${options.name} ${why}; its last output:\n${text.slice(-4000)}`)),
      );
    };
    const timer = setTimeout(
      () => fail(`was not ready after ${Math.round(options.timeoutMs / 1000)} s`),
      options.timeoutMs,
    );
    // Keep reading after `ready` too, so the process never blocks on a full pipe.
    const onData = (chunk: Buffer): void => {
      text += chunk.toString();
      if (settled) return;
      const match = options.ready.exec(text);
      if (match) {
        settled = true;
        clearTimeout(timer);
        resolve({ child, readyMatch: match, output: () => text, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', (error) => fail(`could not start (${error.message})`));
    child.once('exit', (code, signal) => fail(`exited (code ${code}, signal ${signal})`));
  });
}
