/**
 * Real browser, real servers: headless Chromium (Playwright) → the dev app
 * (examples/backstage/app, `backstage-cli package start`) → the example Backstage backend
 * (catalog + guest auth + ssm-invocations backend plugin) → the SSM emulator (seed `demo`).
 * Every server binds 127.0.0.1 on a free port and is stopped at the end. The emulator runs in live
 * mode on a manual clock that starts three minutes ago, so the first tests see the seeded history
 * and the last one ticks to now, like a demo that has been running for three minutes, for the
 * README's picture. Beside the demo's windows, the emulator holds a big patch window (5 executions
 * × 4 tasks × 500 targets, 2 % failed) that a `fleet-patching` entity of an extra catalog file
 * names: the card must render it light and page its targets.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  DescribeMaintenanceWindowExecutionsCommand,
  DescribeMaintenanceWindowExecutionTasksCommand,
  DescribeMaintenanceWindowExecutionTaskInvocationsCommand,
  GetCommandInvocationCommand,
  ListCommandInvocationsCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { invocationTargets } from '@ssm-invocations/core/model';
import { loadFixture, startEmulator } from '@ssm-invocations/emulator';
import type { Browser, Page } from 'playwright-core';
import {
  startChildService,
  type RunningChildService,
} from '../../../examples/demo/src/child-service';
import { BENCH_WINDOW_ID, benchFixture } from '../../bench/report-fixture';
import { freePort } from '../../support/processes';
import { assertChromiumInstalled, launchChromium, signInAsGuestIfAsked } from './chromium';

const repoRoot = resolve(__dirname, '../../..');
const artifacts = join(__dirname, 'artifacts');
const ENTITY_PATH = '/catalog/default/component/payments-api';
const WINDOW_ID = 'mw-0a1b2c3d4e5f00001';
const WINDOW_NAME = 'payments-api-nightly-patching';
const pluginDocs = join(repoRoot, 'packages/backstage-plugin-ssm-invocations/docs');
/**
 * `UPDATE_DOC_SCREENSHOTS=1` also writes the plugin README's pictures (docs/card.png,
 * docs/card-narrow.png); otherwise they go to the artifacts only, so test runs leave the tree clean.
 */
const docScreenshots =
  process.env.UPDATE_DOC_SCREENSHOTS === '1' ? [artifacts, pluginDocs] : [artifacts];
const LIVE_TICK_MS = 5000;
const LIVE_MINUTES = 3;

let emulator: Awaited<ReturnType<typeof startEmulator>> | undefined;
let backend: RunningChildService | undefined;
let app: RunningChildService | undefined;
let browser: Browser | undefined;
let appUrl = '';

const FLEET_PATH = '/catalog/default/component/fleet-patching';
const FLEET_REPORT =
  /\/api\/ssm-invocations\/v1\/entity\/default\/component\/fleet-patching\/report/i;
/** Most main-thread time the card may take to render the big window's report. */
const BUSY_BUDGET_MS = 200;

/**
 * Adds the big patch window to the running emulator, disabled so that live mode leaves it alone,
 * and writes a catalog file with the entity that names it; returns that file.
 */
function addFleetWindow(target: NonNullable<typeof emulator>): string {
  const { store } = loadFixture(
    benchFixture({ executions: 5, tasks: 4, invocations: 500, failedEvery: 50 }),
  );
  for (const window of store.windows) {
    target.store.addWindow({ ...window, Enabled: false });
    for (const windowTarget of store.targetsOf(window.WindowId))
      target.store.addTarget(windowTarget);
  }
  for (const execution of store.executions) target.store.addExecution(execution);
  for (const task of store.tasks) target.store.addTask(task);
  for (const invocation of store.invocations) target.store.addInvocation(invocation);
  const file = join(artifacts, 'fleet-catalog.yaml');
  writeFileSync(
    file,
    [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      '  name: fleet-patching',
      '  annotations:',
      `    aws.amazon.com/ssm-maintenance-window-arn: arn:aws:ssm:us-east-1:123456789012:maintenancewindow/${BENCH_WINDOW_ID}`,
      'spec: { type: service, lifecycle: production, owner: group:platform-team }',
      '',
    ].join('\n'),
  );
  return file;
}

/** A failing target of the newest execution as the emulator itself tells it (via the SDK). */
interface FailingTarget {
  /** The instances its Parameters name (core's invocationTargets), what the card shows. */
  instanceIds: string[];
  StatusDetails?: string;
  /** For a Run Command target: its failed node, exit code and stderr (GetCommandInvocation). */
  failedNode?: { instanceId: string; responseCode: number; stderr: string };
}

