/**
 * What every command shares: the options `runCli` was given, and per command the client, the
 * output format and palette its global flags ask for.
 */
import type { Command } from 'commander';
import type { CliClient, ConnectionOptions } from './connection';
import {
  resolveColour,
  resolveOutputFormat,
  type OutputFormat,
  type OutputStream,
} from './output-mode';
import { createPalette, type Palette } from './render/palette';
import { ProgressIndicator } from './progress';

/**
 * Everything `runCli` touches outside itself, so tests can drive it in-process.
 *
 * @example
 * ```ts
 * const options: RunCliOptions = {
 *   stdout: process.stdout,
 *   stderr: process.stderr,
 *   env: process.env,
 *   version: '0.1.0',
 *   createClient: (connection) => createCliClient(connection, process.env),
 * };
 * ```
 */
export interface RunCliOptions {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Record<string, string | undefined>;
  /** The version `--version` prints. */
  version: string;
  /** Builds the SSM client from the global flags; called only when a command runs. */
  createClient: (connection: ConnectionOptions) => CliClient;
  /** Aborts in-flight requests (the bin wires it to SIGINT). */
  signal?: AbortSignal;
}

/** The global flags, as commander parses them. */
export interface GlobalFlags extends ConnectionOptions {
  output?: OutputFormat;
  color?: boolean;
}

/** What each command action gets: the client, output settings and the streams. */
export interface CommandContext {
  client: CliClient;
  format: OutputFormat;
  palette: Palette;
  options: RunCliOptions;
}

/** The context of one command from its global flags; builds the client. */
export function contextFor(command: Command, options: RunCliOptions): CommandContext {
  const flags = command.optsWithGlobals<GlobalFlags>();
  const format = resolveOutputFormat(flags.output, options.stdout);
  const colour = format === 'table' && resolveColour(flags, options.env, options.stdout);
  const connection: ConnectionOptions = {};
  if (flags.region !== undefined) connection.region = flags.region;
  if (flags.endpoint !== undefined) connection.endpoint = flags.endpoint;
  if (flags.profile !== undefined) connection.profile = flags.profile;
  return {
    client: options.createClient(connection),
    format,
    palette: createPalette(colour),
    options,
  };
}

/** Writes rendered table text and the final line break to stdout. */
export function writeTable(context: CommandContext, text: string): void {
  context.options.stdout.write(`${text}\n`);
}

/** Progress on stderr around a slow call; stop() always runs so stderr is left clean. */
export async function withProgress<T>(
  context: CommandContext,
  label: string,
  work: (progress: ProgressIndicator) => Promise<T>,
): Promise<T> {
  const progress = new ProgressIndicator(context.options.stderr, label);
  progress.start();
  try {
    return await work(progress);
  } finally {
    progress.stop();
  }
}
