import { parseRawOutput } from './n8nRuntime';

describe('parseRawOutput (reading `n8n execute --rawOutput`)', () => {
  it('takes the document between log lines, ignoring braces inside strings and trailing logs', () => {
    const doc = {
      data: { resultData: { runData: { a: [{ executionStatus: 'success', note: '} {"x"' }] } } },
    };
    const stdout = `Starting execution...\n${JSON.stringify(doc, null, 2)}\nTask runner stopped {pid: 12}\n`;
    expect(parseRawOutput(stdout)).toEqual(doc);
  });

  it('says when there is no document or it is cut off', () => {
    expect(() => parseRawOutput('only logs\n')).toThrow(/no JSON in n8n output/);
    expect(() => parseRawOutput('{"data": {"resultData": ')).toThrow(/unterminated JSON/);
  });
});
