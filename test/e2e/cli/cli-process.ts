import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';

/** The built bin, exactly what `ssm-invocations` runs when installed. */
export const CLI_BIN = join(
  dirname(require.resolve('@ssm-invocations/cli/package.json')),
  'dist',
  'bin.cjs',
);

/** A secret no output may ever contain. */
export const SECRET_ACCESS_KEY = 'e2e-Secret-Never-Printed-7f3a91';

/** Dummy credentials for the emulator; no metadata-service lookups. */
export const CLI_ENV: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  AWS_ACCESS_KEY_ID: 'AKIDE2ETEST',
  AWS_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY,
  AWS_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
  // Keep retries short for the unreachable-endpoint case.
  AWS_MAX_ATTEMPTS: '2',
};

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI as a subprocess. Asynchronous on purpose: the emulator serving it runs in
 * this same process and must keep answering.
 */
export function runCliBin(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  // A variable set to undefined is left out (Node would pass the string "undefined").
  const merged = Object.fromEntries(
    Object.entries({ ...CLI_ENV, ...env }).filter(([, value]) => value !== undefined),
  );
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI_BIN, ...args],
      { env: merged, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : Number.NaN;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
