import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DescribeMaintenanceWindowsCommand, SSMClient } from '@aws-sdk/client-ssm';

// Runs the built bin (turbo builds before testing), as a user would.
const BIN = join(__dirname, '..', 'dist', 'bin.mjs');

describe('the ssm-emulator bin', () => {
  beforeAll(() => {
    if (!existsSync(BIN))
      throw new Error(`${BIN} is missing: run pnpm --filter @ssm-invocations/emulator build first`);
  });

  it('prints its URL, serves the SDK and stops cleanly on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [BIN, '--port', '0', '--seed', 'demo', '--sigv4-key', 'AKIDBIN:bin-secret'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const lines = createInterface({ input: child.stdout });
    const [line] = (await once(lines, 'line')) as [string];
    const match = /^SSM emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
    expect(match).not.toBeNull();
    const ssm = new SSMClient({
      endpoint: match?.[1],
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDBIN', secretAccessKey: 'bin-secret' },
    });
    const out = await ssm.send(new DescribeMaintenanceWindowsCommand({}));
    expect(out.WindowIdentities?.length).toBe(5);
    ssm.destroy();
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(stderr).toContain('stopped (SIGTERM)');
    expect(stderr).not.toContain('bin-secret');
  });

  it('exits on SIGTERM even with latency-delayed requests pending', async () => {
    const child = spawn(process.execPath, [BIN, '--port', '0', '--latency', '600000'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines = createInterface({ input: child.stdout });
    const [line] = (await once(lines, 'line')) as [string];
    const url = /(http:\/\/\S+)$/.exec(line)?.[1] ?? '';
    const pending = [1, 2, 3].map(() =>
      fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'AmazonSSM.DescribeMaintenanceWindows',
        },
        body: '{}',
      }).catch((error: unknown) => error),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill('SIGTERM');
    const exited = once(child, 'exit') as Promise<[number | null]>;
    const late = new Promise<'still running'>((resolve) =>
      setTimeout(() => resolve('still running'), 5000).unref(),
    );
    const outcome = await Promise.race([exited, late]);
    if (outcome === 'still running') child.kill('SIGKILL');
    expect(outcome === 'still running' ? outcome : outcome[0]).toBe(0);
    // The pending requests end (their connections close) rather than hang.
    const results = await Promise.all(pending);
    // fetch rejects with a TypeError ("fetch failed"), from undici's realm, not jest's.
    expect(results.map((r) => (r as { name?: unknown }).name)).toEqual([
      'TypeError',
      'TypeError',
      'TypeError',
    ]);
  }, 15_000);

  it('exits 2 with a message naming the flag for bad options', async () => {
    const child = spawn(process.execPath, [BIN, '--throttle-rps', 'fast'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(stderr).toContain("--throttle-rps must be a rate > 0, got 'fast'");
  });

  it('prints the options for --help', async () => {
    const child = spawn(process.execPath, [BIN, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    for (const flag of [
      '--port',
      '--host',
      '--seed',
      '--fixture',
      '--latency',
      '--throttle-rps',
      '--failure-rate',
      '--live',
      '--sigv4-key',
    ]) {
      expect(stdout).toContain(flag);
    }
  });
});
