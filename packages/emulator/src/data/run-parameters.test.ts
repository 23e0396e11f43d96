import type { EmulatorInvocation } from '../state/store';
import {
  completeRunFields,
  nodeNamedIn,
  readAutomationParameters,
  readRunCommandParameters,
} from './run-parameters';

const BASE: EmulatorInvocation = {
  WindowExecutionId: '0d1e0000-0000-4000-8000-000000000001',
  TaskExecutionId: '7a5c0000-0000-4000-8000-000000000001',
  InvocationId: '1c0a0000-0000-4000-8000-000000000002',
  TaskType: 'RUN_COMMAND',
  Status: 'FAILED',
  StatusDetails: 'Command failed with exit code 1 on i-0abc1234def567890: yum lock held',
  StartTime: new Date('2026-11-28T03:00:11Z'),
};

describe('run parameters', () => {
  it.each([
    undefined,
    '',
    'not json',
    '[]',
    'null',
    '{"instanceIds":"i-0abc1234def567890"}',
    '{"documentName":7}',
  ])('reads %p without throwing', (text) => {
    expect(() => readRunCommandParameters(text)).not.toThrow();
    expect(() => readAutomationParameters(text)).not.toThrow();
    expect(readRunCommandParameters(text, 'AWS-RunPatchBaseline').documentName).toBe(
      'AWS-RunPatchBaseline',
    );
  });

  it('reads documented RUN_COMMAND and AUTOMATION shapes', () => {
    expect(
      readRunCommandParameters(
        JSON.stringify({
          documentName: 'AWS-RunShellScript',
          instanceIds: ['i-0abc1234def567890', 'mi-0123456789abcdef0'],
          comment: 'nightly',
          outputS3BucketName: 'bucket',
          cloudWatchOutputConfig: { cloudWatchOutputEnabled: true },
        }),
      ),
    ).toMatchObject({
      documentName: 'AWS-RunShellScript',
      instanceIds: ['i-0abc1234def567890', 'mi-0123456789abcdef0'],
      comment: 'nightly',
      outputS3BucketName: 'bucket',
      cloudWatchOutputEnabled: true,
    });
    expect(
      readAutomationParameters(
        JSON.stringify({
          documentName: 'AWS-RestartEC2Instance',
          parameters: { InstanceId: ['i-0abc1234def567890'] },
        }),
      ),
    ).toMatchObject({ documentName: 'AWS-RestartEC2Instance', instanceId: 'i-0abc1234def567890' });
  });

  it('finds the node a StatusDetails names', () => {
    expect(nodeNamedIn('Execution timed out after 3600 seconds on mi-0123456789abcdef0')).toBe(
      'mi-0123456789abcdef0',
    );
    expect(nodeNamedIn('Success')).toBeUndefined();
  });

  it('fills a fixture invocation’s missing run fields deterministically and keeps given ones', () => {
    const completed = completeRunFields(BASE, 'AWS-RunPatchBaseline');
    expect(completed.ExecutionId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(completeRunFields(BASE, 'AWS-RunPatchBaseline')).toEqual(completed);
    expect(readRunCommandParameters(completed.Parameters)).toMatchObject({
      documentName: 'AWS-RunPatchBaseline',
      instanceIds: ['i-0abc1234def567890'],
    });
    const given = { ...BASE, ExecutionId: 'cmd-1', Parameters: '{"instanceIds":[]}' };
    expect(completeRunFields(given, 'AWS-RunPatchBaseline')).toEqual(given);
    const notStarted = completeRunFields({ ...BASE, StartTime: undefined, Status: 'PENDING' }, 'x');
    expect(notStarted.ExecutionId).toBeUndefined();
    const automation = completeRunFields(
      { ...BASE, TaskType: 'AUTOMATION', StatusDetails: 'x' },
      'AWS-StopEC2Instance',
    );
    expect(readAutomationParameters(automation.Parameters).instanceId).toMatch(/^i-0[0-9a-f]{16}$/);
    const lambda = { ...BASE, TaskType: 'LAMBDA' as const };
    expect(completeRunFields(lambda, 'arn')).toBe(lambda);
  });
});
