/**
 * Runs the emulator in its own process (its `ssm-emulator` bin) so that its CPU work does not
 * share the benchmark's event loop: the client under test should be the only thing timed here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Fixture } from '@ssm-invocations/emulator';

export interface EmulatorProcess {
  url: string;
  stop(): Promise<void>;
}

export async function spawnEmulator(
  fixture: Fixture,
  args: string[] = [],
): Promise<EmulatorProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'ssm-bench-'));
  const fixtureFile = join(dir, 'fixture.json');
  writeFileSync(fixtureFile, JSON.stringify(fixture));
  const bin = join(
    dirname(require.resolve('@ssm-invocations/emulator/package.json')),
    'dist',
    'bin.mjs',
  );
  const child: ChildProcess = spawn(
    process.execPath,
    [bin, '--port', '0', '--host', '127.0.0.1', '--fixture', fixtureFile, ...args],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const match = /listening on (http:\/\/\S+)/.exec(buffered);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`ssm-emulator exited early with code ${code}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