/** The failed node of a command: ListCommandInvocations with Details, then its failed plugin's output. */
async function failedNodeOf(
  ssm: SSMClient,
  commandId: string,
): Promise<FailingTarget['failedNode']> {
  const listed = await ssm.send(
    new ListCommandInvocationsCommand({ CommandId: commandId, Details: true }),
  );
  const node = listed.CommandInvocations?.find((candidate) => candidate.Status === 'Failed');
  if (!node?.InstanceId) return undefined;
  const plugins = node.CommandPlugins ?? [];
  const plugin = plugins.length > 1 ? plugins.find((p) => p.Status === 'Failed') : undefined;
  const output = await ssm.send(
    new GetCommandInvocationCommand({
      CommandId: commandId,
      InstanceId: node.InstanceId,
      ...(plugin?.Name ? { PluginName: plugin.Name } : {}),
    }),
  );
  return {
    instanceId: node.InstanceId,
    responseCode: output.ResponseCode ?? Number.NaN,
    stderr: output.StandardErrorContent ?? '',
  };
}

/** What the emulator itself says about the newest execution's failing targets (via the SDK). */
async function failingInvocationsOfNewestExecution(endpoint: string): Promise<FailingTarget[]> {
  const ssm = new SSMClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIAEMULATOREXAMPLE0', secretAccessKey: 'not-a-secret' },
  });
  try {
    const executions = await ssm.send(
      new DescribeMaintenanceWindowExecutionsCommand({ WindowId: WINDOW_ID, MaxResults: 10 }),
    );
    const newest = [...(executions.WindowExecutions ?? [])].sort(
      (a, b) => (b.StartTime?.getTime() ?? 0) - (a.StartTime?.getTime() ?? 0),
    )[0];
    if (!newest?.WindowExecutionId) throw new Error('the demo window has no executions');
    expect(newest.Status).toBe('FAILED');
    const tasks = await ssm.send(
      new DescribeMaintenanceWindowExecutionTasksCommand({
        WindowExecutionId: newest.WindowExecutionId,
      }),
    );
    const failing: FailingTarget[] = [];
    for (const task of tasks.WindowExecutionTaskIdentities ?? []) {
      const invocations = await ssm.send(
        new DescribeMaintenanceWindowExecutionTaskInvocationsCommand({
          WindowExecutionId: newest.WindowExecutionId,
          TaskId: task.TaskExecutionId,
          Filters: [{ Key: 'STATUS', Values: ['FAILED'] }],
        }),
      );
      for (const invocation of invocations.WindowExecutionTaskInvocationIdentities ?? []) {
        failing.push({
          instanceIds: invocationTargets(invocation).map((target) => target.id),
          StatusDetails: invocation.StatusDetails,
          ...(invocation.TaskType === 'RUN_COMMAND' && invocation.ExecutionId
            ? { failedNode: await failedNodeOf(ssm, invocation.ExecutionId) }
            : {}),
        });
      }
    }
    return failing;
  } finally {
    ssm.destroy();
  }
}

async function openEntityPage(page: Page, query: string): Promise<void> {
  await page.goto(`${appUrl}${ENTITY_PATH}${query}`, { timeout: 240_000 });
  await signInAsGuestIfAsked(page, page.getByText(WINDOW_NAME).first());
}

beforeAll(async () => {
  assertChromiumInstalled();
  mkdirSync(artifacts, { recursive: true });
  emulator = await startEmulator({
    port: 0,
    host: '127.0.0.1',
    seed: 'demo',
    live: {
      tickMs: LIVE_TICK_MS,
      autoTick: false,
      startTime: new Date(Date.now() - LIVE_MINUTES * 60_000),
    },
  });
  const fleetCatalog = addFleetWindow(emulator);
  const appPort = await freePort();
  appUrl = `http://127.0.0.1:${appPort}`;
  backend = await startChildService({
    name: 'example backend',
    command: 'pnpm',
    args: ['--filter', '@ssm-invocations/example-backstage-backend', 'start'],
    cwd: repoRoot,
    env: {
      ...process.env,
      BACKEND_PORT: '0',
      APP_BASE_URL: appUrl,
      SSM_EMULATOR_URL: emulator.url,
      // Backstage reads APP_CONFIG_* as config: the example catalog plus the fleet entity.
      APP_CONFIG_catalog_locations: JSON.stringify([
        { type: 'file', target: join(repoRoot, 'examples/backstage/catalog-info.yaml') },
        { type: 'file', target: fleetCatalog },
      ]),
    },
    ready: /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    startTimeoutMs: 180_000,
  });
  app = await startChildService({
    name: 'dev app',
    command: 'node',
    args: [join(repoRoot, 'examples/backstage/app/scripts/start.mjs')],
    cwd: join(repoRoot, 'examples/backstage/app'),
    env: { ...process.env, PORT: String(appPort), BACKEND_URL: backend.url },
    // The dev server holds requests until its first compile is done.
    ready: /Loopback: (http:\/\/127\.0\.0\.1:\d+)/,
    startTimeoutMs: 240_000,
  });
  browser = await launchChromium();
}, 480_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await backend?.stop();
  await emulator?.stop();
}, 60_000);

