/**
 * One AbortSignal passed to a report with many tasks must not trip Node's listener-leak warning
 * (the pool used to add one abort listener per queued call). Checked in a child process because
 * the warning goes to the real `process`, not Jest's sandboxed one.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

describe('getWindowReport with one shared AbortSignal', () => {
  it('runs > 10 queued tasks without MaxListenersExceededWarning', () => {
    const script = join(__dirname, '..', 'test-support', 'report-with-shared-signal.ts');
    const output = execFileSync(process.execPath, ['--import', 'tsx', script], {
      encoding: 'utf8',
      cwd: join(__dirname, '..', '..'),
    });
    const { tasks, warnings } = JSON.parse(output) as { tasks: number; warnings: string[] };
    expect(tasks).toBe(18);
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });
});
