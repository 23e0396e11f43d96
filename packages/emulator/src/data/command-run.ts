/**
 * The Run Command side of a RUN_COMMAND invocation: for each node its `Parameters` name, the
 * command invocation ListCommandInvocations and GetCommandInvocation answer with — plugins,
 * exit codes, stdout/stderr within AWS's caps, S3 and CloudWatch output locations. Everything is
 * derived from the invocation as it is now (so live mode's PENDING → IN_PROGRESS → final shows
 * through) and from a PRNG seeded with the command id and node, so the same seed always gives
 * the same output. A failed or timed-out invocation fails on one node: the one its StatusDetails
 * names, else the first.
 */
import type {
  CommandInvocationStatus,
  CommandPluginStatus,
  ExecutionStatus,
} from '../protocol/service-model';
import { createSeededRandom } from '../state/seeded-random';
import type { EmulatorInvocation } from '../state/store';
import {
  generateCommandOutcome,
  type CommandFailureKind,
  type GeneratedCommandOutcome,
  type GeneratedPluginOutcome,
} from './command-output';
import { capToService, randomPick } from './random-picks';
import { nodeNamedIn, readRunCommandParameters } from './run-parameters';

/** The region output URLs and `OutputS3Region` name. */
const REGION = 'us-east-1';

/** One plugin of a command invocation, with the AWS member names. */
export interface CommandRunPlugin {
  Name: string;
  Status: CommandPluginStatus;
  StatusDetails: string;
  ResponseCode: number;
  ResponseStartDateTime?: Date;
  ResponseFinishDateTime?: Date;
  Output: string;
  StandardOutputContent: string;
  StandardErrorContent: string;
  StandardOutputUrl: string;
  StandardErrorUrl: string;
  OutputS3Region: string;
  OutputS3BucketName: string;
  OutputS3KeyPrefix: string;
}

/** A command's invocation on one node, with the AWS member names. */
export interface CommandRun {
  CommandId: string;
  InstanceId: string;
  Comment: string;
  DocumentName: string;
  RequestedDateTime?: Date;
  Status: CommandInvocationStatus;
  StatusDetails: string;
  StandardOutputUrl: string;
  StandardErrorUrl: string;
  CloudWatchOutputConfig: { CloudWatchLogGroupName: string; CloudWatchOutputEnabled: boolean };
  Plugins: CommandRunPlugin[];
}

/** How a document fails when its invocation FAILED (weighted by repetition). */
const FAILURES_BY_DOCUMENT: Record<string, readonly CommandFailureKind[]> = {
  // Patch baseline operations wrap dnf/yum/apt and report their errors themselves.
  'AWS-RunPatchBaseline': ['patch-baseline'],
  'AWS-RunShellScript': ['package-manager', 'script-exit', 'script-exit', 'undeliverable'],
  'AWS-RunPowerShellScript': ['script-exit', 'script-exit', 'undeliverable'],
};

const OUTCOME_CACHE_LIMIT = 2000;
const outcomeCache = new Map<string, GeneratedCommandOutcome>();

/** The node of `instanceIds` that fails when the invocation failed or timed out. */
export function failingNode(invocation: EmulatorInvocation, instanceIds: readonly string[]) {
  const named = nodeNamedIn(invocation.StatusDetails);
  return named !== undefined && instanceIds.includes(named) ? named : instanceIds[0];
}

/** The finished outcome on one node for a final invocation status (cached: it is pure). */
export function commandOutcome(
  commandId: string,
  instanceId: string,
  documentName: string,
  finalStatus: ExecutionStatus,
  startedAt?: Date,
): GeneratedCommandOutcome {
  const key = `${commandId}/${instanceId}/${documentName}/${finalStatus}/${startedAt?.getTime()}`;
  const cached = outcomeCache.get(key);
  if (cached) return cached;
  const random = createSeededRandom(`run-command:${commandId}:${instanceId}`).next;
  const failure: CommandFailureKind | undefined =
    finalStatus === 'TIMED_OUT'
      ? 'execution-timeout'
      : finalStatus === 'FAILED'
        ? randomPick(random, FAILURES_BY_DOCUMENT[documentName] ?? ['script-exit'])
        : undefined;
  const outcome = generateCommandOutcome(random, {
    documentName,
    failure,
    instanceId,
    commandId,
    startedAt,
  });
  if (outcomeCache.size >= OUTCOME_CACHE_LIMIT) outcomeCache.clear();
  outcomeCache.set(key, outcome);
  return outcome;
}

