import { spawn } from 'node:child_process';
import type { RunningService } from './services';

/** How to start a service that runs as its own process (e.g. a Backstage backend). */
export interface ChildServiceOptions {
  /** Names the service in errors. */
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /**
   * Matched against the child's output (stdout and stderr); the first capture group is the
   * service's URL, e.g. `/listening on (http:\/\/\S+)/`.
   */
  ready: RegExp;
  /** How long to wait for `ready` (default 120 s). */
  startTimeoutMs?: number;
  /** How long `stop()` waits after SIGTERM before SIGKILL (default 10 s). */
  stopTimeoutMs?: number;
  /** Receives the child's output line by line (default: dropped). */
  onOutput?: (line: string) => void;
}

/** A started child service: a {@link RunningService} plus the child's process id. */
export interface RunningChildService extends RunningService {
  pid: number;
}

/**
 * Starts a command in its own process group and resolves once its output matches `ready`.
 * `stop()` sends SIGTERM to the whole group (the command and anything it spawned), then
 * SIGKILL after `stopTimeoutMs`, and resolves only when the command has exited — so a demo
 * service never outlives the demo. Rejects (after killing the group) when the command exits or
 * the timeout passes before it is ready.
 *
 * @example
 * ```ts
 * const backend = await startChildService({
 *   name: 'backstage-backend',
 *   command: 'pnpm',
 *   args: ['--filter', '@ssm-invocations/example-backstage-backend', 'start'],
 *   env: { ...process.env, SSM_EMULATOR_URL: emulatorUrl },
 *   ready: /Listening on (http:\/\/\S+)/,
 * });
 * ```
 */
export function startChildService(options: ChildServiceOptions): Promise<RunningChildService> {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    // Its own process group, so stop() can signal everything the command starts.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((settle) => child.once('exit', () => settle()));

  const signalGroup = (signal: NodeJS.Signals): void => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  const stop = async (): Promise<void> => {
    // A command that could not be spawned has no process to wait for.
    if (child.pid === undefined) return;
    signalGroup('SIGTERM');
    const timer = setTimeout(() => signalGroup('SIGKILL'), options.stopTimeoutMs ?? 10_000);
    await exited;
    clearTimeout(timer);
    // Anything of the group that ignored SIGTERM after the leader exited.
    signalGroup('SIGKILL');
  };

  return new Promise((resolve, reject) => {
    const recent: string[] = [];
    let settled = false;
    const fail = (reason: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const tail = recent.slice(-10).join('\n');
      void stop().then(() =>
        reject(new Error(`${options.name} ${reason}${tail ? `; last output:\n${tail}` : ''}`)),
      );
    };
    const timeoutMs = options.startTimeoutMs ?? 120_000;
    const timer = setTimeout(() => fail(`was not ready within ${timeoutMs} ms`), timeoutMs);
    const onLine = (line: string): void => {
      options.onOutput?.(line);
      recent.push(line);
      if (recent.length > 50) recent.shift();
      const url = settled ? undefined : options.ready.exec(line)?.[1];
      if (url !== undefined && child.pid !== undefined) {
        settled = true;
        clearTimeout(timer);
        resolve({ url, pid: child.pid, stop });
      }
    };
    for (const stream of [child.stdout, child.stderr]) {
      let buffered = '';
      stream.setEncoding('utf8').on('data', (chunk: string) => {
        buffered += chunk;
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) onLine(line);
      });
    }
    child.once('error', (error) => fail(`could not start: ${error.message}`));
    void exited.then(() => fail(`exited with ${child.signalCode ?? `code ${child.exitCode}`}`));
  });
}
