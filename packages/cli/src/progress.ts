/** A writable the progress indicator draws on (stderr). */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * A one-line spinner with a status text on stderr, drawn only when stderr is a terminal, so
 * piped or captured stderr never gets carriage returns and escape codes.
 *
 * @example
 * ```ts
 * const progress = new ProgressIndicator(process.stderr, 'building report');
 * progress.start();
 * progress.update('3 tasks');
 * progress.stop();
 * ```
 */
export class ProgressIndicator {
  private timer: ReturnType<typeof setInterval> | undefined;
  private frame = 0;
  private detail = '';
  private readonly startedAt = Date.now();
  private readonly enabled: boolean;

  constructor(
    private readonly stream: ProgressStream,
    private readonly label: string,
  ) {
    this.enabled = stream.isTTY === true;
  }

  /** Starts drawing (a no-op when the stream is not a terminal). */
  start(): void {
    if (!this.enabled || this.timer !== undefined) return;
    this.draw();
    this.timer = setInterval(() => this.draw(), 100);
    // A forgotten stop() must not keep the process alive.
    this.timer.unref();
  }

  /** Replaces the status text shown after the label. */
  update(detail: string): void {
    this.detail = detail;
  }

  /** Stops and erases the line. */
  stop(): void {
    if (this.timer === undefined) return;
    clearInterval(this.timer);
    this.timer = undefined;
    this.stream.write('\r\u001b[2K');
  }

  private draw(): void {
    const seconds = ((Date.now() - this.startedAt) / 1000).toFixed(1);
    const frame = FRAMES[this.frame % FRAMES.length] ?? '';
    this.frame += 1;
    const detail = this.detail ? ` · ${this.detail}` : '';
    this.stream.write(`\r\u001b[2K${frame} ${this.label}${detail} (${seconds}s)`);
  }
}
