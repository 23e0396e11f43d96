import { ProgressIndicator } from './progress';

function stream(isTTY: boolean): { isTTY: boolean; text: string; write(chunk: string): void } {
  return {
    isTTY,
    text: '',
    write(chunk: string) {
      this.text += chunk;
    },
  };
}

describe('ProgressIndicator', () => {
  it('draws and erases its line on a terminal', () => {
    const tty = stream(true);
    const progress = new ProgressIndicator(tty, 'fetching invocations');
    progress.update('20 so far');
    progress.start();
    progress.stop();
    expect(tty.text).toContain('fetching invocations');
    expect(tty.text.endsWith('\r\u001b[2K')).toBe(true);
  });

  it('writes nothing when stderr is not a terminal', () => {
    const piped = stream(false);
    const progress = new ProgressIndicator(piped, 'fetching invocations');
    progress.start();
    progress.update('20 so far');
    progress.stop();
    expect(piped.text).toBe('');
  });
});