describe.each([
  ['new frontend system', ''],
  ['legacy frontend system', '?frontend=legacy'],
])('the card in the %s', (system, query) => {
  it('shows the demo windows; expanding the failed execution shows why the target failed', async () => {
    if (!browser || !emulator) throw new Error('setup failed');
    const expected = await failingInvocationsOfNewestExecution(emulator.url);
    expect(expected.length).toBeGreaterThan(0);

    const page = await browser.newPage({ viewport: { width: 1400, height: 2400 } });
    try {
      await openEntityPage(page, query);
      // Both windows annotated on payments-api, each with its outcome strip.
      await page.getByText('checkout-web-weekly-reboot').first().waitFor();
      const section = page.getByTestId('window-section').filter({ hasText: WINDOW_NAME });
      const stripCells = section
        .getByRole('list', { name: /Recent executions/ })
        .getByRole('listitem');
      expect(await stripCells.count()).toBeGreaterThan(1);
      // Newest last in the strip: last night failed.
      expect(await stripCells.last().getAttribute('data-status')).toBe('FAILED');

      const newest = section.getByTestId('execution-row').first();
      expect(await newest.getAttribute('data-status')).toBe('FAILED');
      await newest.getByRole('button', { name: /^Expand execution/ }).click();
      const failedRows = section.locator('[data-testid="invocation-row"][data-status="FAILED"]');
      await failedRows.first().waitFor();
      expect(await failedRows.count()).toBe(expected.length);
      const shown = await failedRows.allInnerTexts();
      for (const invocation of expected) {
        // The row names the instance the target ran on (not the window target's UUID).
        expect(invocation.instanceIds.length).toBeGreaterThan(0);
        const row = shown.find((text) => invocation.instanceIds.every((id) => text.includes(id)));
        expect(row).toBeDefined();
        expect(invocation.StatusDetails).toBeTruthy();
        expect(row).toContain(invocation.StatusDetails);
      }
      const suffix = system.startsWith('new') ? 'new-frontend' : 'legacy-frontend';
      // The card alone, then the whole page; the README's picture comes from the last one.
      const card = page.getByTestId('ssm-invocations-card');
      await card.screenshot({ path: join(artifacts, `card-${suffix}.png`) });
      await page.screenshot({ path: join(artifacts, `page-${suffix}.png`), fullPage: true });

      // Open the failed Run Command target: its instance, exit code and a stderr line, as
      // GetCommandInvocation tells them, fetched through the backend's diagnosis route.
      const command = expected.find((invocation) => invocation.failedNode !== undefined);
      const node = command?.failedNode;
      if (!node) throw new Error('the newest execution has no failed Run Command node');
      const stderrLine = node.stderr
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .at(-1);
      expect(stderrLine).toBeDefined();
      await section
        .getByRole('button', { name: new RegExp(`^Show why .*${node.instanceId}.* failed$`) })
        .first()
        .click();
      const diagnosis = section.getByTestId('invocation-diagnosis');
      await diagnosis.waitFor();
      const failedNode = diagnosis.getByTestId('failed-node').filter({ hasText: node.instanceId });
      expect(await failedNode.getByTestId('exit-code').innerText()).toBe(
        `exit code ${node.responseCode}`,
      );
      expect(await failedNode.getByTestId('output-block').innerText()).toContain(stderrLine);
      const link = diagnosis.getByRole('link', { name: /Run Command/ }).first();
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
      expect(await link.getAttribute('href')).toMatch(
        /^https:\/\/us-east-1\.console\.aws\.amazon\.com\//,
      );
      await diagnosis.scrollIntoViewIfNeeded();
      await card.screenshot({ path: join(artifacts, `card-failed-target-${suffix}.png`) });
      if (suffix === 'new-frontend') {
        // The README's picture: the window with the opened failed target.
        for (const dir of docScreenshots) {
          await section.screenshot({ path: join(dir, 'card-failed-target.png') });
        }
      }

      // "Failed only": every execution and target left is a failed one; the expanded execution
      // still shows its failing targets.
      await page.getByRole('checkbox', { name: 'Failed only' }).check();
      const statuses = await section
        .getByTestId('execution-row')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status')));
      expect(statuses.length).toBeGreaterThan(0);
      for (const status of statuses) expect(['FAILED', 'TIMED_OUT', 'CANCELLED']).toContain(status);
      const visible = await section
        .getByTestId('invocation-row')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status')));
      expect(visible).toEqual(expected.map(() => 'FAILED'));
      await card.screenshot({ path: join(artifacts, `card-failed-only-${suffix}.png`) });
    } finally {
      await page.close();
    }
  }, 240_000);

  it('renders a 5 × 4 × 500 window with the main thread busy ≤ 200 ms, and pages its targets', async () => {
    if (!browser) throw new Error('setup failed');
    const page = await browser.newPage({ viewport: { width: 1400, height: 2400 } });
    try {
      // Let the backend answer the report (its SSM fetch takes seconds on a cold cache), hold the
      // answer until the page has settled, then measure what delivering and rendering it costs.
      let release: () => void = () => undefined;
      const released = new Promise<void>((done) => {
        release = done;
      });
      let bytes = 0;
      let fetched: () => void = () => undefined;
      const backendAnswered = new Promise<void>((done) => {
        fetched = done;
      });
      await page.route(FLEET_REPORT, async (route) => {
        const response = await route.fetch({ timeout: 120_000 });
        bytes = (await response.body()).length;
        fetched();
        await released;
        await route.fulfill({ response });
      });
      await page.goto(`${appUrl}${FLEET_PATH}${query}`, { timeout: 240_000 });
      const card = page.getByTestId('ssm-invocations-card');
      await signInAsGuestIfAsked(page, card);
      await backendAnswered;
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const taskSeconds = async () => {
        const { metrics } = await cdp.send('Performance.getMetrics');
        return metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? Number.NaN;
      };
      // Settled: the rest of the entity page (other cards, lazy chunks) has done its work — under
      // 20 ms of tasks in each of two half-second spells (or 30 s passed).
      const settleBy = Date.now() + 30_000;
      let quietSpells = 0;
      let idleMs = 0;
      while (quietSpells < 2 && Date.now() < settleBy) {
        const start = await taskSeconds();
        await page.waitForTimeout(500);
        idleMs = ((await taskSeconds()) - start) * 1000;
        quietSpells = idleMs < 20 ? quietSpells + 1 : 0;
      }
      // Long tasks (≥ 50 ms, what blocks input) from here on, summed by the page itself.
      await page.evaluate(
        `new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.__ssmLongTaskMs = (window.__ssmLongTaskMs ?? 0) + entry.duration;
        }).observe({ type: 'longtask' }); window.__ssmLongTaskMs = 0;`,
      );
      const before = await taskSeconds();
      release();
      const rows = card.getByTestId('execution-row');
      await rows.nth(4).waitFor({ timeout: 60_000 });
      // Two frames later the render is painted.
      await page.evaluate(
        'new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null))))',
      );
      const taskMs = ((await taskSeconds()) - before) * 1000;
      // Long-task entries are delivered after the task; give the observer a moment.
      await page.waitForTimeout(300);
      const busyMs = Number(await page.evaluate('window.__ssmLongTaskMs'));
      console.log(
        `${system}: report ${(bytes / 1024).toFixed(1)} KB; rendering it: long tasks ${busyMs.toFixed(0)} ms, ` +
          `all tasks ${taskMs.toFixed(0)} ms (the dev app at rest: ${idleMs.toFixed(0)} ms per 500 ms)`,
      );
      expect(bytes).toBeLessThanOrEqual(100 * 1024);
      expect(busyMs).toBeLessThanOrEqual(BUSY_BUDGET_MS);
      expect(await rows.count()).toBe(5);

      // Expand the newest execution: per task its counts and the 10 failed targets; then every
      // target of the first task, a page of 100 at a time.
      await rows
        .first()
        .getByRole('button', { name: /^Expand execution/ })
        .click();
      const task = card.getByTestId('task-block').first();
      await task.getByTestId('task-counts').waitFor();
      expect(await task.getByTestId('task-counts').innerText()).toMatch(
        /^500 targets: 490 SUCCESS, 10 FAILED/,
      );
      expect(await task.getByTestId('invocation-row').count()).toBe(10);
      // The paging buttons name their task ("Show all 500 targets of task <id>").
      await task.getByRole('button', { name: /^Show all 500 targets of task / }).click();
      const targets = task.getByTestId('task-targets');
      const targetRows = targets.getByTestId('invocation-row');
      await targetRows.nth(99).waitFor();
      expect(await targetRows.count()).toBe(100);
      await targets.getByRole('button', { name: /^Show more targets of task / }).click();
      await targetRows.nth(199).waitFor();
      expect(await targetRows.count()).toBe(200);
      expect(await targets.innerText()).toContain('All targets: 200 of 500 loaded');
      const suffix = system.startsWith('new') ? 'new-frontend' : 'legacy-frontend';
      await card.screenshot({ path: join(artifacts, `card-fleet-${suffix}.png`) });
    } finally {
      await page.close();
    }
  }, 300_000);

  it.each([
    ['wide', 1400],
    ['medium', 1000],
    ['narrow', 600],
  ])(
    'keeps the executions table headers on one line in a %s viewport',
    async (name, width) => {
      if (!browser) throw new Error('setup failed');
      const page = await browser.newPage({ viewport: { width, height: 1600 } });
      try {
        await openEntityPage(page, query);
        await page.getByText('checkout-web-weekly-reboot').first().waitFor();
        const headers = page.locator('table[aria-label^="Executions of"] thead th');
        expect(await headers.count()).toBeGreaterThanOrEqual(12); // 2 windows × 6 columns
        const measured = await headers.evaluateAll((cells) =>
          cells.map((cell) => {
            // The test's tsconfig has no DOM globals; the element's own document and window do.
            const view = cell.ownerDocument.defaultView;
            if (!view) throw new Error('header cell outside a window');
            const style = view.getComputedStyle(cell);
            const range = cell.ownerDocument.createRange();
            range.selectNodeContents(cell);
            const lineTops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            const content =
              cell.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
            return {
              text: cell.textContent ?? '',
              lines: lineTops.size,
              content,
              lineHeight: parseFloat(style.lineHeight),
            };
          }),
        );
        const titled = measured.filter((header) => header.text !== '');
        expect(titled.map((header) => header.text)).toEqual(
          expect.arrayContaining(['Status', 'Start', 'Duration', 'Targets']),
        );
        for (const header of titled) {
          expect({ header: header.text, lines: header.lines }).toEqual({
            header: header.text,
            lines: 1,
          });
          // One line tall: the cell's content box is no taller than one line (plus rounding).
          expect(header.content).toBeLessThanOrEqual(header.lineHeight * 1.2);
        }
        const suffix = system.startsWith('new') ? 'new-frontend' : 'legacy-frontend';
        const card = page.getByTestId('ssm-invocations-card');
        await card.screenshot({ path: join(artifacts, `card-${name}-${suffix}.png`) });
        if (name === 'narrow' && suffix === 'new-frontend') {
          for (const dir of docScreenshots) {
            await card.screenshot({ path: join(dir, 'card-narrow.png') });
          }
        }
      } finally {
        await page.close();
      }
    },
    240_000,
  );
});

// Last, because it moves the live clock: the seeded history plus three minutes of live runs.
describe('the demo after a few minutes', () => {
  it('shows the live runs above the history (the README picture)', async () => {
    if (!browser || !emulator) throw new Error('setup failed');
    const { created } = emulator.tick((LIVE_MINUTES * 60_000) / LIVE_TICK_MS);
    expect(created.length).toBeGreaterThan(5);
    const newest = emulator.store.executionsOf(WINDOW_ID)[0];
    expect(created).toContain(newest?.WindowExecutionId);
    // The example backend caches a report for 30 s.
    await new Promise((resolve) => setTimeout(resolve, 31_000));
    const page = await browser.newPage({ viewport: { width: 1400, height: 2400 } });
    try {
      await openEntityPage(page, '');
      const section = page.getByTestId('window-section').filter({ hasText: WINDOW_NAME });
      const first = section.getByTestId('execution-row').first();
      await first.waitFor();
      expect(await first.getAttribute('data-status')).toBe(newest?.Status);
      for (const dir of docScreenshots) {
        await page.getByTestId('ssm-invocations-card').screenshot({ path: join(dir, 'card.png') });
      }
    } finally {
      await page.close();
    }
  }, 240_000);
});
