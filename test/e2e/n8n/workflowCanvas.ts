/**
 * The n8n editor in the machine's Chromium: signs in as the e2e owner, opens an imported workflow
 * and returns the node titles its canvas shows, after a picture of the canvas for the n8n README.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { launchChromium } from '../browser/chromium';
import { N8N_OWNER, type N8nInstance } from './n8nRuntime';

/**
 * Opens `/workflow/<id>` signed in, waits until every node is drawn, saves a picture of the
 * canvas to each path and returns the titles of the canvas nodes.
 */
export async function captureWorkflowCanvas(
  n8n: N8nInstance,
  workflowId: string,
  nodeCount: number,
  paths: string[],
): Promise<string[]> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 640 } });
    const origin = `http://127.0.0.1:${n8n.port}`;
    const login = await context.request.post(`${origin}/rest/login`, {
      data: { emailOrLdapLoginId: N8N_OWNER.email, password: N8N_OWNER.password },
    });
    if (!login.ok()) throw new Error(`n8n sign-in → ${login.status()}: ${await login.text()}`);
    const page = await context.newPage();
    await page.goto(`${origin}/workflow/${workflowId}`);
    const nodes = page.locator('[data-test-id="canvas-node"]');
    await nodes.nth(nodeCount - 1).waitFor({ timeout: 90_000 });
    // Fit the whole workflow in view, as the canvas' "zoom to fit" control does.
    await page.locator('[data-test-id="zoom-to-fit"]').first().click({ timeout: 30_000 });
    await page.waitForTimeout(750); // the fit animates
    const canvas = page.locator('[data-test-id="canvas-wrapper"]').first();
    for (const path of paths) {
      mkdirSync(dirname(path), { recursive: true });
      await canvas.screenshot({ path });
    }
    return await nodes.evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('data-node-name') ?? ''),
    );
  } finally {
    await browser.close();
  }
}
