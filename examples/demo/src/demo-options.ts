import { parseArgs } from 'node:util';

/** How this run of the demo behaves; from flags first, then `DEMO_*` environment variables. */
export interface DemoOptions {
  /** Print the reports and the next steps, then stop everything and exit (for tests and CI). */
  once: boolean;
  /** Run `turbo run build` for the packages the enabled services need before starting them. */
  build: boolean;
  /** The emulator's port; `undefined` means 8566, or a free port when 8566 is taken. */
  port: number | undefined;
  /** Names of optional services switched off (`--no-backstage`, `DEMO_NO_BACKSTAGE=1`). */
  disabled: Set<string>;
  help: boolean;
}

/** Thrown for a bad flag or `DEMO_*` variable; the runner prints it and exits 2. */
export class DemoOptionsError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DemoOptionsError';
  }
}

function isOn(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

function envName(service: string): string {
  return `DEMO_NO_${service.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

function parsePort(value: string, source: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) {
    throw new DemoOptionsError(`${source} must be a port number 0–65535, got "${value}"`);
  }
  return port;
}

/**
 * Reads the demo's flags and environment. Every optional service gets a `--no-<name>` flag and
 * a `DEMO_NO_<NAME>=1` variable, so services added later are switchable without code here.
 *
 * @example
 * ```ts
 * const options = parseDemoOptions(['--once'], process.env, ['backstage']);
 * ```
 */
export function parseDemoOptions(
  argv: string[],
  env: Record<string, string | undefined>,
  optionalServices: readonly string[],
): DemoOptions {
  const switches = Object.fromEntries(
    optionalServices.map((name) => [`no-${name}`, { type: 'boolean' as const }]),
  );
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        once: { type: 'boolean' },
        'no-build': { type: 'boolean' },
        port: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        ...switches,
      },
    }));
  } catch (error) {
    throw new DemoOptionsError(error instanceof Error ? error.message : String(error), {
      cause: error,
    });
  }
  const portFlag = values.port;
  const port =
    typeof portFlag === 'string'
      ? parsePort(portFlag, '--port')
      : env.DEMO_PORT !== undefined && env.DEMO_PORT !== ''
        ? parsePort(env.DEMO_PORT, 'DEMO_PORT')
        : undefined;
  return {
    once: values.once === true || isOn(env.DEMO_EXIT_AFTER_REPORT),
    build: values['no-build'] !== true && !isOn(env.DEMO_SKIP_BUILD),
    port,
    disabled: new Set(
      optionalServices.filter((name) => values[`no-${name}`] === true || isOn(env[envName(name)])),
    ),
    help: values.help === true,
  };
}

/**
 * The `--help` text.
 *
 * @example
 * ```ts
 * console.log(demoUsage(['backstage']));
 * ```
 */
export function demoUsage(optionalServices: readonly string[]): string {
  return [
    'Usage: pnpm demo [options]',
    '',
    'Starts the SSM emulator with the demo seed (live mode), prints a report per demo window',
    'through the ssm-invocations CLI, then keeps running until Ctrl-C.',
    '',
    'Options:',
    '  --once          print the reports, then stop (also DEMO_EXIT_AFTER_REPORT=1)',
    '  --no-build      skip the turbo build of the needed packages (also DEMO_SKIP_BUILD=1)',
    '  --port <n>      emulator port (also DEMO_PORT; default 8566, a free one when taken)',
    ...optionalServices.map(
      (name) => `  --no-${name.padEnd(11)} do not start ${name} (also ${envName(name)}=1)`,
    ),
    '  -h, --help      this text',
  ].join('\n');
}
