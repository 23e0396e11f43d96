#!/usr/bin/env node
// Starts the dev app on HOST:PORT (default 127.0.0.1:3000) against BACKEND_URL
// (default http://127.0.0.1:7007). Backstage reads APP_CONFIG_* variables as config overrides.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const host = process.env.HOST ?? '127.0.0.1';
const port = process.env.PORT ?? '3000';
if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
  console.error(`PORT must be a TCP port number (1-65535), got "${port}"`);
  process.exit(2);
}
const backendUrl = process.env.BACKEND_URL ?? 'http://127.0.0.1:7007';
try {
  new URL(backendUrl);
} catch {
  console.error(`BACKEND_URL must be an absolute URL, got "${backendUrl}"`);
  process.exit(2);
}

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
// The CLI looks for app-config.yaml at the repository root; this app keeps its own.
// The package's own CLI, so that the script also works outside `pnpm run`.
const cli = join(appDir, 'node_modules', '.bin', 'backstage-cli');
const child = spawn(cli, ['package', 'start', '--config', join(appDir, 'app-config.yaml')], {
  cwd: appDir,
  stdio: 'inherit',
  env: {
    ...process.env,
    BROWSER: 'none',
    // A dev server; callers such as jest set NODE_ENV=test, which browserslist has no entry for.
    NODE_ENV: 'development',
    APP_CONFIG_app_baseUrl: `http://${host}:${port}`,
    APP_CONFIG_app_listen_host: host,
    APP_CONFIG_app_listen_port: port,
    APP_CONFIG_backend_baseUrl: backendUrl,
  },
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
