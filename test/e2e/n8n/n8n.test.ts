/**
 * The community package in a real n8n 2.x against the emulator with SigV4 verification on:
 * the example workflows imported and run with the n8n CLI, the credential tested through n8n's
 * REST API (keys and an assumed role through the emulator's STS), the alert workflow's polling
 * trigger activated, firing once per failure, and the push example's EventBridge trigger receiving
 * the emulator's events, firing once per failed target.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetCommandInvocationCommand, SSMClient } from '@aws-sdk/client-ssm';
import {
  createInvocationsClient,
  firstReasonLine,
  type InvocationsClient,
} from '@ssm-invocations/core';
import {
  DEMO_WINDOW_IDS,
  REFERENCE_SEED_ANCHOR,
  startEmulator,
  type Emulator,
} from '@ssm-invocations/emulator';
import { captureWorkflowCanvas } from './workflowCanvas';
import {
  createN8nInstance,
  ensureN8nInstalled,
  EXAMPLES_DIR,
  installCommunityPackage,
  nodeOutput,
  parseRawOutput,
  type N8nInstance,
} from './n8nRuntime';

/** Pictures of the canvas; `UPDATE_DOC_SCREENSHOTS=1` also writes the n8n README's. */
const ARTIFACTS = join(__dirname, 'artifacts');
const PACKAGE_DOCS = join(__dirname, '../../../packages/n8n-nodes-ssm-invocations/docs');
const KEY = { accessKeyId: 'AKIDN8NE2E', secretAccessKey: 'n8n-e2e-secret-never-printed' };
const REGION = 'us-east-1';
const CREDENTIAL_ID = 'ssmE2eCredential';
const REPORT_WORKFLOW_ID = 'ssmE2eNightlyRpt';
const ALERT_WORKFLOW_ID = 'ssmE2eAlertOnFail';
const WINDOW_ID = DEMO_WINDOW_IDS.paymentsApiNightlyPatching;
const LOOKBACK_MINUTES = 10;
const PUSH_WORKFLOW_ID = 'ssmE2ePushAlert';
const ROLE_ARN = 'arn:aws:iam::444455556666:role/MaintenanceWindowReader';
/** The nightly report again, on credentials that assume a role (one STS allows, one it refuses). */
const ROLE_CREDENTIAL_ID = 'ssmE2eRoleCred';
const ROLE_REPORT_WORKFLOW_ID = 'ssmE2eRoleReport';
const REFUSED_ROLE_CREDENTIAL_ID = 'ssmE2eRefusedRole';
const REFUSED_ROLE_WORKFLOW_ID = 'ssmE2eRefusedRpt';
// The EventBridge connection's API key (a test value).
const EVENT_KEY = 'e2e-eventbridge-connection-key';

let emulator: Emulator;
let n8n: N8nInstance;
let sdk: InvocationsClient;
let ssmClient: SSMClient;
const timings: Record<string, number> = {};
let emulatorStartedAt = 0;
/** Failures that happened before n8n listened: their events could not be delivered. */
let undeliverable = new Set<string>();
/**
 * Most ticks the test waits for a live run to fail. Each is a virtual second from the emulator's
 * start, so the runs stay in the past of the trigger's polls (n8n takes longer than that to start).
 */
const MAX_TICKS_TO_A_FAILURE = 60;

/**
 * Whether a live run (not the seed's history) has a failed Run Command target yet: the one kind
 * whose alert must name an instance and a line of its stderr.
 */
function liveRunCommandFailureExists(emulator: Emulator): boolean {
  return emulator.store.invocations.some(
    (invocation) =>
      invocation.Status === 'FAILED' &&
      invocation.TaskType === 'RUN_COMMAND' &&
      (invocation.StartTime?.getTime() ?? 0) >= emulatorStartedAt,
  );
}

interface Workflow {
  id?: string;
  nodes: Array<{
    name: string;
    type?: string;
    webhookId?: string;
    parameters: Record<string, unknown>;
    credentials?: Record<string, unknown>;
  }>;
}

