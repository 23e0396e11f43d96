import { createSeededRandom } from '../state/seeded-random';
import {
  COMMAND_FAILURE_KINDS,
  COMMAND_OUTPUT_CAPS,
  generateCommandOutcome,
  randomNodeId,
  type CommandFailureKind,
  type GeneratedCommandOutcome,
} from './command-output';

const NODE_ID = /^(i-[0-9a-f]{17}|mi-[0-9a-f]{17})$/;

function many(seed: string, failure: CommandFailureKind | undefined, count = 200) {
  const random = createSeededRandom(seed).next;
  return Array.from({ length: count }, () => generateCommandOutcome(random, { failure }));
}

function failedPlugin(outcome: GeneratedCommandOutcome) {
  return outcome.Plugins.find((p) => p.Status !== 'Success');
}

describe('generateCommandOutcome', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(many('a', 'script-exit', 20)).toEqual(many('a', 'script-exit', 20));
    expect(many('a', 'script-exit', 20)).not.toEqual(many('b', 'script-exit', 20));
  });

  it('names EC2 instances and some hybrid managed nodes', () => {
    const random = createSeededRandom('ids').next;
    const ids = Array.from({ length: 400 }, () => randomNodeId(random));
    for (const id of ids) expect(id).toMatch(NODE_ID);
    expect(ids.some((id) => id.startsWith('mi-'))).toBe(true);
    expect(ids.filter((id) => id.startsWith('i-')).length).toBeGreaterThan(300);
  });

  it.each([undefined, ...COMMAND_FAILURE_KINDS])(
    'keeps %p outcomes within AWS’s caps',
    (failure) => {
      for (const outcome of many(`caps-${String(failure)}`, failure)) {
        expect(outcome.InstanceId).toMatch(NODE_ID);
        expect(outcome.Plugins.length).toBeGreaterThan(0);
        for (const plugin of outcome.Plugins) {
          expect(plugin.Name.length).toBeGreaterThanOrEqual(4);
          expect(plugin.Output.length).toBeLessThanOrEqual(COMMAND_OUTPUT_CAPS.Output);
          expect(plugin.StandardOutputContent.length).toBeLessThanOrEqual(
            COMMAND_OUTPUT_CAPS.StandardOutputContent,
          );
          expect(plugin.StandardErrorContent.length).toBeLessThanOrEqual(
            COMMAND_OUTPUT_CAPS.StandardErrorContent,
          );
          expect(plugin.StatusDetails.length).toBeLessThanOrEqual(
            COMMAND_OUTPUT_CAPS.StatusDetails,
          );
          expect(Number.isInteger(plugin.ResponseCode)).toBe(true);
        }
      }
    },
  );

  it('succeeds with exit code 0 and no stderr when no failure is asked for', () => {
    for (const outcome of many('ok', undefined)) {
      expect(outcome.Status).toBe('Success');
      for (const plugin of outcome.Plugins) {
        expect(plugin.ResponseCode).toBe(0);
        expect(plugin.StandardErrorContent).toBe('');
      }
    }
  });

  it('produces long stdout sometimes, cut by the service caps', () => {
    const outcomes = many('long', undefined, 300);
    const outputs = outcomes.flatMap((o) => o.Plugins.map((p) => p.Output.length));
    expect(outputs).toContain(COMMAND_OUTPUT_CAPS.Output);
  });

  it('fails package managers with apt/yum/dnf errors and their exit codes', () => {
    for (const outcome of many('pm', 'package-manager')) {
      const plugin = failedPlugin(outcome);
      expect(outcome.Status).toBe('Failed');
      expect(plugin?.Name).toBe('aws:runShellScript');
      expect([1, 100]).toContain(plugin?.ResponseCode);
      expect(plugin?.StandardErrorContent).toMatch(/^(E: |Error: )/);
      expect(plugin?.StandardErrorContent).toMatch(
        new RegExp(`failed to run commands: exit status ${plugin?.ResponseCode}$`),
      );
      expect(plugin?.Output).toContain('----------ERROR-------');
    }
  });

  it('fails scripts with a non-zero exit code on Linux and Windows', () => {
    const outcomes = many('script', 'script-exit');
    const names = new Set(outcomes.map((o) => failedPlugin(o)?.Name));
    expect(names).toEqual(new Set(['aws:runShellScript', 'aws:runPowerShellScript']));
    for (const outcome of outcomes) {
      const plugin = failedPlugin(outcome);
      expect(plugin?.ResponseCode).toBeGreaterThan(0);
      expect(plugin?.StatusDetails).toBe('Failed');
    }
    const shell = outcomes.find((o) =>
      /command not found/.test(failedPlugin(o)?.StandardErrorContent ?? ''),
    );
    expect(failedPlugin(shell as GeneratedCommandOutcome)?.StandardErrorContent).toContain(
      `/var/lib/amazon/ssm/${shell?.InstanceId}/document/orchestration/`,
    );
  });

  it('fails the PatchLinux step of AWS-RunPatchBaseline, the Windows step skipped', () => {
    for (const outcome of many('patch', 'patch-baseline', 50)) {
      expect(outcome.DocumentName).toBe('AWS-RunPatchBaseline');
      const [windows, linux] = outcome.Plugins;
      expect(windows).toMatchObject({ Name: 'PatchWindows', Status: 'Success', ResponseCode: 0 });
      expect(windows?.Output).toMatch(/^Step execution skipped/);
      expect(linux).toMatchObject({ Name: 'PatchLinux', Status: 'Failed', ResponseCode: 1 });
      expect(linux?.StandardErrorContent).toMatch(/ERROR|Traceback/);
    }
  });

  it('times out or fails to deliver with ResponseCode -1 and the SSM status details', () => {
    for (const outcome of many('timeout', 'execution-timeout', 30)) {
      expect(outcome).toMatchObject({ Status: 'TimedOut', StatusDetails: 'Execution Timed Out' });
      expect(failedPlugin(outcome)?.ResponseCode).toBe(-1);
    }
    for (const outcome of many('lost', 'undeliverable', 30)) {
      expect(outcome).toMatchObject({ Status: 'Failed', StatusDetails: 'Undeliverable' });
      expect(failedPlugin(outcome)).toMatchObject({ ResponseCode: -1, Output: '', durationMs: 0 });
    }
  });

  it('uses the given document, node and command id', () => {
    const outcome = generateCommandOutcome(createSeededRandom('given').next, {
      documentName: 'AWS-RunPowerShellScript',
      failure: 'package-manager',
      instanceId: 'mi-0123456789abcdef0',
      commandId: '0b1f5c9e-2d7a-4c1e-9a55-3f6e8d2a7b10',
    });
    expect(outcome.InstanceId).toBe('mi-0123456789abcdef0');
    expect(outcome.Plugins[0]?.Name).toBe('aws:runPowerShellScript');
    // No apt on Windows: a PowerShell error instead.
    expect(outcome.Plugins[0]?.StandardErrorContent).not.toMatch(/^E: /);
  });
});
