/**
 * `pnpm demo` with its Backstage part: it starts the example backend and the dev app on the
 * demo's emulator and prints the entity page; that page shows the card in Chromium; stopping
 * the demo stops the app and the backend.
 */
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_FLAGS, signInAsGuestIfAsked } from './chromium';
import { startProcessGroup, type ProcessGroup } from '@ssm-invocations/demo/process-group';

const repoRoot = resolve(__dirname, '../../..');

function portAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((done) => {
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

let demo: ProcessGroup | undefined;
let browser: Browser | undefined;

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
}, 60_000);

it('pnpm demo prints an entity page that shows the card, and stops everything it started', async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, DEMO_PORT: '0', NO_COLOR: '1' };
  // A DEMO_NO_BACKSTAGE from the environment would skip what this test is about.
  delete env.DEMO_NO_BACKSTAGE;
  demo = await startProcessGroup({
    name: 'pnpm demo',
    command: 'pnpm',
    args: ['demo', '--no-build'],
    cwd: repoRoot,
    env,
    ready: /open (http:\/\/127\.0\.0\.1:\d+\/catalog\/default\/component\/payments-api)\s/,
    timeoutMs: 360_000,
  });
  const pageUrl = demo.readyMatch[1] ?? '';
  expect(demo.output()).toMatch(/Backstage backend: http:\/\/127\.0\.0\.1:\d+/);

  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
  await page.goto(pageUrl);
  await signInAsGuestIfAsked(page, page.getByText('payments-api-nightly-patching').first());
  const rows = page.getByTestId('execution-row');
  expect(await rows.count()).toBeGreaterThan(0);
  await page.close();

  await demo.stop();
  demo = undefined;
  // The runner stops the dev app and the backend on SIGTERM.
  const deadline = Date.now() + 20_000;
  while ((await portAnswers(pageUrl)) && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 250));
  }
  expect(await portAnswers(pageUrl)).toBe(false);
}, 480_000);
