/**
 * `pnpm demo`: build what is needed, start the demo services (the SSM emulator first), print
 * a report per demo window through the CLI, print what to try next, then wait for Ctrl-C and
 * stop everything.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { DEMO_AWS_ENV, cliCommandFrom, killRunningCliProcesses, runCli } from './cli-runner';
import { DemoOptionsError, demoUsage, parseDemoOptions, type DemoOptions } from './demo-options';
import { DEMO_SERVICES, type DemoContext, type RunningService } from './services';

const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
const optionalServices = DEMO_SERVICES.filter((s) => s.optional).map((s) => s.name);

function log(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function build(filters: string[]): Promise<void> {
  const turbo = resolve(repoRoot, 'node_modules', '.bin', 'turbo');
  const args = ['run', 'build', '--output-logs=errors-only'];
  for (const filter of new Set(filters)) args.push(`--filter=${filter}`);
  return new Promise((done, fail) => {
    const child = spawn(turbo, args, {
      cwd: repoRoot,
      stdio: 'inherit',
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
    });
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0 ? done() : fail(new Error(`turbo run build exited with code ${code}`)),
    );
  });
}

interface WindowListing {
  windows: Array<{ WindowId?: string; Name?: string }>;
}

interface ReportJson {
  window: { WindowId?: string };
  executions: Array<{
    execution: { WindowExecutionId?: string };
    tasks: Array<{
      task: { TaskExecutionId?: string };
      invocations: Array<{ InvocationId?: string; Status?: string; TaskType?: string }>;
    }>;
  }>;
}

/**
 * Real IDs for the "try next" commands: the first failed RUN_COMMAND invocation (its diagnosis
 * shows an exit code and stderr), else the first failed one, else the first.
 */
function pickExample(
  reports: ReportJson[],
):
  | { windowId: string; windowExecutionId: string; taskId: string; invocationId: string }
  | undefined {
  const candidates = reports.flatMap((report) =>
    report.executions.flatMap(({ execution, tasks }) =>
      tasks.flatMap(({ task, invocations }) =>
        invocations.map((inv) => ({
          windowId: report.window.WindowId,
          windowExecutionId: execution.WindowExecutionId,
          taskId: task.TaskExecutionId,
          invocationId: inv.InvocationId,
          failed: inv.Status === 'FAILED' || inv.Status === 'TIMED_OUT',
          runCommand: inv.TaskType === 'RUN_COMMAND',
        })),
      ),
    ),
  );
  const pick =
    candidates.find((c) => c.failed && c.runCommand) ??
    candidates.find((c) => c.failed) ??
    candidates[0];
  if (!pick?.windowId || !pick.windowExecutionId || !pick.taskId || !pick.invocationId) {
    return undefined;
  }
  return {
    windowId: pick.windowId,
    windowExecutionId: pick.windowExecutionId,
    taskId: pick.taskId,
    invocationId: pick.invocationId,
  };
}

async function printReports(endpoint: string): Promise<string[]> {
  const { stdout } = await runCli(endpoint, ['--output', 'json', 'windows'], 'capture');
  const { windows } = JSON.parse(stdout) as WindowListing;
  const windowIds = windows.map((w) => w.WindowId).filter((id): id is string => Boolean(id));
  const reports: ReportJson[] = [];
  for (const windowId of windowIds) {
    log();
    await runCli(endpoint, ['--output', 'table', 'report', '--window-id', windowId], 'inherit');
    const json = await runCli(
      endpoint,
      ['--output', 'json', 'report', '--window-id', windowId],
      'capture',
    );
    reports.push(JSON.parse(json.stdout) as ReportJson);
  }
  const cli = `${cliCommandFrom(repoRoot)} --endpoint ${endpoint}`;
  const example = pickExample(reports);
  const firstWindow = example?.windowId ?? windowIds[0] ?? 'mw-…';
  const steps = [
    `export ${Object.entries(DEMO_AWS_ENV)
      .map(([name, value]) => `${name}=${value}`)
      .join(' ')}`,
    `${cli} windows`,
    `${cli} executions --window-id ${firstWindow}`,
  ];
  if (example) {
    const task = `--window-execution-id ${example.windowExecutionId} --task-id ${example.taskId}`;
    steps.push(
      `${cli} tasks --window-execution-id ${example.windowExecutionId}`,
      `${cli} invocations ${task}`,
      `${cli} invocations ${task} --status FAILED --status TIMED_OUT`,
      `${cli} invocations ${task} --limit 2   # then add the printed --starting-token`,
      `${cli} invocation ${task} --invocation-id ${example.invocationId}`,
    );
  }
  steps.push(
    `${cli} report --window-id ${firstWindow} --all-targets`,
    `${cli} --output json report --window-id ${firstWindow} --executions 2`,
  );
  return steps;
}

