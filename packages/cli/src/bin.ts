import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCliClient } from './connection';
import { runCli } from './run-cli';

// The bundle runs from dist/ (CommonJS, so __dirname is set); package.json is one level up.
const { version } = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as {
  version: string;
};

// The SDK warns on every run under Node < 22 that its releases after January 2027 will need
// Node 22; this CLI pins its SDK and supports Node 20, so the notice is noise on every command.
// Set the variable to "false" to see it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// Ctrl-C aborts in-flight requests; a second Ctrl-C exits at once.
const controller = new AbortController();
process.once('SIGINT', () => {
  controller.abort();
  process.once('SIGINT', () => process.exit(130));
});

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  version,
  createClient: (connection) => createCliClient(connection, process.env),
  signal: controller.signal,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // runCli reports its own failures; this is a last resort, still without a stack.
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
