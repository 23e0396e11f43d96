import type { GeneratedAutomationOutcome } from './automation-output';
import { automationFailureSummary } from './automation-run';
import type { GeneratedCommandOutcome } from './command-output';
import { commandFailureSummary } from './command-run';
import { capToService } from './random-picks';

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const EMOJI = '\u{1F525}';

function failedCommand(stderr: string): GeneratedCommandOutcome {
  return {
    InstanceId: 'i-0abc1234def567890',
    DocumentName: 'AWS-RunShellScript',
    Status: 'Failed',
    StatusDetails: 'Failed',
    Plugins: [
      {
        Name: 'aws:runShellScript',
        Status: 'Failed',
        StatusDetails: 'Failed',
        ResponseCode: 1,
        Output: stderr,
        StandardOutputContent: '',
        StandardErrorContent: stderr,
        durationMs: 10,
      },
    ],
  };
}

function failedAutomation(message: string): GeneratedAutomationOutcome {
  return {
    DocumentName: 'AWS-RestartEC2Instance',
    AutomationExecutionStatus: 'Failed',
    FailureMessage: message,
    StepExecutions: [],
    Outputs: {},
    durationMs: 10,
  };
}

describe('texts cut at a service cap keep every character whole', () => {
  it('capToService backs off one unit rather than split a surrogate pair', () => {
    expect(capToService(`ab${EMOJI}`, 3)).toBe('ab');
    expect(capToService(`ab${EMOJI}`, 4)).toBe(`ab${EMOJI}`);
    expect(capToService(`a${EMOJI}b`, 3)).toBe(`a${EMOJI}`);
    expect(capToService('abcdef', 3)).toBe('abc');
  });

  it.each([0, 1])('StatusDetails of a failed command (offset %i)', (offset) => {
    const summary = commandFailureSummary(
      failedCommand(`${'x'.repeat(offset)}${EMOJI.repeat(200)}`),
    );
    expect(summary.length).toBeLessThanOrEqual(250);
    expect(summary.length).toBeGreaterThanOrEqual(249);
    expect(LONE_SURROGATE.test(summary)).toBe(false);
  });

  it.each([0, 1])('StatusDetails of a failed automation (offset %i)', (offset) => {
    const summary = automationFailureSummary(
      failedAutomation(`${'x'.repeat(offset)}${EMOJI.repeat(200)}`),
    );
    expect(summary.length).toBe(250 - (offset === 0 ? 0 : 1));
    expect(LONE_SURROGATE.test(summary)).toBe(false);
  });
});
