/**
 * `pnpm demo` with its Backstage part: it starts the example backend and the dev app on the
 * demo's emulator and prints the entity page; that page shows the card in Chromium; stopping
 * the demo stops the app and the backend.
 */
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import {
  startChildService,
  type RunningChildService,
} from '../../../examples/demo/src/child-service';
import { portIsOpen } from '../../support/processes';
import { assertChromiumInstalled, launchChromium, signInAsGuestIfAsked } from './chromium';

const repoRoot = resolve(__dirname, '../../..');

let demo: RunningChildService | undefined;
let browser: Browser | undefined;

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
}, 60_000);

it('pnpm demo prints an entity page that shows the card, and stops everything it started', async () => {
  assertChromiumInstalled();
  const env: NodeJS.ProcessEnv = { ...process.env, DEMO_PORT: '0', NO_COLOR: '1' };
  // A DEMO_NO_BACKSTAGE from the environment would skip what this test is about.
  delete env.DEMO_NO_BACKSTAGE;
  const output: string[] = [];
  // The demo prints the entity page among its "try next" lines once everything is up.
  // The runner itself (what `pnpm demo` runs) leads the process group, so stopping the group
  // waits for the runner's own cleanup of the backend and the dev app (their own groups).
  demo = await startChildService({
    name: 'the demo runner',
    command: process.execPath,
    args: ['--import', 'tsx', 'src/main.ts', '--no-build'],
    cwd: resolve(repoRoot, 'examples/demo'),
    env,
    ready: /open (http:\/\/127\.0\.0\.1:\d+\/catalog\/default\/component\/payments-api)\s/,
    startTimeoutMs: 360_000,
    stopTimeoutMs: 60_000,
    onOutput: (line) => output.push(line),
  });
  const pageUrl = demo.url;
  const backendUrl = /Backstage backend: (http:\/\/127\.0\.0\.1:\d+)/.exec(output.join('\n'))?.[1];
  expect(backendUrl).toBeDefined();

  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
  await page.goto(pageUrl, { timeout: 240_000 });
  await signInAsGuestIfAsked(page, page.getByText('payments-api-nightly-patching').first());
  expect(await page.getByTestId('execution-row').count()).toBeGreaterThan(0);
  await browser.close();
  browser = undefined;

  await demo.stop();
  demo = undefined;
  // The runner stopped the dev app and the backend before it exited.
  expect(await portIsOpen(pageUrl)).toBe(false);
  expect(await portIsOpen(backendUrl ?? '')).toBe(false);
}, 600_000);
