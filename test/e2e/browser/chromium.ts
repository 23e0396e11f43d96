// Headless Chromium as installed on the machine (never a downloaded browser), and the one
// interaction every Backstage page test starts with.
import { existsSync } from 'fs';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/** Where the distribution installs Chromium (Debian's `chromium` package). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags for /usr/bin/chromium in a container: no sandbox, no GPU, no background traffic. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Waits for `content`, pressing the guest sign-in's Enter button first if the app asks (the new
 * frontend system does; the guest provider may also `confirm()` a fallback, which is accepted).
 */
export async function signInAsGuestIfAsked(page: Page, content: Locator): Promise<void> {
  page.on('dialog', (dialog) => void dialog.accept());
  const enter = page.getByRole('button', { name: /^enter$/i });
  await Promise.race([
    enter.waitFor({ timeout: 90_000 }).then(() => enter.click()),
    content.waitFor({ timeout: 90_000 }),
  ]);
  await content.waitFor({ timeout: 90_000 });
}

/**
 * Fails with one line saying what to install when the machine has no Chromium (instead of
 * Playwright's launch stack, and before a test spends minutes starting servers).
 */
export function assertChromiumInstalled(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    const missing = new Error(
      `Chromium is missing at ${CHROMIUM_PATH}: install your distribution's package (Debian/Ubuntu: sudo apt-get install chromium) — the browser tests never download one.`,
    );
    missing.stack = missing.message;
    throw missing;
  }
}

/** Launches the machine's Chromium (see {@link assertChromiumInstalled}). */
export async function launchChromium(): Promise<Browser> {
  assertChromiumInstalled();
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
}
