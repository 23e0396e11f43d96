/**
 * Which resources a maintenance-window invocation ran on, read from its `Parameters` (a JSON
 * document inside a string). Only RUN_COMMAND `Parameters` have published samples; the AUTOMATION,
 * LAMBDA and STEP_FUNCTIONS keys mirror each service's start API and are inferred (see the
 * aws-followups note, §5), so every key is optional and the text is never trusted to be JSON.
 * SDK-free.
 */
import type { InvocationRecord } from './types';

/**
 * What kind of resource an invocation target is.
 *
 * @example
 * ```ts
 * const kind: InvocationTargetKind = 'managed-node'; // a hybrid `mi-…` node
 * ```
 */
export type InvocationTargetKind =
  'instance' | 'managed-node' | 'lambda-function' | 'state-machine' | 'resource';

/**
 * One resource an invocation ran on.
 *
 * @example
 * ```ts
 * const target: InvocationTarget = { kind: 'instance', id: 'i-0abc1234def567890' };
 * ```
 */
export interface InvocationTarget {
  kind: InvocationTargetKind;
  /** Instance or node id, function name, state machine name, or the resource id as given. */
  id: string;
  /** The ARN, when `Parameters` gave one (Lambda functions, state machines, resource-group targets). */
  arn?: string;
  /** Lambda: the version or alias invoked (`$LATEST`, `live`, `3`). */
  qualifier?: string;
  /** Step Functions: the execution's name. */
  executionName?: string;
}

const INSTANCE_ID = /^i-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
const MANAGED_NODE_ID = /^mi-[0-9a-f]{17}$/;
// `{{TARGET_ID}}` of a resource-group target is the instance ARN (documented pseudo parameter).
const INSTANCE_ARN = /^arn:aws[a-z-]*:ec2:[a-z0-9-]*:\d{12}:instance\/(i-[0-9a-f]{8,17})$/;
const LAMBDA_ARN =
  /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:([A-Za-z0-9_-]{1,140})(?::([A-Za-z0-9$_-]{1,128}))?$/;
const LAMBDA_PARTIAL_ARN = /^\d{12}:function:([A-Za-z0-9_-]{1,140})(?::([A-Za-z0-9$_-]{1,128}))?$/;
const LAMBDA_NAME = /^([A-Za-z0-9_-]{1,140})(?::([A-Za-z0-9$_-]{1,128}))?$/;
const STATE_MACHINE_ARN =
  /^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:stateMachine:([A-Za-z0-9_-]{1,80})$/;
const EXECUTION_ARN =
  /^(arn:(aws[a-z-]*):states:([a-z0-9-]+):(\d{12})):execution:([A-Za-z0-9_-]{1,80}):([A-Za-z0-9_.-]{1,80})$/;
// For `Parameters` that are not JSON (truncated, odd): ids standing alone as JSON strings.
const QUOTED_NODE_ID = /"((?:i-(?:[0-9a-f]{17}|[0-9a-f]{8}))|(?:mi-[0-9a-f]{17}))"/g;
const QUOTED_LAMBDA_ARN = /"(arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_:$-]+)"/;
const QUOTED_STATE_MACHINE_ARN =
  /"(arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:stateMachine:[A-Za-z0-9_-]+)"/;

/** Bounds so that a huge or hostile `Parameters` costs little. */
const MAX_TARGETS = 100;
const MAX_DEPTH = 4;
const MAX_RESOURCE_ID_LENGTH = 256;
// Parameter names that name the target of an Automation runbook, most specific first.
const AUTOMATION_TARGET_KEYS = [
  'InstanceId',
  'InstanceIds',
  'TargetId',
  'ResourceId',
  'ResourceArn',
];

type Json = unknown;

