interface Waiter {
  grant: () => void;
  reject: (reason: unknown) => void;
  signal?: AbortSignal;
}

/**
 * A counting semaphore bounding how many SSM requests of one client are in flight. Waiters are
 * served first in, first out, so a report's pages run in the order they were asked for.
 *
 * A caller's AbortSignal gets one abort listener per pool however many of its calls wait (a report
 * queues one call per task and page; a listener each made Node print MaxListenersExceededWarning),
 * and the listener is removed as soon as none of that signal's calls is waiting any more.
 */
export class ConcurrencyPool {
  private active = 0;
  private readonly waiting: Waiter[] = [];
  private readonly abortListeners = new Map<AbortSignal, () => void>();

  constructor(readonly limit: number) {}

  /** Requests currently holding a slot. */
  get inFlight(): number {
    return this.active;
  }

  /** Runs `task` once a slot is free; rejects with `signal.reason` if aborted while waiting. */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.active < this.limit) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          this.active += 1;
          resolve();
        },
        reject,
      };
      if (signal) {
        waiter.signal = signal;
        this.listenForAbort(signal);
      }
      this.waiting.push(waiter);
    });
  }

  private release(): void {
    this.active -= 1;
    const next = this.waiting.shift();
    if (!next) return;
    if (next.signal) this.stopListeningIfUnused(next.signal);
    next.grant();
  }

  private listenForAbort(signal: AbortSignal): void {
    if (this.abortListeners.has(signal)) return;
    const onAbort = (): void => {
      this.abortListeners.delete(signal);
      // Every waiter of this signal gives up; the others keep their place in the queue.
      for (let i = this.waiting.length - 1; i >= 0; i--) {
        const waiter = this.waiting[i];
        if (waiter?.signal !== signal) continue;
        this.waiting.splice(i, 1);
        waiter.reject(signal.reason);
      }
    };
    this.abortListeners.set(signal, onAbort);
    signal.addEventListener('abort', onAbort, { once: true });
  }

  private stopListeningIfUnused(signal: AbortSignal): void {
    if (this.waiting.some((waiter) => waiter.signal === signal)) return;
    const onAbort = this.abortListeners.get(signal);
    if (!onAbort) return;
    this.abortListeners.delete(signal);
    signal.removeEventListener('abort', onAbort);
  }
}