/** A log line's leading time (`2026-11-28 20:28:50,419 `), left out of StatusDetails. */
const LOG_TIME_PREFIX = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} /;

/**
 * The maintenance-window StatusDetails (≤ 250 chars, one line) of a failed or timed-out
 * RUN_COMMAND invocation, read from the outcome on its failing node. Log times are left out, so
 * it reads the same however live mode rescales the run's times.
 */
export function commandFailureSummary(outcome: GeneratedCommandOutcome): string {
  const plugin = outcome.Plugins.find((p) => p.Status !== 'Success');
  const node = outcome.InstanceId;
  if (!plugin) return 'Success';
  if (plugin.StatusDetails === 'Undeliverable') {
    return `Undeliverable: the SSM Agent on ${node} is not online (ConnectionLost)`;
  }
  if (plugin.Status === 'TimedOut') return `Execution timed out after 3600 seconds on ${node}`;
  const firstLine = (
    plugin.StandardErrorContent.split('\n').find((l) => l.trim() !== '') ?? ''
  ).replace(LOG_TIME_PREFIX, '');
  return capToService(
    `Command failed with exit code ${plugin.ResponseCode} on ${node}: ${firstLine}`,
    250,
  );
}

function s3Location(bucket: string, prefix: string | undefined, path: string): string {
  const key = [prefix, path].filter((part) => part !== undefined && part !== '').join('/');
  return `https://s3.${REGION}.amazonaws.com/${bucket}/${key}`;
}

/** The S3 path of a plugin's output: schema 1.2 plugins `awsrunShellScript/0.awsrunShellScript`, steps by name. */
function pluginDirectory(name: string, index: number): string {
  const flat = name.replace(/:/g, '');
  return name.includes(':') ? `${flat}/${index}.${flat}` : `awsrunShellScript/${name}`;
}

const RUNNING: Partial<Record<ExecutionStatus, [CommandInvocationStatus, string]>> = {
  PENDING: ['Pending', 'Pending'],
  IN_PROGRESS: ['InProgress', 'In Progress'],
  CANCELLING: ['Cancelling', 'Cancelling'],
  CANCELLED: ['Cancelled', 'Cancelled'],
};

/** Spreads the plugins over the invocation's run time, in order. */
function pluginTimes(plugins: readonly GeneratedPluginOutcome[], start?: Date, end?: Date) {
  if (!start) return plugins.map(() => ({}));
  const total = plugins.reduce((sum, p) => sum + Math.max(p.durationMs, 5), 0);
  const span = end ? Math.max(end.getTime() - start.getTime() - 400, plugins.length) : total;
  let cursor = start.getTime() + 200;
  return plugins.map((plugin) => {
    const from = cursor;
    cursor += Math.round((Math.max(plugin.durationMs, 5) / total) * span);
    return {
      ResponseStartDateTime: new Date(from),
      ResponseFinishDateTime: end ? new Date(cursor) : undefined,
    };
  });
}

/** A plugin of a run that has not finished: no exit code (-1) and no output yet. */
function unfinished(status: ExecutionStatus, statusDetails: string) {
  const pluginStatus: CommandPluginStatus =
    status === 'CANCELLED' ? 'Cancelled' : status === 'PENDING' ? 'Pending' : 'InProgress';
  return {
    Status: pluginStatus,
    StatusDetails: statusDetails,
    ResponseCode: -1,
    Output: '',
    StandardOutputContent: '',
    StandardErrorContent: '',
  };
}

