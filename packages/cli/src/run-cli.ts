import { Command, Option } from 'commander';
import { EXECUTION_STATUSES, REPORT_LIMITS } from '@ssm-invocations/core/model';
import {
  contextFor,
  withProgress,
  writeTable,
  type GlobalFlags,
  type RunCliOptions,
} from './command-context';
import { ExitCode, type ExitCodeValue } from './exit-codes';
import { describeFailure } from './failure';
import { collectList, parseBoolean, parseDateTime, parseWholeNumber } from './option-parsers';
import { writeJson } from './output-mode';
import { renderCompactReport } from './render/compact-report';
import { renderDiagnosis } from './render/diagnosis-view';
import { reportWithTargets, withTargets } from './render/target-label';
import {
  renderExecutionsTable,
  renderInvocationsTable,
  renderReport,
  renderTasksTable,
  renderWindowsTable,
} from './render/tables';

export type { RunCliOptions };

function statusOption(): Option {
  return new Option(
    '--status <status>',
    `only this status (repeat or comma-separate for several): ${EXECUTION_STATUSES.join(', ')}`,
  ).argParser(collectList);
}

function buildProgram(options: RunCliOptions): Command {
  const signal = options.signal;
  const program = new Command('ssm-invocations')
    .description(
      'Which targets of my AWS Systems Manager maintenance window ran, which failed, and why.',
    )
    .version(options.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .option(
      '--region <region>',
      'AWS region (default: AWS_REGION, then the SDK config chain; us-east-1 with --endpoint)',
    )
    .option('--endpoint <url>', 'SSM endpoint URL, e.g. a local emulator http://127.0.0.1:8566')
    .option(
      '--profile <name>',
      'shared config profile: its credentials (over any in the environment) and region',
    )
    .addOption(
      new Option(
        '--output <format>',
        'table or json (default: table on a terminal, json piped)',
      ).choices(['table', 'json']),
    )
    .option('--no-color', 'no colours in table output (NO_COLOR is honoured too)')
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => options.stdout.write(text),
      writeErr: (text) => options.stderr.write(text),
      // Commander puts "(Did you mean …?)" on a line of its own; errors stay one line.
      outputError: (text, write) => write(`${text.trimEnd().replace(/\s*\n\s*/g, ' ')}\n`),
    })
    .exitOverride();

  program
    .command('invocations')
    .description(
      'List the per-target invocations of one task of a window execution (all pages, or up to --limit with a token to resume).',
    )
    .requiredOption('--window-execution-id <id>', 'window execution ID (36-character UUID)')
    .requiredOption('--task-id <id>', 'task execution ID (36-character UUID)')
    .addOption(statusOption())
    .addOption(
      new Option('--limit <n>', 'stop after n invocations and print a resume token').argParser(
        parseWholeNumber,
      ),
    )
    .addOption(
      new Option('--page-size <n>', 'invocations per SSM call, 10–100').argParser(parseWholeNumber),
    )
    .option('--starting-token <token>', 'resume where a previous --limit stopped')
    .action(
      async (
        flags: {
          windowExecutionId: string;
          taskId: string;
          status?: string[];
          limit?: number;
          pageSize?: number;
          startingToken?: string;
        },
        command: Command,
      ) => {
        const context = contextFor(command, options);
        const result = await withProgress(context, 'fetching invocations', (progress) =>
          context.client.invocationsPage(
            {
              windowExecutionId: flags.windowExecutionId,
              taskId: flags.taskId,
              ...(flags.status !== undefined && { statuses: flags.status }),
              ...(flags.limit !== undefined && { limit: flags.limit }),
              ...(flags.pageSize !== undefined && { pageSize: flags.pageSize }),
              ...(flags.startingToken !== undefined && { startingToken: flags.startingToken }),
            },
            { signal, onPage: (count) => progress.update(`${count} so far`) },
          ),
        );
        if (context.format === 'json') {
          writeJson(options.stdout, {
            ...result,
            invocations: result.invocations.map(withTargets),
          });
          return;
        }
        writeTable(context, renderInvocationsTable(result.invocations, context.palette));
        if (result.nextToken !== undefined) {
          options.stderr.write(
            `More invocations: resume with --starting-token ${result.nextToken}\n`,
          );
        }
      },
    );

  program
    .command('invocation')
    .description(
      'Show one invocation and why it failed: status and exit code per instance, the end of stderr, the failed Automation step, console links.',
    )
    .requiredOption('--window-execution-id <id>', 'window execution ID')
    .requiredOption('--task-id <id>', 'task execution ID')
    .requiredOption('--invocation-id <id>', 'invocation ID')
    .action(
      async (
        flags: { windowExecutionId: string; taskId: string; invocationId: string },
        command: Command,
      ) => {
        const context = contextFor(command, options);
        const diagnosis = await withProgress(context, 'diagnosing invocation', () =>
          context.client.diagnoseInvocation(
            {
              windowExecutionId: flags.windowExecutionId,
              taskId: flags.taskId,
              invocationId: flags.invocationId,
            },
            { signal },
          ),
        );
        if (context.format === 'json') writeJson(options.stdout, diagnosis);
        else writeTable(context, renderDiagnosis(diagnosis, context.palette));
      },
    );

  program
    .command('report')
    .description(
      "A window's latest executions: a line per execution and per task with counts, a row per failed, timed-out or cancelled target with its instance and why (--all-targets: every target).",
    )
    .requiredOption('--window-id <id>', 'maintenance window ID (mw-…)')
    .addOption(
      new Option(
        '--executions <n>',
        `how many of the latest executions, ${REPORT_LIMITS.executions.min}–${REPORT_LIMITS.executions.max} (default ${REPORT_LIMITS.executions.default})`,
      ).argParser(parseWholeNumber),
    )
    .addOption(statusOption())
    .option(
      '--all-targets',
      'list every target in a table per task (default: one row per failed, timed-out or cancelled target with the first line of why)',
    )
    .addOption(
      new Option(
        '--max-diagnoses <n>',
        `failed targets whose output is read, ${REPORT_LIMITS.diagnoses.min}–${REPORT_LIMITS.diagnoses.max} (default ${REPORT_LIMITS.diagnoses.default})`,
      ).argParser(parseWholeNumber),
    )
    .action(
      async (
        flags: {
          windowId: string;
          executions?: number;
          status?: string[];
          allTargets?: boolean;
          maxDiagnoses?: number;
        },
        command: Command,
      ) => {
        const context = contextFor(command, options);
        // The full listing shows StatusDetails as before; only the compact view reads output.
        const diagnose = flags.allTargets === true ? 'none' : 'failed';
        const report = await withProgress(context, `building report for ${flags.windowId}`, () =>
          context.client.getWindowReport(
            {
              windowId: flags.windowId,
              diagnose,
              ...(flags.executions !== undefined && { executions: flags.executions }),
              ...(flags.status !== undefined && { statuses: flags.status }),
              ...(flags.maxDiagnoses !== undefined && { maxDiagnoses: flags.maxDiagnoses }),
            },
            { signal },
          ),
        );
        if (context.format === 'json') writeJson(options.stdout, reportWithTargets(report));
        else if (flags.allTargets === true)
          writeTable(context, renderReport(report, context.palette));
        else {
          const width = options.stdout.columns;
          writeTable(
            context,
            renderCompactReport(
              report,
              context.palette,
              width !== undefined && width > 0 ? { width } : {},
            ),
          );
        }
      },
    );

  program
    .command('windows')
    .description('List maintenance windows.')
    .option('--name <name>', 'only windows with this name')
    .addOption(
      new Option('--enabled <bool>', 'only enabled (true) or disabled (false) windows').argParser(
        parseBoolean,
      ),
    )
    .addOption(new Option('--limit <n>', 'at most n windows').argParser(parseWholeNumber))
    .action(
      async (flags: { name?: string; enabled?: boolean; limit?: number }, command: Command) => {
        const context = contextFor(command, options);
        const windows = await context.client.listWindows(
          {
            ...(flags.name !== undefined && { name: flags.name }),
            ...(flags.enabled !== undefined && { enabled: flags.enabled }),
            ...(flags.limit !== undefined && { limit: flags.limit }),
          },
          { signal },
        );
        if (context.format === 'json') writeJson(options.stdout, { windows });
        else writeTable(context, renderWindowsTable(windows, context.palette));
      },
    );

  program
    .command('executions')
    .description('List executions of a window, newest first.')
    .requiredOption('--window-id <id>', 'maintenance window ID (mw-…)')
    .addOption(
      new Option('--after <iso>', 'only executions started after this time').argParser(
        parseDateTime,
      ),
    )
    .addOption(
      new Option('--before <iso>', 'only executions started before this time').argParser(
        parseDateTime,
      ),
    )
    .addOption(new Option('--limit <n>', 'at most n executions').argParser(parseWholeNumber))
    .action(
      async (
        flags: { windowId: string; after?: Date; before?: Date; limit?: number },
        command: Command,
      ) => {
        const context = contextFor(command, options);
        const executions = await context.client.listExecutions(
          {
            windowId: flags.windowId,
            ...(flags.after !== undefined && { after: flags.after }),
            ...(flags.before !== undefined && { before: flags.before }),
            ...(flags.limit !== undefined && { limit: flags.limit }),
          },
          { signal },
        );
        if (context.format === 'json') writeJson(options.stdout, { executions });
        else writeTable(context, renderExecutionsTable(executions, context.palette));
      },
    );

  program
    .command('tasks')
    .description('List the tasks of a window execution (to find a --task-id).')
    .requiredOption('--window-execution-id <id>', 'window execution ID')
    .addOption(statusOption())
    .action(async (flags: { windowExecutionId: string; status?: string[] }, command: Command) => {
      const context = contextFor(command, options);
      const tasks = await context.client.listTasks(
        {
          windowExecutionId: flags.windowExecutionId,
          ...(flags.status !== undefined && { statuses: flags.status }),
        },
        { signal },
      );
      if (context.format === 'json') writeJson(options.stdout, { tasks });
      else writeTable(context, renderTasksTable(tasks, context.palette));
    });

  return program;
}

/**
 * Runs `ssm-invocations` with the given arguments (without `node` and the script) and resolves
 * to the exit code; never throws and never calls `process.exit`.
 *
 * @example
 * ```ts
 * const code = await runCli(['windows', '--output', 'json'], {
 *   stdout: process.stdout,
 *   stderr: process.stderr,
 *   env: process.env,
 *   version: '0.1.0',
 *   createClient: (connection) => createCliClient(connection),
 * });
 * process.exitCode = code;
 * ```
 */
export async function runCli(argv: string[], options: RunCliOptions): Promise<ExitCodeValue> {
  const program = buildProgram(options);
  if (argv.length === 0) {
    program.outputHelp({ error: true });
    return ExitCode.BadInput;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ExitCode.Success;
  } catch (error) {
    const { endpoint } = program.opts<GlobalFlags>();
    const { exitCode, message } = describeFailure(error, { endpoint });
    if (message !== undefined) options.stderr.write(`${message}\n`);
    return exitCode;
  }
}