function exampleWorkflow(
  file: string,
  id: string,
  edit: (workflow: Workflow) => void,
  credentialId = CREDENTIAL_ID,
): string {
  const workflow = JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as Workflow;
  workflow.id = id;
  for (const node of workflow.nodes) {
    if (node.credentials) {
      node.credentials.awsSsmMaintenanceWindowsApi = { id: credentialId, name: credentialId };
    }
  }
  edit(workflow);
  const path = join(n8n.userFolder, `${id}.json`);
  writeFileSync(path, JSON.stringify(workflow));
  return path;
}

/** The push example's production webhook URL (`/webhook/<webhookId>/<path>`). */
function pushWebhookUrl(): string {
  const workflow = JSON.parse(
    readFileSync(join(EXAMPLES_DIR, 'alert-on-failed-invocations-push.json'), 'utf8'),
  ) as Workflow;
  const trigger = workflow.nodes.find((node) => node.type?.endsWith('EventTrigger'));
  return `http://127.0.0.1:${n8n.port}/webhook/${trigger?.webhookId ?? ''}/ssm-maintenance-window-events`;
}

/** The alert workflows' `invocationKey` of an invocation. */
function keyOf(invocation: {
  WindowExecutionId?: string;
  TaskExecutionId?: string;
  InvocationId?: string;
}): string {
  return `${invocation.WindowExecutionId}/${invocation.TaskExecutionId}/${invocation.InvocationId}`;
}

type Diagnosis = Awaited<ReturnType<InvocationsClient['diagnoseInvocation']>>;

/**
 * The invocation behind an alert and its diagnosis (per the SDK), when it is a failed Run Command
 * target: the one kind whose alert must name an instance and a line of its stderr.
 */
async function failedRunCommandOf(alert: Record<string, unknown>) {
  const [windowExecutionId = '', taskId = '', invocationId = ''] = String(
    alert.invocationKey,
  ).split('/');
  const ref = { windowExecutionId, taskId, invocationId };
  const invocation = await sdk.getInvocation(ref);
  if (invocation.TaskType !== 'RUN_COMMAND' || invocation.Status !== 'FAILED') return undefined;
  const diagnosis = await sdk.diagnoseInvocation(ref);
  if (diagnosis.taskType !== 'RUN_COMMAND') throw new Error(diagnosis.taskType);
  return { invocation, diagnosis: diagnosis as Extract<Diagnosis, { taskType: 'RUN_COMMAND' }> };
}

/** Failed or timed-out invocations of executions that started after `since`, per the SSM API. */
async function failuresSince(since: Date): Promise<string[]> {
  const found: string[] = [];
  for (const window of await sdk.listWindows()) {
    const windowId = window.WindowId ?? '';
    for (const execution of await sdk.listExecutions({ windowId, after: since })) {
      const windowExecutionId = execution.WindowExecutionId ?? '';
      for (const task of await sdk.listTasks({ windowExecutionId })) {
        const failed = await sdk.getAllInvocations({
          windowExecutionId,
          taskId: task.TaskExecutionId ?? '',
          statuses: ['FAILED', 'TIMED_OUT'],
        });
        for (const invocation of failed) {
          found.push(keyOf(invocation));
        }
      }
    }
  }
  return found;
}

const sleep = (ms: number) => new Promise((wake) => setTimeout(wake, ms));

