/**
 * Realistic Run Command outcomes for the emulator's RUN_COMMAND invocations: per node the plugins
 * of the document, their exit codes, stdout and stderr (a yum/apt failure, a script's exit code,
 * a patch baseline error), within the caps AWS applies (aws-followups note §1–2: plugin `Output`
 * ≤ 2500 chars, `StandardOutputContent` ≤ 24,000, `StandardErrorContent` ≤ 8000, StatusDetails
 * ≤ 100; SSM keeps the start). Deterministic for a given random source. Does not import core.
 */
import {
  capToService,
  randomInt,
  randomNodeId,
  randomPick,
  randomUuid,
  type RandomSource,
} from './random-picks';
import { failureScript, type ScriptFailure } from './command-failures';

/** AWS's caps on command output (characters). */
export const COMMAND_OUTPUT_CAPS = Object.freeze({
  Output: 2500,
  StandardOutputContent: 24_000,
  StandardErrorContent: 8000,
  StatusDetails: 100,
});

/** How a command fails on a node, or `undefined` for success. */
export type CommandFailureKind =
  'package-manager' | 'script-exit' | 'patch-baseline' | 'execution-timeout' | 'undeliverable';

/** Every failure kind, for seeds that cycle through them. */
export const COMMAND_FAILURE_KINDS: readonly CommandFailureKind[] = Object.freeze([
  'package-manager',
  'script-exit',
  'patch-baseline',
  'execution-timeout',
  'undeliverable',
]);

/** One plugin's result on one node, with the AWS member names. */
export interface GeneratedPluginOutcome {
  Name: string;
  Status: 'Success' | 'Failed' | 'TimedOut';
  StatusDetails: string;
  /** The exit code; -1 when the plugin never ran. */
  ResponseCode: number;
  /** stdout, then `----------ERROR-------` and stderr, cut at 2500 chars. */
  Output: string;
  StandardOutputContent: string;
  StandardErrorContent: string;
  /** Milliseconds the plugin ran (0 when it never started). */
  durationMs: number;
}

/** A command's result on one node. */
export interface GeneratedCommandOutcome {
  InstanceId: string;
  DocumentName: string;
  Status: 'Success' | 'Failed' | 'TimedOut';
  StatusDetails: string;
  Plugins: GeneratedPluginOutcome[];
}

/** What to generate. */
export interface CommandOutcomeOptions {
  /** Default: a document fitting the failure kind. */
  documentName?: string;
  failure?: CommandFailureKind;
  /** Default: a new node id (sometimes a hybrid `mi-` node). */
  instanceId?: string;
  /** Used in the agent's script paths; default: a new UUID. */
  commandId?: string;
  /** When the command started on the node: the time in log lines of its output. */
  startedAt?: Date;
}

interface DocumentPlugins {
  /** The plugin (schema 1.2) or step (schema 2.x) names, in order. */
  plugins: string[];
  /** Index of the plugin that does the work (the one that fails). */
  main: number;
  windows: boolean;
}

const DOCUMENTS: Record<string, DocumentPlugins> = {
  'AWS-RunShellScript': { plugins: ['aws:runShellScript'], main: 0, windows: false },
  'AWS-RunPowerShellScript': { plugins: ['aws:runPowerShellScript'], main: 0, windows: true },
  'AWS-UpdateSSMAgent': { plugins: ['aws:updateSsmAgent'], main: 0, windows: false },
  // Schema 2.2: GetCommandInvocation wants the step name; on Linux the Windows step is skipped.
  'AWS-RunPatchBaseline': { plugins: ['PatchWindows', 'PatchLinux'], main: 1, windows: false },
};

const DOCUMENT_FOR_FAILURE: Record<CommandFailureKind, readonly string[]> = {
  'package-manager': ['AWS-RunShellScript'],
  'script-exit': ['AWS-RunShellScript', 'AWS-RunPowerShellScript'],
  'patch-baseline': ['AWS-RunPatchBaseline'],
  'execution-timeout': ['AWS-RunShellScript', 'AWS-RunPatchBaseline'],
  undeliverable: ['AWS-RunShellScript', 'AWS-UpdateSSMAgent', 'AWS-RunPatchBaseline'],
};

const SUCCESS_DOCUMENTS = Object.keys(DOCUMENTS);

function pluginsOf(documentName: string): DocumentPlugins {
  return DOCUMENTS[documentName] ?? { plugins: ['aws:runShellScript'], main: 0, windows: false };
}

/** The agent's script path for a plugin, as it appears in stderr. */
function scriptPath(instanceId: string, commandId: string, windows: boolean): string {
  return windows
    ? `C:\\ProgramData\\Amazon\\SSM\\InstanceData\\${instanceId}\\document\\orchestration\\${commandId}\\awsrunPowerShellScript\\0.awsrunPowerShellScript\\_script.ps1`
    : `/var/lib/amazon/ssm/${instanceId}/document/orchestration/${commandId}/awsrunShellScript/0.awsrunShellScript/_script.sh`;
}

