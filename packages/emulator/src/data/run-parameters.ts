/**
 * Reads what a RUN_COMMAND or AUTOMATION invocation ran from its `Parameters` JSON (the shapes
 * of the aws-followups note §5), never throwing on odd or missing members, and fills in the
 * run fields a fixture left out so that every started invocation names a command or automation
 * the follow-up operations answer for.
 */
import { createSeededRandom } from '../state/seeded-random';
import type { EmulatorInvocation } from '../state/store';

/** What a RUN_COMMAND invocation's `Parameters` say. */
export interface RunCommandParameters {
  documentName: string;
  instanceIds: string[];
  comment: string;
  outputS3BucketName?: string;
  outputS3KeyPrefix?: string;
  cloudWatchLogGroupName?: string;
  cloudWatchOutputEnabled: boolean;
}

/** What an AUTOMATION invocation's `Parameters` say. */
export interface AutomationParameters {
  documentName: string;
  documentVersion?: string;
  /** The runbook's parameters (string lists), including its target parameter. */
  parameters: Record<string, string[]>;
  /** The node the runbook works on (its `InstanceId` / `InstanceIds` parameter). */
  instanceId?: string;
}

const NODE_ID = /\b(i-[0-9a-f]{8}(?:[0-9a-f]{9})?|mi-[0-9a-f]{17})\b/;

function parseObject(text: string | undefined): Record<string, unknown> {
  if (text === undefined) return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The RUN_COMMAND view of `Parameters`; `fallbackDocument` when the document is not named. */
export function readRunCommandParameters(
  text: string | undefined,
  fallbackDocument = 'AWS-RunShellScript',
): RunCommandParameters {
  const record = parseObject(text);
  const cloudWatch = record.cloudWatchOutputConfig;
  const cloudWatchRecord =
    typeof cloudWatch === 'object' && cloudWatch !== null
      ? (cloudWatch as Record<string, unknown>)
      : {};
  return {
    documentName: stringOf(record.documentName) ?? fallbackDocument,
    instanceIds: stringsOf(record.instanceIds),
    comment: stringOf(record.comment) ?? '',
    outputS3BucketName: stringOf(record.outputS3BucketName),
    outputS3KeyPrefix: stringOf(record.outputS3KeyPrefix),
    cloudWatchLogGroupName: stringOf(cloudWatchRecord.cloudWatchLogGroupName),
    cloudWatchOutputEnabled: cloudWatchRecord.cloudWatchOutputEnabled === true,
  };
}

/** The AUTOMATION view of `Parameters`; `fallbackDocument` when the runbook is not named. */
export function readAutomationParameters(
  text: string | undefined,
  fallbackDocument = 'AWS-RestartEC2Instance',
): AutomationParameters {
  const record = parseObject(text);
  const raw = record.parameters;
  const parameters: Record<string, string[]> = {};
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    for (const [key, value] of Object.entries(raw)) parameters[key] = stringsOf(value);
  }
  const instanceId = parameters.InstanceId?.[0] ?? parameters.InstanceIds?.[0];
  return {
    documentName: stringOf(record.documentName) ?? fallbackDocument,
    documentVersion: stringOf(record.documentVersion),
    parameters,
    instanceId,
  };
}

/** The node a failed invocation's StatusDetails names, if any. */
export function nodeNamedIn(text: string | undefined): string | undefined {
  return text === undefined ? undefined : NODE_ID.exec(text)?.[1];
}

/**
 * A fixture's RUN_COMMAND or AUTOMATION invocation with the run fields it left out filled in,
 * deterministically from its InvocationId: a started invocation gets an `ExecutionId`, and
 * `Parameters` naming its document (`taskArn`) and a node (the one its StatusDetails names, or
 * a derived `i-…`). Fields the fixture gives are kept as written.
 *
 * @example
 * ```ts
 * const completed = completeRunFields(invocation, 'AWS-RunPatchBaseline');
 * ```
 */
export function completeRunFields(
  invocation: EmulatorInvocation,
  taskArn: string,
): EmulatorInvocation {
  if (invocation.TaskType !== 'RUN_COMMAND' && invocation.TaskType !== 'AUTOMATION') {
    return invocation;
  }
  const random = createSeededRandom(`fixture-run:${invocation.InvocationId}`);
  const node = nodeNamedIn(invocation.StatusDetails) ?? `i-0${random.hex(16)}`;
  const executionId = random.uuid();
  const completed = { ...invocation };
  if (completed.ExecutionId === undefined && completed.StartTime !== undefined) {
    completed.ExecutionId = executionId;
  }
  if (completed.Parameters === undefined) {
    completed.Parameters = JSON.stringify(
      invocation.TaskType === 'RUN_COMMAND'
        ? { documentName: taskArn, instanceIds: [node], parameters: {}, timeoutSeconds: 3600 }
        : { documentName: taskArn, parameters: { InstanceId: [node] } },
    );
  }
  return completed;
}
