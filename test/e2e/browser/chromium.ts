// Headless Chromium as installed on the machine (never a downloaded browser), and the one
// interaction every Backstage page test starts with.
import type { Locator, Page } from 'playwright-core';

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