/**
 * The command invocation of `commandId` on `instanceId`, as the invocation shows it now.
 *
 * @example
 * ```ts
 * const run = commandRun(invocation, invocation.ExecutionId ?? '', 'i-0abc1234def567890');
 * run.Plugins[0]?.StandardErrorContent;
 * ```
 */
export function commandRun(
  invocation: EmulatorInvocation,
  commandId: string,
  instanceId: string,
): CommandRun {
  const parameters = readRunCommandParameters(invocation.Parameters);
  const { documentName } = parameters;
  const failing = failingNode(invocation, parameters.instanceIds) === instanceId;
  const bad = invocation.Status === 'FAILED' || invocation.Status === 'TIMED_OUT';
  const finalStatus = bad && !failing ? 'SUCCESS' : invocation.Status;
  const outcome = commandOutcome(
    commandId,
    instanceId,
    documentName,
    finalStatus,
    invocation.StartTime,
  );
  const running = RUNNING[invocation.Status];
  const finished = running === undefined;
  const bucket = parameters.outputS3BucketName;
  const times = pluginTimes(outcome.Plugins, invocation.StartTime, invocation.EndTime);
  const plugins = outcome.Plugins.map((plugin, index): CommandRunPlugin => {
    const path = `${commandId}/${instanceId}/${pluginDirectory(plugin.Name, index)}`;
    const urls =
      bucket !== undefined && finished
        ? {
            StandardOutputUrl: s3Location(bucket, parameters.outputS3KeyPrefix, `${path}/stdout`),
            StandardErrorUrl: s3Location(bucket, parameters.outputS3KeyPrefix, `${path}/stderr`),
          }
        : { StandardOutputUrl: '', StandardErrorUrl: '' };
    const shown = finished ? plugin : unfinished(invocation.Status, running[1]);
    // A run still going has started its first plugin only; a cancelled one ran them all.
    const started =
      invocation.Status === 'PENDING' || (!finished && running[0] !== 'Cancelled' && index > 0)
        ? {}
        : times[index];
    return {
      Name: plugin.Name,
      Status: shown.Status,
      StatusDetails: shown.StatusDetails,
      ResponseCode: shown.ResponseCode,
      ...started,
      Output: shown.Output,
      StandardOutputContent: shown.StandardOutputContent,
      StandardErrorContent: shown.StandardErrorContent,
      ...urls,
      OutputS3Region: REGION,
      OutputS3BucketName: bucket ?? '',
      OutputS3KeyPrefix: parameters.outputS3KeyPrefix ?? '',
    };
  });
  const single = plugins.length === 1 ? plugins[0] : undefined;
  return {
    CommandId: commandId,
    InstanceId: instanceId,
    Comment: parameters.comment,
    DocumentName: documentName,
    RequestedDateTime: invocation.StartTime,
    Status: running?.[0] ?? outcome.Status,
    StatusDetails: running?.[1] ?? outcome.StatusDetails,
    StandardOutputUrl: single?.StandardOutputUrl ?? '',
    StandardErrorUrl: single?.StandardErrorUrl ?? '',
    CloudWatchOutputConfig: {
      CloudWatchLogGroupName: parameters.cloudWatchOutputEnabled
        ? (parameters.cloudWatchLogGroupName ?? `/aws/ssm/${documentName}`)
        : '',
      CloudWatchOutputEnabled: parameters.cloudWatchOutputEnabled,
    },
    Plugins: plugins,
  };
}

/**
 * The Status and StatusDetails of a command invocation, generating its output only when the
 * answer depends on it (a failed or timed-out run): Status filters look at every row.
 *
 * @example
 * ```ts
 * commandRunStatus(invocation, commandId, node).Status; // 'Success'
 * ```
 */
export function commandRunStatus(
  invocation: EmulatorInvocation,
  commandId: string,
  instanceId: string,
): Pick<CommandRun, 'Status' | 'StatusDetails'> {
  const running = RUNNING[invocation.Status];
  if (running) return { Status: running[0], StatusDetails: running[1] };
  if (invocation.Status === 'SUCCESS') return { Status: 'Success', StatusDetails: 'Success' };
  return commandRun(invocation, commandId, instanceId);
}
