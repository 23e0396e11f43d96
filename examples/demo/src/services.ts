import { backstageService } from './backstage-service';
import type { DemoOptions } from './demo-options';

/** What a service gets when it starts: the options and what started before it. */
export interface DemoContext {
  /** The repository root. */
  repoRoot: string;
  options: DemoOptions;
  /** Base URLs of the services started so far, by service name (`emulator` first). */
  urls: ReadonlyMap<string, string>;
  /** Writes one line for the person running the demo. */
  log(line: string): void;
}

/** A started service. */
export interface RunningService {
  /** Its base URL. */
  url: string;
  /** Lines for the "try next" block, e.g. a page to open. */
  nextSteps?: string[];
  /** Stops it and everything it started; must resolve only when its ports are closed. */
  stop(): Promise<void>;
}

/**
 * One service of the demo. To add one (e.g. a Backstage backend and app), append it to
 * {@link DEMO_SERVICES}: it is started in list order after the emulator, stopped in reverse, and
 * when `optional` it gets a `--no-<name>` flag and a `DEMO_NO_<NAME>=1` variable.
 */
export interface DemoService {
  name: string;
  description: string;
  /** Optional services can be switched off; required ones always run. */
  optional: boolean;
  /** `turbo --filter` values of the packages this service needs built. */
  buildFilters: string[];
  start(context: DemoContext): Promise<RunningService>;
}

/** The emulator's default demo port; a free port is used when it is taken. */
export const DEFAULT_EMULATOR_PORT = 8566;

function isAddressInUse(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === 'EADDRINUSE'
  );
}

/**
 * The SSM emulator with the `demo` seed in live mode, in this process (so stopping the demo
 * process can never leave it orphaned).
 */
export const emulatorService: DemoService = {
  name: 'emulator',
  description: 'SSM emulator (demo seed, live mode)',
  optional: false,
  buildFilters: ['@ssm-invocations/emulator', '@ssm-invocations/cli'],
  async start({ options }) {
    // Imported only now: the build step above is what produces the emulator's dist.
    const { startEmulator } = await import('@ssm-invocations/emulator');
    const settings = { host: '127.0.0.1', seed: 'demo', live: true } as const;
    let emulator;
    try {
      emulator = await startEmulator({ ...settings, port: options.port ?? DEFAULT_EMULATOR_PORT });
    } catch (error) {
      // Only the default port falls back; a port the user asked for is reported as taken.
      if (options.port !== undefined || !isAddressInUse(error)) throw error;
      emulator = await startEmulator({ ...settings, port: 0 });
    }
    const running = emulator;
    return { url: running.url, stop: () => running.stop() };
  },
};

/** Every service of the demo, in start order. */
export const DEMO_SERVICES: readonly DemoService[] = [emulatorService, backstageService];
