/**
 * Starts the example Backstage backend (examples/backstage/backend) as the demo does — its start
 * script, in its own process group — and signs in as its guest.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

/** Generous: on a loaded 2-core machine a backend takes tens of seconds to serve its catalog. */
export const EXAMPLE_BACKEND_STARTUP_MS = 180_000;
const READY = /ssm-invocations example backend listening on (http:\/\/127\.0\.0\.1:\d+)/;

/** A running example backend. */
export interface ExampleBackend {
  child: ChildProcess;
  url: string;
  output(): string;
  /** A guest's Backstage token, from this backend's own auth plugin. */
  guestToken(): Promise<string>;
  /** Ends the whole process tree (pnpm → tsx → node) and waits for it. */
  stop(): Promise<void>;
}

/**
 * Starts the example backend on a free port. `env` adds to the environment, e.g.
 * `SSM_EMULATOR_URL` (else it embeds an emulator) or `APP_CONFIG_*` config overrides.
 */
export function startExampleBackend(env: Record<string, string> = {}): Promise<ExampleBackend> {
  const child = spawn('pnpm', ['--filter', '@ssm-invocations/example-backstage-backend', 'start'], {
    cwd: resolve(__dirname, '../..'),
    env: { ...process.env, BACKEND_PORT: '0', SSM_EMULATOR_URL: '', ...env },
    // Own process group, so the test can end the whole tree by its id.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`not ready in time:\n${output}`)),
      EXAMPLE_BACKEND_STARTUP_MS,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      const url = match[1];
      done({
        child,
        url,
        output: () => output,
        guestToken: async () => {
          const res = await fetch(`${url}/api/auth/guest/refresh`);
          const body = (await res.json()) as { backstageIdentity: { token: string } };
          return body.backstageIdentity.token;
        },
        stop: async () => {
          if (child.pid !== undefined && child.exitCode === null) {
            process.kill(-child.pid, 'SIGTERM');
            await exited;
          }
        },
      });
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`exited with ${code}:\n${output}`));
    });
  });
}
