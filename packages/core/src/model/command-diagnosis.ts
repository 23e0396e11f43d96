/**
 * Raw `ListCommandInvocations` and `GetCommandInvocation` outputs (as the SDK or the JSON
 * transport hands them over) → the diagnosis types. Every member is optional; a member of the
 * wrong type counts as missing; a list or structure that is not one is a malformed response
 * (ServiceError). Output text is bounded, its end kept. SDK-free.
 */
import type {
  CommandInvocationOutcome,
  CommandInvocationOutput,
  CommandOutputLocation,
  CommandPluginOutcome,
} from './diagnosis';
import { tailText, type BoundedText } from './text-bounds';
import {
  defined,
  wireBoolean,
  wireInteger,
  wireObject,
  wireObjectList,
  wireString,
  wireText,
  wireTime,
  type WireObject,
} from './wire-values';

/** SSM's own caps (characters): it keeps the *first* this many, so reaching one means cut. */
const SERVICE_CAPS = Object.freeze({
  Output: 2500,
  StandardOutputContent: 24_000,
  StandardErrorContent: 8000,
});

/**
 * Options of the command output parsers.
 *
 * @example
 * ```ts
 * parseGetCommandInvocationOutput(raw, { maxBytes: 1024 });
 * ```
 */
export interface CommandOutputParseOptions {
  /** UTF-8 bytes kept of each output text (its end). Default 4096. */
  maxBytes?: number;
}

function boundedOutput(
  object: WireObject,
  key: keyof typeof SERVICE_CAPS,
  maxBytes: number,
): BoundedText {
  const text = wireText(object, key);
  const tail = tailText(text, maxBytes);
  const serviceCut = text.length >= SERVICE_CAPS[key];
  return {
    text: tail.text,
    truncated: tail.truncated || serviceCut,
    // Which end was cut, for whoever reads lines of it: only a cut start leaves a partial line.
    ...(tail.truncated ? { startCut: true } : {}),
    ...(serviceCut ? { serviceCut: true } : {}),
  };
}

function outputLocation(object: WireObject, operation: string): CommandOutputLocation | undefined {
  const location: CommandOutputLocation = {};
  const assign = (key: keyof CommandOutputLocation, value: string | undefined): void => {
    if (value !== undefined) location[key] = value;
  };
  assign('s3BucketName', wireString(object, 'OutputS3BucketName'));
  assign('s3KeyPrefix', wireString(object, 'OutputS3KeyPrefix'));
  assign('s3Region', wireString(object, 'OutputS3Region'));
  assign('standardOutputUrl', wireString(object, 'StandardOutputUrl'));
  assign('standardErrorUrl', wireString(object, 'StandardErrorUrl'));
  const cloudWatch = wireObject(
    object['CloudWatchOutputConfig'],
    operation,
    'CloudWatchOutputConfig',
  );
  if (cloudWatch !== undefined && wireBoolean(cloudWatch, 'CloudWatchOutputEnabled') === true) {
    assign('cloudWatchLogGroupName', wireString(cloudWatch, 'CloudWatchLogGroupName'));
  }
  // A region alone (SSM sends OutputS3Region even without a bucket) locates nothing.
  const { s3Region, ...rest } = location;
  return Object.keys(rest).length === 0
    ? undefined
    : { ...rest, ...(s3Region === undefined ? {} : { s3Region }) };
}

/** A string-typed time as AWS sends it; a Date (should a transport make one) back to ISO-8601. */
function timeText(object: WireObject, key: string): string | undefined {
  const value = object[key];
  if (value instanceof Date)
    return Number.isFinite(value.getTime()) ? value.toISOString() : undefined;
  return wireString(object, key);
}