/** Lines of ordinary progress output, some runs long enough to be cut at the caps. */
function progressLines(random: RandomSource, windows: boolean): string {
  const count = randomInt(random, 2, random() < 0.2 ? 900 : 40);
  const lines: string[] = [];
  for (let i = 0; i < count; i += 1) {
    lines.push(
      windows
        ? `[${String(i + 1).padStart(4, '0')}] Checking service ${randomPick(random, ['W3SVC', 'WinRM', 'AmazonSSMAgent', 'Spooler'])}: Running`
        : `  ${randomPick(random, ['Verifying', 'Installing', 'Updating', 'Cleanup'])} : ${randomPick(random, ['openssl-libs', 'kernel', 'glibc', 'curl', 'systemd', 'python3'])}-${randomInt(random, 1, 9)}.${randomInt(random, 0, 40)}-${randomInt(random, 1, 300)}.amzn2023.x86_64   ${i + 1}/${count}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function combinedOutput(stdout: string, stderr: string): string {
  const text = stderr === '' ? stdout : `${stdout}\n----------ERROR-------\n${stderr}`;
  return capToService(text, COMMAND_OUTPUT_CAPS.Output);
}

function pluginOutcome(
  name: string,
  status: GeneratedPluginOutcome['Status'],
  statusDetails: string,
  responseCode: number,
  stdout: string,
  stderr: string,
  durationMs: number,
): GeneratedPluginOutcome {
  return {
    Name: name,
    Status: status,
    StatusDetails: capToService(statusDetails, COMMAND_OUTPUT_CAPS.StatusDetails),
    ResponseCode: responseCode,
    Output: combinedOutput(stdout, stderr),
    StandardOutputContent: capToService(stdout, COMMAND_OUTPUT_CAPS.StandardOutputContent),
    StandardErrorContent: capToService(stderr, COMMAND_OUTPUT_CAPS.StandardErrorContent),
    durationMs,
  };
}

function skippedWindowsStep(name: string): GeneratedPluginOutcome {
  const note = `Step execution skipped due to unsatisfied preconditions: '"StringEquals": [platformType, Windows]'. Step name: ${name}`;
  return pluginOutcome(name, 'Success', 'Success', 0, note, '', 0);
}

function failingPlugin(
  random: RandomSource,
  name: string,
  failure: CommandFailureKind,
  windows: boolean,
  path: string,
  startedAt?: Date,
): GeneratedPluginOutcome {
  if (failure === 'undeliverable') {
    // Never reached the node: nothing ran, no output [inferred from ResponseCode -1's meaning].
    return pluginOutcome(name, 'Failed', 'Undeliverable', -1, '', '', 0);
  }
  if (failure === 'execution-timeout') {
    const stdout = progressLines(random, windows);
    return pluginOutcome(name, 'TimedOut', 'Execution Timed Out', -1, stdout, '', 3_600_000);
  }
  // apt and yum do not run on Windows: a PowerShell document fails in its script instead.
  const kind = windows && failure === 'package-manager' ? 'script-exit' : failure;
  const script: ScriptFailure = failureScript(random, kind, windows, path, startedAt);
  const stdout = `${script.stdoutPrefix}${progressLines(random, windows).slice(0, randomInt(random, 0, 1200))}`;
  return pluginOutcome(
    name,
    'Failed',
    'Failed',
    script.exitCode,
    stdout,
    `${script.stderr}\nfailed to run commands: exit status ${script.exitCode}`,
    randomInt(random, 1500, 240_000),
  );
}

/**
 * One command's outcome on one node: every plugin of the document, the failing one (if any) with
 * a realistic stderr and exit code, all within AWS's output caps.
 *
 * @example
 * ```ts
 * const outcome = generateCommandOutcome(createSeededRandom('demo').next, { failure: 'package-manager' });
 * outcome.Plugins[0]?.StandardErrorContent; // "E: Unable to acquire the dpkg frontend lock …"
 * ```
 */
export function generateCommandOutcome(
  random: RandomSource,
  options: CommandOutcomeOptions = {},
): GeneratedCommandOutcome {
  const { failure } = options;
  const documentName =
    options.documentName ??
    randomPick(random, failure === undefined ? SUCCESS_DOCUMENTS : DOCUMENT_FOR_FAILURE[failure]);
  const instanceId = options.instanceId ?? randomNodeId(random);
  const commandId = options.commandId ?? randomUuid(random);
  const document = pluginsOf(documentName);
  const path = scriptPath(instanceId, commandId, document.windows);
  const plugins = document.plugins.map((name, index) => {
    if (documentName === 'AWS-RunPatchBaseline' && index !== document.main)
      return skippedWindowsStep(name);
    if (failure !== undefined && index === document.main) {
      return failingPlugin(random, name, failure, document.windows, path, options.startedAt);
    }
    const stdout = progressLines(random, document.windows);
    return pluginOutcome(
      name,
      'Success',
      'Success',
      0,
      stdout,
      '',
      randomInt(random, 800, 180_000),
    );
  });
  const failed = plugins.find((p) => p.Status !== 'Success');
  return {
    InstanceId: instanceId,
    DocumentName: documentName,
    Status: failed?.Status ?? 'Success',
    StatusDetails: failed?.StatusDetails ?? 'Success',
    Plugins: plugins,
  };
}

export { randomNodeId } from './random-picks';
