import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { demoWindows } from '@ssm-invocations/emulator';
import { groupPids, isAlive, portIsOpen, waitUntil } from '../../support/processes';

// Each demo run starts ~11 CLI processes and compiles the runner with tsx; slow under load.
jest.setTimeout(180_000);

const repoRoot = resolve(__dirname, '..', '..', '..');
const demoDir = resolve(repoRoot, 'examples', 'demo');

interface DemoProcess {
  child: ChildProcess;
  output(): string;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startDemo(
  command: string,
  args: string[],
  { cwd = repoRoot, extraEnv = {} }: { cwd?: string; extraEnv?: NodeJS.ProcessEnv } = {},
): DemoProcess {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('DEMO_')) delete env[name];
  // The CLI part of the demo; its Backstage part has its own test (test/e2e/browser).
  Object.assign(env, { DEMO_PORT: '0', NO_COLOR: '1', DEMO_NO_BACKSTAGE: '1' }, extraEnv);
  // Its own process group, like a terminal's foreground job, so Ctrl-C can be sent to all of it.
  const child = spawn(command, args, {
    cwd,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer): void => {
    text += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  );
  return {
    child,
    output: () => text,
    exited,
    waitFor(pattern, timeoutMs = 90_000) {
      return new Promise((done, fail) => {
        const check = (): void => {
          const match = pattern.exec(text);
          if (match) {
            listeners.delete(check);
            clearTimeout(timer);
            done(match);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          fail(new Error(`timed out waiting for ${pattern}; output so far:\n${text}`));
        }, timeoutMs);
        listeners.add(check);
        void exited.then(() => {
          if (listeners.has(check)) {
            listeners.delete(check);
            clearTimeout(timer);
            fail(new Error(`demo exited before ${pattern}; output:\n${text}`));
          }
        });
        check();
      });
    },
  };
}

function runShell(command: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile('bash', ['-c', command], { cwd: repoRoot, timeout: 60_000 }, (error, stdout, stderr) =>
      done({ code: error === null ? 0 : Number(error.code), stdout, stderr }),
    );
  });
}

/** The lines of one printed report: from the line its heading starts up to the blank line after. */
function printedReport(output: string, heading: string): string[] {
  const lines = output.split('\n');
  const start = lines.findIndex((line) => line.startsWith(heading));
  expect(start).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((line, index) => index > start && line.trim() === '');
  return lines.slice(start, end < 0 ? undefined : end);
}

/** How many rows the lines take on a terminal this many columns wide (long lines wrap). */
function screenLines(lines: string[], columns: number): number {
  return lines.reduce((rows, line) => rows + Math.max(1, Math.ceil([...line].length / columns)), 0);
}

