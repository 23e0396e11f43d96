/**
 * Diagnosing one invocation: what the service that ran it says. RUN_COMMAND reads the command's
 * nodes (ListCommandInvocations with `Details`: one full page, at most three requests) and the output of its failed and
 * timed-out nodes (one GetCommandInvocation each, at most {@link DIAGNOSIS_LIMITS}); AUTOMATION
 * reads the execution (one GetAutomationExecution); LAMBDA and STEP_FUNCTIONS send nothing. A
 * follow-up call that fails (AccessDenied above all) becomes a note; the rest stands.
 */
import { parseGetAutomationExecutionOutput } from '../model/automation-diagnosis';
import {
  parseListCommandInvocationsOutput,
  parseGetCommandInvocationOutput,
} from '../model/command-diagnosis';
import { consoleLinks, type ConsoleLink } from '../model/console-links';
import { DIAGNOSIS_LIMITS, SSM_LIMITS } from '../model/constants';
import type {
  DiagnosisBase,
  DiagnosisNote,
  InstanceCommandDiagnosis,
  InvocationDiagnosis,
} from '../model/diagnosis';
import { AWS_REGION_PATTERN } from '../model/endpoint';
import { AccessDeniedError, SsmInvocationsError } from '../model/errors';
import { failureNoteMessage } from '../model/report-error';
import { invocationTargets, type InvocationTarget } from '../model/invocation-targets';
import type { SsmOperation } from '../model/operations';
import type { InvocationRecord } from '../model/types';
import { listPages } from './paginate';
import type { ClientContext, SsmMembers } from './request';

/** Node statuses whose output a diagnosis fetches. */
const FAILED_NODE_STATUSES = new Set(['Failed', 'TimedOut']);

/**
 * A failed follow-up call as a note; aborts and bugs (non-core errors) still propagate.
 */
function noteOf(error: unknown, operation: SsmOperation, signal?: AbortSignal): DiagnosisNote {
  if (signal?.aborted || !(error instanceof SsmInvocationsError)) throw error;
  const message = failureNoteMessage({
    code: error.code,
    message: error.message,
    operation,
    ...(error instanceof AccessDeniedError && error.credentialFault !== undefined
      ? { credentialFault: error.credentialFault }
      : {}),
  });
  return { code: error.code, operation, message };
}

async function linksOf(
  context: ClientContext,
  invocation: InvocationRecord,
  targets: InvocationTarget[],
): Promise<ConsoleLink[]> {
  const region = await context.region();
  if (region === undefined || !AWS_REGION_PATTERN.test(region)) return [];
  return consoleLinks({ region, invocation, targets });
}

async function nodeOutput(
  context: ClientContext,
  commandId: string,
  node: InstanceCommandDiagnosis,
  notes: DiagnosisNote[],
  signal?: AbortSignal,
): Promise<InstanceCommandDiagnosis> {
  if (node.instanceId === undefined) return node;
  // A multi-step document needs the step: the first that failed (or the only one).
  const failedPlugin =
    node.plugins.length > 1
      ? (node.plugins.find((p) => p.status !== undefined && FAILED_NODE_STATUSES.has(p.status)) ??
        node.plugins[0])
      : undefined;
  const input: SsmMembers = {
    CommandId: commandId,
    InstanceId: node.instanceId,
    ...(failedPlugin?.name === undefined ? {} : { PluginName: failedPlugin.name }),
  };
  try {
    const output = await context.send('GetCommandInvocation', input, signal);
    return {
      ...node,
      output: parseGetCommandInvocationOutput(output, {
        maxBytes: DIAGNOSIS_LIMITS.outputBytes,
      }),
    };
  } catch (error) {
    notes.push(noteOf(error, 'GetCommandInvocation', signal));
    return node;
  }
}

/** The command's nodes as listed, and why the listing stopped short of its end, if it did. */
interface NodeListing {
  records: SsmMembers[];
  /** `nodes`: the node bound was reached; `pages`: the page bound; absent: the whole listing. */
  cut?: 'nodes' | 'pages';
}

/**
 * At most `listedNodes` nodes over at most `listedPages` pages. Whether the service had more is
 * its own `NextToken` past the bound: the invocation's `Parameters` may name no node (targets by
 * tag) or only some.
 */
async function listNodes(
  context: ClientContext,
  commandId: string,
  signal?: AbortSignal,
): Promise<NodeListing> {
  const { listedNodes, listedPages } = DIAGNOSIS_LIMITS;
  const records: SsmMembers[] = [];
  let pages = 0;
  for await (const page of listPages<SsmMembers>(context, {
    operation: 'ListCommandInvocations',
    input: { CommandId: commandId, Details: true },
    pageSize: listedNodes,
    limit: listedNodes,
    maxPages: listedPages,
    signal,
  })) {
    records.push(...page.records);
    pages += 1;
    if (records.length > listedNodes)
      return { records: records.slice(0, listedNodes), cut: 'nodes' };
    if (page.nextToken === undefined) break;
    if (records.length === listedNodes) return { records, cut: 'nodes' };
    if (pages >= listedPages) return { records, cut: 'pages' };
  }
  return { records };
}

