import { escapeJsonForTerminal, toTerminalText } from './terminal-text';

const OSC52 = '\u001b]52;c;ZXZpbCBjbGlwYm9hcmQ=\u0007';
const CLEAR = '\u001b[2J\u001b[H';

describe('toTerminalText', () => {
  it.each([
    [`before${OSC52}after`, 'beforeafter'],
    [`before\u001b]52;c;ZXZpbA==\u001b\\after`, 'beforeafter'],
    [`before${CLEAR}after`, 'beforeafter'],
    ['a\u009b2Jb', 'ab'],
    ['a\u009d52;c;eA==\u009cb', 'ab'],
    ['a\u001bPq#0;2;0;0;0\u001b\\b', 'ab'],
    ['a\u001b]0;title never ends', 'a'],
    ['bell\u0007 back\bspace del\u007f nul\u0000', 'bell backspace del nul'],
    ['over\rwrite', 'over write'],
    ['tab\there', 'tab here'],
    ['rtl \u202egnp.exe', 'rtl gnp.exe'],
    ['multi\nline', 'multi line'],
    ['plain text, ünïcode ✓ and 日本語', 'plain text, ünïcode ✓ and 日本語'],
  ])('%j → %j', (input, expected) => {
    expect(toTerminalText(input)).toBe(expected);
  });

  it('keeps line breaks where a cell allows them, as \\n only', () => {
    expect(toTerminalText(`line 1\r\nline 2${CLEAR}\nline 3`, { keepNewlines: true })).toBe(
      'line 1\nline 2\nline 3',
    );
  });
});

describe('escapeJsonForTerminal', () => {
  it('escapes what JSON.stringify leaves raw, losslessly', () => {
    const value = { s: `x\u009b2J\u007f\u202e${OSC52}` };
    const json = escapeJsonForTerminal(JSON.stringify(value));
    // eslint-disable-next-line no-control-regex
    expect(json).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
