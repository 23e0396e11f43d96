import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * Dummy credentials for the emulator. The demo always uses them, so real credentials from the
 * environment are never sent anywhere, not even to the local emulator.
 */
export const DEMO_AWS_ENV = {
  AWS_ACCESS_KEY_ID: 'demo',
  AWS_SECRET_ACCESS_KEY: 'demo',
  AWS_REGION: 'us-east-1',
} as const;

/** Absolute path of the built CLI (`packages/cli/dist/bin.cjs`). */
export function cliBinPath(): string {
  return join(dirname(require.resolve('@ssm-invocations/cli/package.json')), 'dist', 'bin.cjs');
}

/** The command a person types to run the CLI from `cwd`. */
export function cliCommandFrom(cwd: string): string {
  return `node ${relative(cwd, cliBinPath())}`;
}

function cliEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...DEMO_AWS_ENV };
  for (const name of ['AWS_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN']) delete env[name];
  // Never reach for instance metadata: the demo only talks to loopback.
  env.AWS_EC2_METADATA_DISABLED = 'true';
  return env;
}

/** Child CLI processes still running, so an early Ctrl-C can end them. */
const running = new Set<ReturnType<typeof spawn>>();

/** Kills every CLI process still running (used when the demo is interrupted). */
export function killRunningCliProcesses(): void {
  for (const child of running) child.kill('SIGTERM');
}

/**
 * Runs the CLI against the emulator. `inherit` shows its output directly (colours on a
 * terminal); `capture` returns stdout for parsing.
 *
 * @example
 * ```ts
 * const { stdout } = await runCli(endpoint, ['--output', 'json', 'windows'], 'capture');
 * ```
 */
export function runCli(
  endpoint: string,
  args: string[],
  mode: 'inherit' | 'capture',
): Promise<{ stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliBinPath(), '--endpoint', endpoint, ...args], {
      env: cliEnvironment(),
      stdio: mode === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'inherit'],
    });
    running.add(child);
    let stdout = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.on('error', (error) => {
      running.delete(child);
      reject(error);
    });
    child.on('close', (code, signal) => {
      running.delete(child);
      if (code === 0) resolve({ stdout });
      else
        reject(
          new Error(`ssm-invocations ${args.join(' ')} exited with ${signal ?? `code ${code}`}`),
        );
    });
  });
}