function listingNote(listing: NodeListing, nodes: number, targetCount: number): DiagnosisNote[] {
  if (listing.cut === undefined) return [];
  const { listedNodes, listedPages } = DIAGNOSIS_LIMITS;
  const message =
    listing.cut === 'nodes'
      ? targetCount > listedNodes
        ? `only the first ${listedNodes} nodes of ${targetCount} were read`
        : `only the first ${listedNodes} nodes were read; the command has more`
      : `only ${nodes} nodes were read, over ${listedPages} pages (the most one diagnosis reads); the command has more`;
  return [{ code: 'LIMITED', operation: 'ListCommandInvocations', message }];
}

async function commandNodes(
  context: ClientContext,
  commandId: string,
  targetCount: number,
  notes: DiagnosisNote[],
  signal?: AbortSignal,
): Promise<InstanceCommandDiagnosis[]> {
  let nodes: InstanceCommandDiagnosis[];
  try {
    const listing = await listNodes(context, commandId, signal);
    nodes = parseListCommandInvocationsOutput(
      { CommandInvocations: listing.records },
      { maxBytes: DIAGNOSIS_LIMITS.outputBytes },
    ).invocations;
    notes.push(...listingNote(listing, nodes.length, targetCount));
  } catch (error) {
    notes.push(noteOf(error, 'ListCommandInvocations', signal));
    return [];
  }
  const failed = nodes.filter((n) => n.status !== undefined && FAILED_NODE_STATUSES.has(n.status));
  const fetched = new Set(failed.slice(0, DIAGNOSIS_LIMITS.failedNodeOutputs));
  if (failed.length > fetched.size) {
    notes.push({
      code: 'LIMITED',
      operation: 'GetCommandInvocation',
      message: `output fetched for ${fetched.size} of ${failed.length} failed nodes`,
    });
  }
  // Side by side; the client's pool bounds how many are in flight.
  return Promise.all(
    nodes.map((node) =>
      fetched.has(node) ? nodeOutput(context, commandId, node, notes, signal) : node,
    ),
  );
}

/** Notes of the same kind from several nodes say one thing once. */
function distinctNotes(notes: DiagnosisNote[]): DiagnosisNote[] {
  const seen = new Set<string>();
  return notes.filter((note) => {
    const key = `${note.code} ${note.operation ?? ''} ${note.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The diagnosis of an invocation already read (the window report's, or one just fetched): the
 * follow-up calls of its task type, nothing else.
 */
export async function diagnoseKnownInvocation(
  context: ClientContext,
  invocation: InvocationRecord,
  signal?: AbortSignal,
): Promise<InvocationDiagnosis> {
  const targets = invocationTargets(invocation);
  const notes: DiagnosisNote[] = [];
  const base: DiagnosisBase = {
    invocation,
    targets,
    links: await linksOf(context, invocation, targets),
    notes,
  };
  const executionId = invocation.ExecutionId;
  const serviceId =
    executionId !== undefined && SSM_LIMITS.executionId.pattern.test(executionId)
      ? executionId
      : undefined;
  switch (invocation.TaskType) {
    case 'RUN_COMMAND': {
      const instances =
        serviceId === undefined
          ? []
          : await commandNodes(context, serviceId, targets.length, notes, signal);
      return {
        ...base,
        notes: distinctNotes(notes),
        taskType: 'RUN_COMMAND',
        ...(serviceId === undefined ? {} : { commandId: serviceId }),
        instances,
      };
    }
    case 'AUTOMATION': {
      if (serviceId === undefined) return { ...base, taskType: 'AUTOMATION' };
      try {
        const output = await context.send(
          'GetAutomationExecution',
          { AutomationExecutionId: serviceId },
          signal,
        );
        return {
          ...base,
          taskType: 'AUTOMATION',
          automation: parseGetAutomationExecutionOutput(output),
        };
      } catch (error) {
        notes.push(noteOf(error, 'GetAutomationExecution', signal));
        return { ...base, taskType: 'AUTOMATION' };
      }
    }
    case 'LAMBDA': {
      const target = targets.find((t) => t.kind === 'lambda-function');
      return {
        ...base,
        taskType: 'LAMBDA',
        ...(target === undefined ? {} : { functionName: target.id }),
        ...(target?.arn === undefined ? {} : { functionArn: target.arn }),
        ...(target?.qualifier === undefined ? {} : { qualifier: target.qualifier }),
      };
    }
    case 'STEP_FUNCTIONS': {
      const target = targets.find((t) => t.kind === 'state-machine');
      return {
        ...base,
        taskType: 'STEP_FUNCTIONS',
        ...(target?.arn === undefined ? {} : { stateMachineArn: target.arn }),
        ...(executionId?.startsWith('arn:') ? { executionArn: executionId } : {}),
      };
    }
    default:
      return { ...base, taskType: 'UNKNOWN' };
  }
}