beforeAll(async () => {
  const started = Date.now();
  const install = await ensureN8nInstalled();
  timings.installSeconds = install.seconds;

  n8n = await createN8nInstance(install.home);
  emulatorStartedAt = Date.now();
  emulator = await startEmulator({
    port: 0,
    host: '127.0.0.1',
    seed: 'demo',
    // The seed's history ends days before the trigger's look-back; only live runs are in it.
    seedOptions: { anchor: REFERENCE_SEED_ANCHOR },
    sigv4: { credentials: [KEY], region: REGION },
    sts: { roleArns: [ROLE_ARN] },
    // Ticks are driven by the test, so each poll sees a known state.
    live: { autoTick: false, tickMs: 1000, newExecutionEveryTicks: 1 },
    // As an EventBridge API destination would: to the push trigger's production webhook URL.
    events: { url: pushWebhookUrl(), secret: EVENT_KEY },
  });
  ssmClient = new SSMClient({ region: REGION, endpoint: emulator.url, credentials: KEY });
  sdk = createInvocationsClient({ ssmClient });

  await installCommunityPackage(n8n);
  const credentials = join(n8n.userFolder, 'credentials.json');
  writeFileSync(
    credentials,
    JSON.stringify([
      {
        id: CREDENTIAL_ID,
        name: CREDENTIAL_ID,
        type: 'awsSsmMaintenanceWindowsApi',
        data: { region: REGION, ...KEY, sessionToken: '', endpoint: emulator.url },
      },
      ...[
        [ROLE_CREDENTIAL_ID, ROLE_ARN],
        [REFUSED_ROLE_CREDENTIAL_ID, 'arn:aws:iam::444455556666:role/NotAllowed'],
      ].map(([id, roleArn]) => ({
        id,
        name: id,
        type: 'awsSsmMaintenanceWindowsApi',
        data: {
          region: REGION,
          ...KEY,
          endpoint: emulator.url,
          roleArn,
          stsEndpoint: emulator.url,
        },
      })),
    ]),
  );
  await n8n.cli(['import:credentials', `--input=${credentials}`]);
  // The nightly report three times: static keys, an assumed role, a role STS refuses.
  for (const [id, credentialId] of [
    [REPORT_WORKFLOW_ID, CREDENTIAL_ID],
    [ROLE_REPORT_WORKFLOW_ID, ROLE_CREDENTIAL_ID],
    [REFUSED_ROLE_WORKFLOW_ID, REFUSED_ROLE_CREDENTIAL_ID],
  ] as const) {
    const input = exampleWorkflow(
      'nightly-report.json',
      id,
      (workflow) => {
        const report = workflow.nodes.find((node) => node.name === 'Window report');
        if (report) report.parameters.windowId = WINDOW_ID;
      },
      credentialId,
    );
    await n8n.cli(['import:workflow', `--input=${input}`]);
  }
  await n8n.cli([
    'import:workflow',
    `--input=${exampleWorkflow(
      'alert-on-failed-invocations.json',
      ALERT_WORKFLOW_ID,
      (workflow) => {
        const trigger = workflow.nodes.find((node) => node.name === 'When a target fails');
        if (trigger) trigger.parameters.lookbackMinutes = LOOKBACK_MINUTES;
      },
    )}`,
  ]);
  await n8n.cli([
    'import:workflow',
    `--input=${exampleWorkflow(
      'alert-on-failed-invocations-push.json',
      PUSH_WORKFLOW_ID,
      (workflow) => {
        const trigger = workflow.nodes.find((node) => node.type?.endsWith('EventTrigger'));
        if (trigger) trigger.parameters.apiKey = EVENT_KEY;
      },
    )}`,
  ]);
  timings.setupSeconds = (Date.now() - started) / 1000;
}, 40 * 60_000);

afterAll(async () => {
  await n8n?.stop();
  ssmClient?.destroy();
  await emulator?.stop();
  console.log(`n8n e2e timings (s): ${JSON.stringify(timings)}`);
});