async function main(): Promise<number> {
  let options: DemoOptions;
  try {
    options = parseDemoOptions(process.argv.slice(2), process.env, optionalServices);
  } catch (error) {
    if (!(error instanceof DemoOptionsError)) throw error;
    process.stderr.write(`demo: ${error.message}\n${demoUsage(optionalServices)}\n`);
    return 2;
  }
  if (options.help) {
    log(demoUsage(optionalServices));
    return 0;
  }
  const services = DEMO_SERVICES.filter((s) => !options.disabled.has(s.name));
  const started: Array<{ name: string; service: RunningService }> = [];
  // The service being started, so an interrupt meanwhile can still stop it once it is up.
  let starting: { name: string; service: Promise<RunningService> } | undefined;
  let stopping: Promise<void> | undefined;
  const stopAll = (): Promise<void> => {
    stopping ??= (async () => {
      killRunningCliProcesses();
      if (starting) {
        const { name, service } = starting;
        await service.then(
          (running) => started.push({ name, service: running }),
          () => undefined, // it failed to start; nothing to stop
        );
      }
      for (const { name, service } of started.reverse()) {
        try {
          await service.stop();
          log(`stopped ${name}`);
        } catch (error) {
          process.stderr.write(`demo: stopping ${name} failed: ${String(error)}\n`);
        }
      }
    })();
    return stopping;
  };
  const interrupted = new Promise<number>((settle) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      log(`\n${signal}: stopping…`);
      void stopAll().then(() => settle(0));
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });

  const run = async (): Promise<number> => {
    if (options.build) {
      log('Building the packages the demo needs (turbo, cached after the first run)…');
      await build(services.flatMap((s) => s.buildFilters));
    }
    const urls = new Map<string, string>();
    const context: DemoContext = { repoRoot, options, urls, log };
    for (const definition of services) {
      if (stopping) return 0;
      starting = { name: definition.name, service: definition.start(context) };
      const service = await starting.service;
      // After an interrupt, stopAll() has taken this service over.
      if (stopping) return 0;
      starting = undefined;
      started.push({ name: definition.name, service });
      urls.set(definition.name, service.url);
      log(`${definition.description}: ${service.url}`);
    }
    const endpoint = urls.get('emulator');
    if (endpoint === undefined) throw new Error('the emulator service did not start');
    const steps = await printReports(endpoint);
    log();
    log(`SSM emulator: ${endpoint}`);
    for (const { service } of started) steps.push(...(service.nextSteps ?? []));
    log('Try next (from the repository root, in another terminal):');
    for (const step of steps) log(`  ${step}`);
    if (options.once) {
      await stopAll();
      return 0;
    }
    log();
    log('Running; press Ctrl-C to stop.');
    return interrupted;
  };

  try {
    return await Promise.race([run(), interrupted]);
  } catch (error) {
    // An interrupt while starting surfaces here as a failed child; the interrupt wins.
    if (stopping) return interrupted;
    process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
    await stopAll();
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`demo: ${String(error)}\n`);
    process.exit(1);
  },
);