describe('pnpm demo', () => {
  it('prints a report per demo window, keeps serving, and stops cleanly on Ctrl-C', async () => {
    const demo = startDemo('pnpm', ['demo', '--no-build']);
    const pgid = demo.child.pid ?? 0;
    try {
      await demo.waitFor(/Running; press Ctrl-C to stop\./);
      const endpoint = /SSM emulator: (http:\/\/127\.0\.0\.1:\d+)/.exec(demo.output())?.[1] ?? '';
      expect(endpoint).not.toBe('');
      for (const window of demoWindows) {
        const report = printedReport(demo.output(), `Window ${window.Name} (${window.WindowId})`);
        // One screen per window: at most 40 lines on a 100-column terminal.
        expect(screenLines(report, 100)).toBeLessThanOrEqual(40);
      }
      expect(demo.output()).toMatch(/\d+ invocations: .*FAILED/);
      // The compact report names the failed instance and the first line of why.
      expect(demo.output()).toMatch(/^ {6}FAILED +i-[0-9a-f]{17} +\S/m);
      expect(await portIsOpen(endpoint)).toBe(true);

      // The printed next steps work as printed, against the running demo.
      const exportLine =
        /^\s+(export AWS_ACCESS_KEY_ID=\S+ AWS_SECRET_ACCESS_KEY=\S+ AWS_REGION=\S+)$/m.exec(
          demo.output(),
        )?.[1];
      const invocationLine =
        /^\s+(node \S+ --endpoint \S+ invocation --window-execution-id \S+ --task-id \S+ --invocation-id \S+)$/m.exec(
          demo.output(),
        )?.[1];
      expect(exportLine).toBeDefined();
      expect(invocationLine).toBeDefined();
      const tried = await runShell(
        `${exportLine}; unset AWS_PROFILE; ${invocationLine} --output json`,
      );
      expect(tried.stderr).toBe('');
      expect(tried.code).toBe(0);
      // The diagnosis of the invocation: what Run Command or Automation says about it.
      expect(JSON.parse(tried.stdout)).toHaveProperty('invocation.InvocationId');
      expect(JSON.parse(tried.stdout)).toHaveProperty('taskType');

      const pids = await groupPids(pgid);
      expect(pids.length).toBeGreaterThan(0);
      // What a terminal's Ctrl-C does: SIGINT to every process of the foreground job.
      process.kill(-pgid, 'SIGINT');
      const { code, signal } = await demo.exited;
      // pnpm itself may die of the signal; the runner below it must finish its cleanup.
      expect(code === 0 || signal === 'SIGINT').toBe(true);
      await waitUntil(async () => (await groupPids(pgid)).length === 0, 15_000);
      expect(demo.output()).toContain('SIGINT: stopping');
      expect(demo.output()).toContain('stopped emulator');
      expect(await portIsOpen(endpoint)).toBe(false);
      for (const pid of pids) expect(isAlive(pid)).toBe(false);
    } finally {
      if (isAlive(pgid)) process.kill(-pgid, 'SIGKILL');
    }
  });

  it('exits 0 when the runner itself gets SIGINT while serving', async () => {
    const demo = startDemo(process.execPath, ['--import', 'tsx', 'src/main.ts', '--no-build'], {
      cwd: demoDir,
    });
    await demo.waitFor(/Running; press Ctrl-C to stop\./);
    const endpoint = /SSM emulator: (http:\/\/127\.0\.0\.1:\d+)/.exec(demo.output())?.[1] ?? '';
    demo.child.kill('SIGINT');
    expect(await demo.exited).toEqual({ code: 0, signal: null });
    expect(await portIsOpen(endpoint)).toBe(false);
  });

  it('exits by itself after the reports with DEMO_EXIT_AFTER_REPORT=1', async () => {
    const demo = startDemo(process.execPath, ['--import', 'tsx', 'src/main.ts', '--no-build'], {
      cwd: demoDir,
      extraEnv: { DEMO_EXIT_AFTER_REPORT: '1' },
    });
    const { code } = await demo.exited;
    expect(code).toBe(0);
    const endpoint = /SSM emulator: (http:\/\/127\.0\.0\.1:\d+)/.exec(demo.output())?.[1] ?? '';
    expect(demo.output()).toMatch(
      /invocations --window-execution-id [0-9a-f-]{36} --task-id [0-9a-f-]{36}/,
    );
    expect(await portIsOpen(endpoint)).toBe(false);
  });

  it('fails with exit 1 naming the problem when the --port asked for is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const address = blocker.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const demo = startDemo(
        process.execPath,
        ['--import', 'tsx', 'src/main.ts', '--no-build', '--port', String(port)],
        { cwd: demoDir },
      );
      const { code } = await demo.exited;
      expect(code).toBe(1);
      expect(demo.output()).toMatch(/demo: .*EADDRINUSE/);
    } finally {
      await new Promise((done) => blocker.close(done));
    }
  });

  it('rejects an unknown flag with exit 2 and the usage', async () => {
    const demo = startDemo(process.execPath, ['--import', 'tsx', 'src/main.ts', '--bogus'], {
      cwd: demoDir,
    });
    const { code } = await demo.exited;
    expect(code).toBe(2);
    expect(demo.output()).toContain("Unknown option '--bogus'");
    expect(demo.output()).toContain('Usage: pnpm demo');
  });
});
