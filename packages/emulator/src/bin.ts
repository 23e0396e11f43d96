/**
 * `ssm-emulator`: starts the emulator from command-line flags, prints one machine-readable line
 * (`SSM emulator listening on http://HOST:PORT`) and stops cleanly on SIGINT/SIGTERM.
 */
import { CLI_USAGE, CliUsageError, parseCliArgs } from './cli-options';
import { startEmulator } from './http/server';

async function main(): Promise<void> {
  let command;
  try {
    command = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof CliUsageError) {
      process.stderr.write(
        `ssm-emulator: ${error.message}\nRun ssm-emulator --help for the options.\n`,
      );
      process.exitCode = 2;
      return;
    }
    throw error;
  }
  if (command.help) {
    process.stdout.write(CLI_USAGE);
    return;
  }
  const emulator = await startEmulator({
    ...command.options,
    logger: command.verbose
      ? {
          info: (message) => process.stderr.write(`${message}\n`),
          warn: (message) => process.stderr.write(`${message}\n`),
        }
      : undefined,
  });
  process.stdout.write(`SSM emulator listening on ${emulator.url}\n`);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    emulator.stop().then(
      () => {
        process.stderr.write(`ssm-emulator: stopped (${signal})\n`);
        process.exitCode = 0;
      },
      (error: unknown) => {
        process.stderr.write(`ssm-emulator: error while stopping: ${String(error)}\n`);
        process.exitCode = 1;
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `ssm-emulator: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`,
  );
  process.exitCode = 1;
});