describe('n8n-nodes-ssm-invocations in n8n 2.41.1', () => {
  it(
    'runs the nightly report example with `n8n execute`, signed requests accepted',
    async () => {
      const started = Date.now();
      const stdout = await n8n.cli(['execute', `--id=${REPORT_WORKFLOW_ID}`, '--rawOutput']);
      timings.executeSeconds = (Date.now() - started) / 1000;
      const result = parseRawOutput(stdout);
      expect(result.data.resultData.error).toBeUndefined();

      const expected = await sdk.getWindowReport({ windowId: WINDOW_ID, executions: 5 });
      const reportItems = nodeOutput(result, 'Window report');
      expect(reportItems.map((item) => item.WindowExecutionId)).toEqual(
        expected.executions.map(({ execution }) => execution.WindowExecutionId),
      );
      const lines = nodeOutput(result, 'Summarize');
      expect(lines).toHaveLength(expected.executions.length);
      expected.executions.forEach(({ execution, summary }, index) => {
        const line = lines[index] ?? {};
        expect(line.line).toContain(`${execution.StartTime?.toISOString()} ${execution.Status}:`);
        expect(line.line).toContain(`${summary.failed} of ${summary.total} target runs failed`);
        expect(line.failedTargets).toHaveLength(summary.failed);
      });
      expect(stdout).not.toContain(KEY.secretAccessKey);
      expect(emulator.stats().signatures.rejected).toBe(0);
      expect(emulator.stats().signatures.verified).toBeGreaterThan(0);
    },
    5 * 60_000,
  );

  it(
    'runs the report on an assume-role credential: STS at the emulator, SSM with the temporary keys; a refused role fails naming the field',
    async () => {
      const verifiedBefore = emulator.stats().signatures.verified;
      const stdout = await n8n.cli(['execute', `--id=${ROLE_REPORT_WORKFLOW_ID}`, '--rawOutput']);
      const result = parseRawOutput(stdout);
      expect(result.data.resultData.error).toBeUndefined();
      const expected = await sdk.getWindowReport({ windowId: WINDOW_ID, executions: 5 });
      expect(nodeOutput(result, 'Window report').map((item) => item.WindowExecutionId)).toEqual(
        expected.executions.map(({ execution }) => execution.WindowExecutionId),
      );
      // The emulator only accepts its issued ASIA… key together with that key's session token.
      expect(emulator.stats().signatures.rejected).toBe(0);
      expect(emulator.stats().signatures.verified).toBeGreaterThan(verifiedBefore);
      expect(stdout).not.toContain(KEY.secretAccessKey);

      const refused = await n8n
        .cli(['execute', `--id=${REFUSED_ROLE_WORKFLOW_ID}`, '--rawOutput'])
        .then(
          (out) => ({ out, error: parseRawOutput(out).data.resultData.error }),
          (error: { stdout?: string; stderr?: string }) => ({
            out: `${error.stdout ?? ''}\n${error.stderr ?? ''}`,
            error: undefined,
          }),
        );
      const said = `${refused.out}\n${JSON.stringify(refused.error ?? null)}`;
      expect(said).toMatch(/Role ARN: STS denied AssumeRole/);
      expect(said).not.toContain(KEY.secretAccessKey);
    },
    5 * 60_000,
  );

  it(
    'activates the alert example: each failed or timed-out target fires exactly once',
    async () => {
      await n8n.cli(['publish:workflow', `--id=${ALERT_WORKFLOW_ID}`]);
      await n8n.cli(['publish:workflow', `--id=${PUSH_WORKFLOW_ID}`]);
      emulator.tick(3); // recent executions exist before the first poll
      undeliverable = new Set(await failuresSince(new Date(emulatorStartedAt - 2000)));
      const started = Date.now();
      await n8n.startServer();
      timings.serverStartSeconds = (Date.now() - started) / 1000;
      await n8n.setUpOwner();

      // The credential test through n8n's REST API tells each mistake apart.
      const testCredential = async (data: Record<string, string>) =>
        (
          (await n8n.request('/rest/credentials/test', {
            method: 'POST',
            body: {
              credentials: {
                id: CREDENTIAL_ID,
                name: 'AWS SSM (e2e)',
                type: 'awsSsmMaintenanceWindowsApi',
                data: { region: REGION, ...KEY, endpoint: emulator.url, ...data },
              },
            },
          })) as { data: { status: string; message: string } }
        ).data;
      expect(await testCredential({})).toMatchObject({ status: 'OK' });
      expect(await testCredential({ accessKeyId: 'AKIDWRONG' })).toMatchObject({
        status: 'Error',
        message: expect.stringMatching(/^Access Key ID: /),
      });
      expect(await testCredential({ secretAccessKey: 'wrong-secret' })).toMatchObject({
        status: 'Error',
        message: expect.stringMatching(/^Secret Access Key: /),
      });
      expect(await testCredential({ region: 'eu-west-1' })).toMatchObject({
        status: 'Error',
        message: expect.stringMatching(/^Region: 'eu-west-1' is not the region of /),
      });
      expect(await testCredential({ region: 'eu-west' })).toMatchObject({
        status: 'Error',
        message: expect.stringMatching(/region/i),
      });
      // An assumed role: STS AssumeRole at the emulator, then SSM with the temporary keys.
      expect(await testCredential({ roleArn: ROLE_ARN, stsEndpoint: emulator.url })).toMatchObject({
        status: 'OK',
      });
      expect(
        await testCredential({
          roleArn: 'arn:aws:iam::444455556666:role/NotAllowed',
          stsEndpoint: emulator.url,
        }),
      ).toMatchObject({ status: 'Error', message: expect.stringMatching(/^Role ARN: STS denied/) });

      // Count polls by the trigger's one DescribeMaintenanceWindows call per poll (every window is
      // watched; the credential probe already ran, during `n8n execute`).
      emulator.resetStats();
      const polls = () => emulator.stats().byOperation.DescribeMaintenanceWindows ?? 0;
      const waitForPolls = async (count: number) => {
        const deadline = Date.now() + 3 * 60_000;
        while (polls() < count) {
          if (Date.now() > deadline)
            throw new Error(
              `trigger polled ${polls()} times, expected ${count}; emulator ${JSON.stringify(emulator.stats().byOperation)}\n${n8n.logTail()}`,
            );
          await sleep(500);
        }
        await sleep(3000); // let the poll finish and its execution be stored
      };
      await waitForPolls(1);
      // More executions start, finish and (mostly succeed, but now and then) fail between polls.
      emulator.tick(4);
      for (
        let i = 0;
        i < MAX_TICKS_TO_A_FAILURE && !liveRunCommandFailureExists(emulator);
        i += 1
      ) {
        emulator.tick();
      }
      await waitForPolls(2);
      await waitForPolls(3); // nothing changed since poll 2: must emit nothing new
      timings.triggerSeconds = (Date.now() - started) / 1000;

      const executions = (await n8n.request(
        `/api/v1/executions?workflowId=${ALERT_WORKFLOW_ID}&includeData=true&limit=100`,
      )) as {
        data: Array<{ status: string; data: Parameters<typeof nodeOutput>[0]['data'] }>;
      };
      const alerts = executions.data.flatMap((execution) => {
        expect(execution.status).toBe('success');
        return nodeOutput({ data: execution.data }, 'Format alert');
      });
      const keys = alerts.map((alert) => String(alert.invocationKey));
      expect(new Set(keys).size).toBe(keys.length); // none fired twice

      // Every failure of the executions the trigger could see, per the SSM API itself.
      // Live executions start after the emulator did; the demo seed's are days older than the
      // look-back, so the trigger must report exactly the failures of the live ones.
      const expected = await failuresSince(new Date(emulatorStartedAt - 2000));
      expect(expected.length).toBeGreaterThan(0);
      expect([...keys].sort()).toEqual([...expected].sort());
      for (const alert of alerts) {
        expect(alert.text).toMatch(/^Maintenance window \S+: target \S+ (FAILED|TIMED_OUT) after /);
      }

      // A failed Run Command target's alert names its instance and the first line of its stderr,
      // as SSM's GetCommandInvocation (asked here through the SDK) reports them.
      let runCommandAlerts = 0;
      for (const alert of alerts) {
        const found = await failedRunCommandOf(alert);
        if (!found) continue;
        runCommandAlerts += 1;
        const { invocation, diagnosis } = found;
        const failed = diagnosis.instances.find((node) => node.status === 'Failed');
        const instanceId = failed?.instanceId ?? '';
        expect(instanceId).toMatch(/^i-[0-9a-f]{8,17}$/);
        expect(alert.text).toContain(`target ${instanceId} FAILED after `);
        const truth = await ssmClient.send(
          new GetCommandInvocationCommand({
            CommandId: invocation.ExecutionId,
            InstanceId: instanceId,
            ...(failed?.output?.pluginName === undefined
              ? {}
              : { PluginName: failed.output.pluginName }),
          }),
        );
        const reason = firstReasonLine(diagnosis) ?? '';
        expect(reason).not.toBe('');
        expect(truth.StandardErrorContent ?? '').toContain(reason.replace(/…$/, ''));
        expect(alert.text).toContain(`: ${reason} (task `);
      }
      expect(runCommandAlerts).toBeGreaterThan(0);
      expect(JSON.stringify(executions)).not.toContain(KEY.secretAccessKey);
    },
    15 * 60_000,
  );

  it(
    'the push example fires once per failed target when the emulator posts events; 401 for a wrong key',
    async () => {
      const wrongKey = await fetch(pushWebhookUrl(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': 'wrong' },
        body: '{}',
      });
      expect(wrongKey.status).toBe(401);

      const executionsOfPush = async () =>
        (
          (await n8n.request(
            `/api/v1/executions?workflowId=${PUSH_WORKFLOW_ID}&includeData=true&limit=250`,
          )) as { data: Array<{ status: string; data: Parameters<typeof nodeOutput>[0]['data'] }> }
        ).data;
      const before = new Set(
        (await executionsOfPush()).flatMap((execution) =>
          nodeOutput({ data: execution.data }, 'Format alert').map((a) => String(a.invocationKey)),
        ),
      );
      // Executions start, finish and now and then fail: the emulator posts their events.
      const newLiveFailure = () =>
        emulator.store.invocations.some(
          (invocation) =>
            (invocation.Status === 'FAILED' || invocation.Status === 'TIMED_OUT') &&
            (invocation.StartTime?.getTime() ?? 0) >= emulatorStartedAt &&
            !before.has(keyOf(invocation)) &&
            !undeliverable.has(keyOf(invocation)),
        );
      emulator.tick(4);
      for (let i = 0; i < MAX_TICKS_TO_A_FAILURE && !newLiveFailure(); i += 1) emulator.tick();
      // Every failure since n8n listens, less those the earlier test already saw pushed.
      const expected = (await failuresSince(new Date(emulatorStartedAt - 2000))).filter(
        (key) => !before.has(key) && !undeliverable.has(key),
      );
      expect(expected.length).toBeGreaterThan(0);
      // A failed execution's own state change starts the workflow too, as one item without an
      // invocation; the alerts counted here are the targets' (a key of three ids, none empty).
      // An Automation, Lambda or Step Functions target's events only say COMPLETE, so a failure
      // whose own event was lost before n8n listened can still be emitted for a later COMPLETE
      // event of another invocation on its window target: such alerts are left out too.
      const targetAlerts = async () =>
        (await executionsOfPush())
          .flatMap((execution) => nodeOutput({ data: execution.data }, 'Format alert'))
          .filter((alert) =>
            String(alert.invocationKey)
              .split('/')
              .every((id) => id !== '' && id !== 'undefined'),
          )
          .filter((alert) => {
            const key = String(alert.invocationKey);
            return !before.has(key) && !undeliverable.has(key);
          });
      let alerts = await targetAlerts();
      const deadline = Date.now() + 60_000;
      while (alerts.length < expected.length && Date.now() < deadline) {
        await sleep(1000);
        alerts = await targetAlerts();
      }
      await sleep(2000); // a duplicate would arrive now
      alerts = await targetAlerts();
      const keys = alerts.map((alert) => String(alert.invocationKey));
      expect(new Set(keys).size).toBe(keys.length);
      expect([...keys].sort()).toEqual([...expected].sort());
      // Include Failure Output: each alert names what the target ran on, and a failed Run Command
      // target's alert the first line of its stderr (the diagnosis' Reason).
      for (const alert of alerts) {
        expect(alert.text).toMatch(/^Maintenance window \S+: target \S+ (FAILED|TIMED_OUT) after /);
      }
      for (const alert of alerts) {
        const found = await failedRunCommandOf(alert);
        if (!found) continue;
        const reason = firstReasonLine(found.diagnosis) ?? '';
        expect(reason).not.toBe('');
        expect(alert.text).toContain(`: ${reason} (task execution `);
      }
    },
    5 * 60_000,
  );

  it(
    "shows the example workflows on n8n's canvas with this package's nodes (the README's picture)",
    async () => {
      for (const [file, id, picture, inReadme] of [
        ['nightly-report.json', REPORT_WORKFLOW_ID, 'workflow-nightly-report.png', true],
        // Published, this one opens with n8n's production checklist over it: not for the README.
        ['alert-on-failed-invocations.json', ALERT_WORKFLOW_ID, 'workflow-alert.png', false],
      ] as const) {
        const names = (
          JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as Workflow
        ).nodes.map((node) => node.name);
        const pictures = [join(ARTIFACTS, picture)];
        if (inReadme && process.env.UPDATE_DOC_SCREENSHOTS === '1')
          pictures.push(join(PACKAGE_DOCS, picture));
        const drawn = await captureWorkflowCanvas(n8n, id, names.length, pictures);
        expect([...drawn].sort()).toEqual([...names].sort());
      }
    },
    5 * 60_000,
  );
});
