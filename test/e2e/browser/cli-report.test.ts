/**
 * The CLI's compact report as a terminal shows it: the built `ssm-invocations` bin reports the
 * demo's payments window from the emulator with colours forced on; its SGR escapes become styled
 * spans in headless Chromium, which checks what an operator would look for (the failed target's
 * instance in bold red beside its first stderr line) and takes the CLI README's picture.
 * `UPDATE_DOC_SCREENSHOTS=1` also writes packages/cli/docs/report.png; otherwise the picture goes to
 * the artifacts only, so test runs leave the tree clean.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startEmulator } from '@ssm-invocations/emulator';
import type { Browser } from 'playwright-core';
import { runCliBin } from '../cli/cli-process';
import { launchChromium } from './chromium';

const repoRoot = resolve(__dirname, '../../..');
const artifacts = join(__dirname, 'artifacts');
const cliDocs = join(repoRoot, 'packages/cli/docs');
const WINDOW_ID = 'mw-0a1b2c3d4e5f00001';

/** A terminal's 16 foreground colours as used by the CLI's palette (picocolors). */
const FOREGROUND: Record<number, string> = {
  31: '#f14c4c',
  32: '#23d18b',
  33: '#e5e510',
  34: '#3b8eea',
  35: '#d670d6',
  36: '#29b8db',
  90: '#8a8a8a',
};

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// eslint-disable-next-line no-control-regex -- the escape sequences are what this parses
const SGR = /\x1b\[([0-9;]*)m/;

/** Renders text with SGR escapes (colour, bold, dim and their resets) as HTML spans. */
function sgrToHtml(text: string): string {
  let colour: string | undefined;
  let weight: 'bold' | 'dim' | undefined;
  let html = '';
  for (const [index, part] of text.split(SGR).entries()) {
    if (index % 2 === 0) {
      if (part === '') continue;
      const style = [
        colour ? `color:${colour}` : '',
        weight === 'bold' ? 'font-weight:bold' : weight === 'dim' ? 'opacity:0.6' : '',
      ].filter(Boolean);
      html +=
        style.length > 0
          ? `<span style="${style.join(';')}">${escapeHtml(part)}</span>`
          : escapeHtml(part);
      continue;
    }
    for (const code of (part === '' ? '0' : part).split(';').map(Number)) {
      if (code === 0) [colour, weight] = [undefined, undefined];
      else if (code === 1) weight = 'bold';
      else if (code === 2) weight = 'dim';
      else if (code === 22) weight = undefined;
      else if (code === 39) colour = undefined;
      else if (FOREGROUND[code] !== undefined) colour = FOREGROUND[code];
      else throw new Error(`the CLI printed an SGR code this test does not know: ${code}`);
    }
  }
  return html;
}

/** The page's own function, for callbacks evaluated in Chromium (this package has no DOM types). */
declare const getComputedStyle: (element: unknown) => { color: string; fontWeight: string };

let emulator: Awaited<ReturnType<typeof startEmulator>> | undefined;
let browser: Browser | undefined;
const emulatorUrl = (): string => {
  if (emulator === undefined) throw new Error('the emulator did not start');
  return emulator.url;
};
const requireBrowser = (): Browser => {
  if (browser === undefined) throw new Error('Chromium did not start');
  return browser;
};

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  emulator = await startEmulator({ port: 0 });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await emulator?.stop();
});

test('the compact report shows the failed target, its instance and why, coloured', async () => {
  const { code, stdout, stderr } = await runCliBin(
    ['report', '--window-id', WINDOW_ID, '--endpoint', emulatorUrl(), '--output', 'table'],
    { FORCE_COLOR: '1', COLUMNS: '120' },
  );
  expect(stderr).toBe('');
  expect(code).toBe(0);
  expect(stdout).toContain('\x1b['); // coloured, as on a terminal

  const page = await requireBrowser().newPage({ viewport: { width: 1100, height: 400 } });
  await page.setContent(
    `<!doctype html><body style="margin:0;background:#1e1e1e">` +
      `<pre data-testid="terminal" style="margin:0;padding:14px 18px;color:#d4d4d4;` +
      `font:13px/1.45 'DejaVu Sans Mono',monospace;display:inline-block">${sgrToHtml(stdout)}</pre></body>`,
  );
  const terminal = page.getByTestId('terminal');
  const text = await terminal.innerText();
  expect(text).not.toContain('\x1b');
  expect(text).toContain(`(${WINDOW_ID})`);

  // Every FAILED target row: its status in bold red, then an instance id, then a reason.
  const rows = text.split('\n').filter((line) => /^\s+FAILED\s+i-[0-9a-f]{17}\s+\S/.test(line));
  expect(rows.length).toBeGreaterThan(0);
  const failedStyles = await page
    .locator('pre span', { hasText: /^FAILED$/ })
    .evaluateAll((spans) =>
      spans.map((s) => [getComputedStyle(s).color, getComputedStyle(s).fontWeight]),
    );
  expect(failedStyles.length).toBeGreaterThan(0);
  for (const [colour, weight] of failedStyles) {
    expect(colour).toBe('rgb(241, 76, 76)');
    expect(Number(weight)).toBeGreaterThanOrEqual(700);
  }

  for (const dir of process.env.UPDATE_DOC_SCREENSHOTS === '1'
    ? [artifacts, cliDocs]
    : [artifacts]) {
    mkdirSync(dir, { recursive: true });
    await terminal.screenshot({
      path: join(dir, dir === cliDocs ? 'report.png' : 'cli-report.png'),
    });
  }
  await page.close();
}, 90_000);