function plugin(raw: WireObject, operation: string, maxBytes: number): CommandPluginOutcome {
  const output = boundedOutput(raw, 'Output', maxBytes);
  return defined<CommandPluginOutcome>({
    name: wireString(raw, 'Name'),
    status: wireString(raw, 'Status'),
    statusDetails: wireString(raw, 'StatusDetails'),
    responseCode: wireInteger(raw, 'ResponseCode'),
    startTime: wireTime(raw, 'ResponseStartDateTime'),
    finishTime: wireTime(raw, 'ResponseFinishDateTime'),
    output: output.text === '' ? undefined : output,
    outputLocation: outputLocation(raw, operation),
  });
}

/**
 * Parses a `ListCommandInvocations` output: one entry per node (with its plugins when the list
 * was asked for with `Details`), and the `NextToken`. Throws ServiceError when
 * `CommandInvocations` or `CommandPlugins` is not a list of objects.
 *
 * @example
 * ```ts
 * const { invocations, nextToken } = parseListCommandInvocationsOutput(await transport.send(
 *   'ListCommandInvocations', { CommandId, Details: true }));
 * ```
 */
export function parseListCommandInvocationsOutput(
  output: unknown,
  options: CommandOutputParseOptions = {},
): { invocations: CommandInvocationOutcome[]; nextToken?: string } {
  const operation = 'ListCommandInvocations';
  const maxBytes = options.maxBytes ?? 4096;
  const root = wireObject(output, operation, 'the response') ?? {};
  const invocations = wireObjectList(
    root['CommandInvocations'],
    operation,
    'CommandInvocations',
  ).map((raw): CommandInvocationOutcome => ({
    ...defined({
      commandId: wireString(raw, 'CommandId'),
      instanceId: wireString(raw, 'InstanceId'),
      instanceName: wireString(raw, 'InstanceName'),
      documentName: wireString(raw, 'DocumentName'),
      documentVersion: wireString(raw, 'DocumentVersion'),
      requestedTime: wireTime(raw, 'RequestedDateTime'),
      status: wireString(raw, 'Status'),
      statusDetails: wireString(raw, 'StatusDetails'),
      outputLocation: outputLocation(raw, operation),
    }),
    plugins: wireObjectList(raw['CommandPlugins'], operation, 'CommandPlugins').map((p) =>
      plugin(p, operation, maxBytes),
    ),
  }));
  const nextToken = wireString(root, 'NextToken');
  return nextToken === undefined ? { invocations } : { invocations, nextToken };
}

/**
 * Parses a `GetCommandInvocation` output: exit code, status, the three string-typed times as AWS
 * sends them, and the ends of stdout and stderr (bounded; `truncated` also when SSM cut them;
 * `startCut` / `serviceCut` say which end was cut).
 * Throws ServiceError when the output or `CloudWatchOutputConfig` is not an object.
 *
 * @example
 * ```ts
 * const result = parseGetCommandInvocationOutput(raw);
 * console.log(result.responseCode, result.standardError.text);
 * ```
 */
export function parseGetCommandInvocationOutput(
  output: unknown,
  options: CommandOutputParseOptions = {},
): CommandInvocationOutput {
  const operation = 'GetCommandInvocation';
  const maxBytes = options.maxBytes ?? 4096;
  const raw = wireObject(output, operation, 'the response') ?? {};
  return {
    ...defined({
      commandId: wireString(raw, 'CommandId'),
      instanceId: wireString(raw, 'InstanceId'),
      pluginName: wireString(raw, 'PluginName'),
      documentName: wireString(raw, 'DocumentName'),
      responseCode: wireInteger(raw, 'ResponseCode'),
      status: wireString(raw, 'Status'),
      statusDetails: wireString(raw, 'StatusDetails'),
      executionStartDateTime: timeText(raw, 'ExecutionStartDateTime'),
      executionEndDateTime: timeText(raw, 'ExecutionEndDateTime'),
      executionElapsedTime: timeText(raw, 'ExecutionElapsedTime'),
      outputLocation: outputLocation(raw, operation),
    }),
    standardOutput: boundedOutput(raw, 'StandardOutputContent', maxBytes),
    standardError: boundedOutput(raw, 'StandardErrorContent', maxBytes),
  };
}
