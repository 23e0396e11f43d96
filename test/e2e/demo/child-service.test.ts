import { dirname, join } from 'node:path';
import { startChildService } from '../../../examples/demo/src/child-service';
import { groupPids, portIsOpen } from '../../support/processes';

const emulatorBin = join(
  dirname(require.resolve('@ssm-invocations/emulator/package.json')),
  'dist',
  'bin.mjs',
);

describe('startChildService (how demo services that are processes start and stop)', () => {
  it('starts a real server process, reads its URL, and stops it with its port closed', async () => {
    const service = await startChildService({
      name: 'emulator',
      command: process.execPath,
      args: [emulatorBin, '--port', '0'],
      ready: /SSM emulator listening on (http:\/\/\S+)/,
    });
    expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await portIsOpen(service.url)).toBe(true);
    await service.stop();
    expect(await portIsOpen(service.url)).toBe(false);
    expect(await groupPids(service.pid)).toEqual([]);
  });

  it('ends the whole process group, also a leader that ignores SIGTERM', async () => {
    const script = [
      "process.on('SIGTERM', () => {});",
      "require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });",
      "console.log('ready at http://127.0.0.1:1');",
      'setInterval(() => {}, 1000);',
    ].join('\n');
    const service = await startChildService({
      name: 'stubborn',
      command: process.execPath,
      args: ['-e', script],
      ready: /ready at (\S+)/,
      stopTimeoutMs: 300,
    });
    await new Promise((r) => setTimeout(r, 200));
    expect((await groupPids(service.pid)).length).toBe(2);
    await service.stop();
    await new Promise((r) => setTimeout(r, 100));
    expect(await groupPids(service.pid)).toEqual([]);
  });

  it('rejects with the last output when the command exits before it is ready', async () => {
    await expect(
      startChildService({
        name: 'broken',
        command: process.execPath,
        args: ['-e', "console.error('config missing: BACKEND_PORT'); process.exit(3)"],
        ready: /never (\S+)/,
      }),
    ).rejects.toThrow(/broken exited with code 3; last output:\nconfig missing: BACKEND_PORT/);
  });

  it('rejects and kills the command when it is not ready in time', async () => {
    let pid = 0;
    const error = await startChildService({
      name: 'slow',
      command: process.execPath,
      args: ['-e', 'console.log(process.pid); setInterval(() => {}, 1000)'],
      ready: /never (\S+)/,
      startTimeoutMs: 500,
      onOutput: (line) => {
        pid = Number(line);
      },
    }).catch((e: unknown) => e);
    expect(String(error)).toMatch(/slow was not ready within 500 ms/);
    expect(pid).toBeGreaterThan(0);
    expect(await groupPids(pid)).toEqual([]);
  });

  it('rejects when the command cannot be started', async () => {
    await expect(
      startChildService({
        name: 'missing',
        command: '/nonexistent/command',
        args: [],
        ready: /(x)/,
      }),
    ).rejects.toThrow(/missing could not start: spawn \/nonexistent\/command ENOENT/);
  });
});