function parseJson(text: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `key` or its PascalCase twin (the CLI/SDK spellings differ from the camelCase MW samples). */
function member(object: Record<string, Json>, key: string): Json {
  const pascal = key.charAt(0).toUpperCase() + key.slice(1);
  return Object.hasOwn(object, key)
    ? object[key]
    : Object.hasOwn(object, pascal)
      ? object[pascal]
      : undefined;
}

function stringsOf(value: Json): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** An instance or managed node, from a bare id or an EC2 instance ARN; else undefined. */
function nodeTarget(text: string): InvocationTarget | undefined {
  const value = text.trim();
  if (INSTANCE_ID.test(value)) return { kind: 'instance', id: value };
  if (MANAGED_NODE_ID.test(value)) return { kind: 'managed-node', id: value };
  const arn = INSTANCE_ARN.exec(value);
  if (arn?.[1] !== undefined && INSTANCE_ID.test(arn[1])) {
    return { kind: 'instance', id: arn[1], arn: value };
  }
  return undefined;
}

/** A short printable value is kept as an opaque resource; anything else is dropped. */
function resourceTarget(text: string): InvocationTarget | undefined {
  const value = text.trim();
  if (value === '' || value.length > MAX_RESOURCE_ID_LENGTH) return undefined;
  // Control characters and unresolved `{{…}}` pseudo parameters are not resource ids.
  // eslint-disable-next-line no-control-regex -- untrusted text is checked for control characters
  if (/[\u0000-\u001f\u007f]/.test(value) || value.includes('{{')) return undefined;
  return { kind: 'resource', id: value };
}

function lambdaTarget(text: string, qualifier: string | undefined): InvocationTarget | undefined {
  const value = text.trim();
  const full = LAMBDA_ARN.exec(value);
  const match = full ?? LAMBDA_PARTIAL_ARN.exec(value) ?? LAMBDA_NAME.exec(value);
  const name = match?.[1];
  if (match === null || name === undefined) return undefined;
  const resolvedQualifier = match[2] ?? qualifier;
  return {
    kind: 'lambda-function',
    id: name,
    ...(full === null ? {} : { arn: value }),
    ...(resolvedQualifier === undefined || resolvedQualifier === ''
      ? {}
      : { qualifier: resolvedQualifier }),
  };
}

/** Node targets among the string values of a JSON value, bounded in depth and count. */
function nodeTargetsIn(value: Json, depth = 0, found: InvocationTarget[] = []): InvocationTarget[] {
  if (found.length >= MAX_TARGETS || depth > MAX_DEPTH) return found;
  if (typeof value === 'string') {
    const target = nodeTarget(value);
    if (target) found.push(target);
    // A payload or input is itself JSON in a string.
    else if (depth < MAX_DEPTH && /^\s*[[{]/.test(value))
      nodeTargetsIn(parseJson(value), depth + 1, found);
  } else if (Array.isArray(value)) {
    for (const item of value) nodeTargetsIn(item, depth + 1, found);
  } else if (isObject(value)) {
    for (const item of Object.values(value)) nodeTargetsIn(item, depth + 1, found);
  }
  return found;
}

function runCommandTargets(parameters: Record<string, Json>): InvocationTarget[] {
  return stringsOf(member(parameters, 'instanceIds')).flatMap((id) => {
    const target = nodeTarget(id) ?? resourceTarget(id);
    return target ? [target] : [];
  });
}

function automationTargets(parameters: Record<string, Json>): InvocationTarget[] {
  const runbookParameters = member(parameters, 'parameters');
  if (!isObject(runbookParameters)) return [];
  const named = stringsOf(member(parameters, 'targetParameterName'));
  const keys = [...named, ...AUTOMATION_TARGET_KEYS].filter((key) =>
    Object.hasOwn(runbookParameters, key),
  );
  for (const key of keys) {
    const targets = stringsOf(runbookParameters[key]).flatMap((id) => {
      const target = nodeTarget(id) ?? resourceTarget(id);
      return target ? [target] : [];
    });
    if (targets.length > 0) return targets;
  }
  // A runbook with its own parameter names: any value that is an instance or node id.
  return nodeTargetsIn(runbookParameters);
}

function lambdaTargets(parameters: Record<string, Json>): InvocationTarget[] {
  const [qualifier] = stringsOf(member(parameters, 'qualifier'));
  const [functionName] = stringsOf(member(parameters, 'functionName'));
  const fn = functionName === undefined ? undefined : lambdaTarget(functionName, qualifier);
  // The payload usually carries the window target (`{{TARGET_ID}}`, resolved per invocation);
  // scanning every value also finds it under other keys.
  return [...(fn ? [fn] : []), ...nodeTargetsIn(parameters)];
}

function stepFunctionsTargets(
  parameters: Record<string, Json>,
  executionId: string | undefined,
): InvocationTarget[] {
  const [arn] = stringsOf(member(parameters, 'stateMachineArn'));
  const [name] = stringsOf(member(parameters, 'name'));
  const execution = executionId === undefined ? null : EXECUTION_ARN.exec(executionId);
  const machineFromArn = arn === undefined ? null : STATE_MACHINE_ARN.exec(arn.trim());
  const machine: InvocationTarget[] = [];
  if (machineFromArn?.[1] !== undefined && arn !== undefined) {
    machine.push({ kind: 'state-machine', id: machineFromArn[1], arn: arn.trim() });
  } else if (execution?.[1] !== undefined && execution[5] !== undefined) {
    machine.push({
      kind: 'state-machine',
      id: execution[5],
      arn: `${execution[1]}:stateMachine:${execution[5]}`,
    });
  }
  const executionName =
    execution?.[6] ?? (name === undefined ? undefined : resourceTarget(name)?.id);
  const withName = machine.map((m) => (executionName === undefined ? m : { ...m, executionName }));
  return [...withName, ...nodeTargetsIn(parameters)];
}

/** Salvage from text that is not JSON (e.g. cut off): ids standing alone as JSON strings. */
function targetsFromText(text: string, taskType: string | undefined): InvocationTarget[] {
  const found: InvocationTarget[] = [];
  if (taskType === 'LAMBDA') {
    const arn = QUOTED_LAMBDA_ARN.exec(text)?.[1];
    const fn = arn === undefined ? undefined : lambdaTarget(arn, undefined);
    if (fn) found.push(fn);
  }
  if (taskType === 'STEP_FUNCTIONS') {
    const arn = QUOTED_STATE_MACHINE_ARN.exec(text)?.[1];
    const name = arn === undefined ? undefined : STATE_MACHINE_ARN.exec(arn)?.[1];
    if (arn !== undefined && name !== undefined)
      found.push({ kind: 'state-machine', id: name, arn });
  }
  for (const match of text.matchAll(QUOTED_NODE_ID)) {
    if (found.length >= MAX_TARGETS) break;
    const target = match[1] === undefined ? undefined : nodeTarget(match[1]);
    if (target) found.push(target);
  }
  return found;
}

function unique(targets: InvocationTarget[]): InvocationTarget[] {
  const seen = new Set<string>();
  return targets
    .filter((target) => {
      const key = `${target.kind}\u0000${target.id}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, MAX_TARGETS);
}

/**
 * The resources an invocation ran on, from its `Parameters`: RUN_COMMAND `instanceIds` (EC2
 * `i-…` instances, hybrid `mi-…` managed nodes); the AUTOMATION target parameter (`InstanceId`
 * and friends, or the instance inside a resource-group ARN); the LAMBDA function (name, ARN,
 * qualifier) and the node in its payload; the STEP_FUNCTIONS state machine (and execution name)
 * and the node in its input. Never throws: odd, truncated or non-JSON `Parameters` give what can
 * be salvaged, often `[]`. At most 100 targets, without duplicates.
 *
 * @example
 * ```ts
 * invocationTargets({
 *   TaskType: 'RUN_COMMAND',
 *   Parameters: '{"documentName":"AWS-RunShellScript","instanceIds":["i-0abc1234def567890"]}',
 * });
 * // [{ kind: 'instance', id: 'i-0abc1234def567890' }]
 * ```
 */
export function invocationTargets(
  invocation: Pick<InvocationRecord, 'TaskType' | 'Parameters' | 'ExecutionId'>,
): InvocationTarget[] {
  const text: unknown = invocation?.Parameters;
  const taskType = typeof invocation?.TaskType === 'string' ? invocation.TaskType : undefined;
  const executionId =
    typeof invocation?.ExecutionId === 'string' ? invocation.ExecutionId : undefined;
  if (typeof text !== 'string' || text.trim() === '') {
    return taskType === 'STEP_FUNCTIONS' ? unique(stepFunctionsTargets({}, executionId)) : [];
  }
  const parameters = parseJson(text);
  if (!isObject(parameters)) {
    // Valid JSON that is not an object is not Parameters; only text that failed to parse is salvaged.
    const salvaged = parameters === undefined ? targetsFromText(text, taskType) : [];
    return unique(
      taskType === 'STEP_FUNCTIONS'
        ? [...stepFunctionsTargets({}, executionId), ...salvaged]
        : salvaged,
    );
  }
  switch (taskType) {
    case 'RUN_COMMAND':
      return unique(runCommandTargets(parameters));
    case 'AUTOMATION':
      return unique(automationTargets(parameters));
    case 'LAMBDA':
      return unique(lambdaTargets(parameters));
    case 'STEP_FUNCTIONS':
      return unique(stepFunctionsTargets(parameters, executionId));
    default:
      return unique(nodeTargetsIn(parameters));
  }
}
