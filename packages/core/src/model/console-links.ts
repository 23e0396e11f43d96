/**
 * Links from an invocation to where the service that ran it shows the details: the Run Command
 * command (and its output per node), the Automation execution, the Lambda function's log group,
 * the Step Functions execution. SDK-free.
 *
 * None of these console URLs is a documented, stable contract: every path below is **observed**
 * in public code and runbooks (aws-followups note, §8), as are the China and GovCloud hosts. The
 * AUTOMATION `ExecutionId` being the automation execution id is inferred (note §5). Every piece
 * that comes from the service is URL-encoded; only the region (checked) is the caller's.
 */
import { SSM_LIMITS } from './constants';
import { AWS_REGION_PATTERN } from './endpoint';
import { InvalidInputError } from './errors';
import { consoleDomain } from './format';
import { invocationTargets, type InvocationTarget } from './invocation-targets';
import type { InvocationRecord } from './types';

/**
 * What a console link opens.
 *
 * @example
 * ```ts
 * const kind: ConsoleLinkKind = 'run-command-output';
 * ```
 */
export type ConsoleLinkKind =
  | 'run-command'
  | 'run-command-output'
  | 'automation-execution'
  | 'lambda-log-group'
  | 'step-functions-execution';

/**
 * One link into the AWS console.
 *
 * @example
 * ```ts
 * for (const link of consoleLinks({ region, invocation })) console.log(`${link.label}: ${link.url}`);
 * ```
 */
export interface ConsoleLink {
  kind: ConsoleLinkKind;
  /** A short human label, e.g. `Run Command output on i-0abc1234def567890`. */
  label: string;
  url: string;
  /** The instance, node or function the link is about, when it is about one. */
  targetId?: string;
}

/**
 * Input of {@link consoleLinks}.
 *
 * @example
 * ```ts
 * const input: ConsoleLinksInput = { region: 'eu-west-1', invocation };
 * ```
 */
export interface ConsoleLinksInput {
  /** The region the window runs in; its partition picks the console host. */
  region: string;
  invocation: Pick<InvocationRecord, 'TaskType' | 'ExecutionId' | 'Parameters'>;
  /** The invocation's targets; read from `invocation` with `invocationTargets` when left out. */
  targets?: readonly InvocationTarget[];
}

const LAMBDA_ARN_REGION = /^arn:aws[a-z-]*:lambda:([a-z0-9-]+):/;
const STATE_MACHINE_ARN =
  /^arn:(aws[a-z-]*):states:([a-z0-9-]+):(\d{12}):stateMachine:([A-Za-z0-9_-]{1,80})$/;
const EXECUTION_ARN =
  /^arn:aws[a-z-]*:states:([a-z0-9-]+):\d{12}:execution:[A-Za-z0-9_-]{1,80}:[A-Za-z0-9_.-]{1,80}$/;

/** `https://<region>.console.aws.amazon.com`; the China and GovCloud consoles take no region prefix. */
function consoleOrigin(region: string): string {
  const domain = consoleDomain(region);
  return domain === 'console.aws.amazon.com' ? `https://${region}.${domain}` : `https://${domain}`;
}

/** `encodeURIComponent`, keeping `:` (legal in a fragment, and ARNs must stay readable there). */
function encodeFragmentPart(value: string): string {
  return encodeURIComponent(value).replace(/%3A/gi, ':');
}

/**
 * The CloudWatch console's fragment encoding: percent-encode twice, then write `%` as `$`
 * (`/` → `%2F` → `%252F` → `$252F`), as its own links do [observed].
 */
function encodeCloudWatchFragmentPart(value: string): string {
  return encodeURIComponent(encodeURIComponent(value)).replace(/%/g, '$');
}

/** A region named by a server-supplied ARN, if it is one; else the caller's. */
function regionOr(candidate: string | undefined, fallback: string): string {
  return candidate !== undefined && AWS_REGION_PATTERN.test(candidate) ? candidate : fallback;
}

function runCommandLinks(
  origin: string,
  region: string,
  commandId: string,
  targets: readonly InvocationTarget[],
): ConsoleLink[] {
  const base = `${origin}/systems-manager/run-command/${encodeURIComponent(commandId)}`;
  const links: ConsoleLink[] = [
    { kind: 'run-command', label: 'Run Command command', url: `${base}?region=${region}` },
  ];
  for (const target of targets) {
    if (target.kind !== 'instance' && target.kind !== 'managed-node') continue;
    links.push({
      kind: 'run-command-output',
      label: `Run Command output on ${target.id}`,
      url: `${base}/${encodeURIComponent(target.id)}?region=${region}`,
      targetId: target.id,
    });
  }
  return links;
}

function lambdaLinks(region: string, targets: readonly InvocationTarget[]): ConsoleLink[] {
  return targets
    .filter((target) => target.kind === 'lambda-function')
    .map((target) => {
      const fnRegion = regionOr(LAMBDA_ARN_REGION.exec(target.arn ?? '')?.[1], region);
      // Lambda writes to `/aws/lambda/<function name>` whatever the qualifier [documented].
      const group = encodeCloudWatchFragmentPart(`/aws/lambda/${target.id}`);
      return {
        kind: 'lambda-log-group' as const,
        label: `CloudWatch logs of ${target.id}`,
        url: `${consoleOrigin(fnRegion)}/cloudwatch/home?region=${fnRegion}#logsV2:log-groups/log-group/${group}`,
        targetId: target.id,
      };
    });
}

/** The execution ARN: the ExecutionId when it is one [inferred], else state machine ARN + name. */
function stepFunctionsExecutionArn(
  executionId: string | undefined,
  targets: readonly InvocationTarget[],
): string | undefined {
  if (executionId !== undefined && EXECUTION_ARN.test(executionId)) return executionId;
  for (const target of targets) {
    if (target.kind !== 'state-machine' || target.executionName === undefined) continue;
    const machine = STATE_MACHINE_ARN.exec(target.arn ?? '');
    if (machine === null) continue;
    const [, partition, machineRegion, account, name] = machine;
    const arn = `arn:${partition}:states:${machineRegion}:${account}:execution:${name}:${target.executionName}`;
    if (EXECUTION_ARN.test(arn)) return arn;
  }
  return undefined;
}

function stepFunctionsLinks(
  region: string,
  executionId: string | undefined,
  targets: readonly InvocationTarget[],
): ConsoleLink[] {
  const arn = stepFunctionsExecutionArn(executionId, targets);
  if (arn === undefined) return [];
  const arnRegion = regionOr(EXECUTION_ARN.exec(arn)?.[1], region);
  return [
    {
      kind: 'step-functions-execution',
      label: 'Step Functions execution',
      url: `${consoleOrigin(arnRegion)}/states/home?region=${arnRegion}#/v2/executions/details/${encodeFragmentPart(arn)}`,
    },
  ];
}

/**
 * Console links for an invocation, by task type: RUN_COMMAND → the command page and the output
 * page per instance or managed node; AUTOMATION → the execution page; LAMBDA → the function's
 * CloudWatch log group; STEP_FUNCTIONS → the execution page. Partition-aware (`cn-*` and
 * `us-gov-*` regions get their consoles). An id that does not look like one gives no link rather
 * than a broken one. Throws {@link InvalidInputError} (field `region`) for a region that is not one.
 *
 * @example
 * ```ts
 * consoleLinks({
 *   region: 'eu-west-1',
 *   invocation: {
 *     TaskType: 'RUN_COMMAND',
 *     ExecutionId: '0b1f5c9e-2d7a-4c1e-9a55-3f6e8d2a7b10',
 *     Parameters: '{"instanceIds":["i-0abc1234def567890"]}',
 *   },
 * }).map((link) => link.url);
 * // ['https://eu-west-1.console.aws.amazon.com/systems-manager/run-command/0b1f5c9e-2d7a-4c1e-9a55-3f6e8d2a7b10?region=eu-west-1',
 * //  'https://eu-west-1.console.aws.amazon.com/systems-manager/run-command/0b1f5c9e-2d7a-4c1e-9a55-3f6e8d2a7b10/i-0abc1234def567890?region=eu-west-1']
 * ```
 */
export function consoleLinks(input: ConsoleLinksInput): ConsoleLink[] {
  const { region, invocation } = input;
  if (typeof region !== 'string' || !AWS_REGION_PATTERN.test(region)) {
    throw new InvalidInputError('region', 'must be an AWS region such as us-east-1');
  }
  const targets = input.targets ?? invocationTargets(invocation);
  const executionId =
    typeof invocation.ExecutionId === 'string' ? invocation.ExecutionId : undefined;
  const isUuid = executionId !== undefined && SSM_LIMITS.executionId.pattern.test(executionId);
  const origin = consoleOrigin(region);
  switch (invocation.TaskType) {
    case 'RUN_COMMAND':
      return isUuid ? runCommandLinks(origin, region, executionId, targets) : [];
    case 'AUTOMATION':
      return isUuid
        ? [
            {
              kind: 'automation-execution',
              label: 'Automation execution',
              url: `${origin}/systems-manager/automation/execution/${encodeURIComponent(executionId)}?region=${region}`,
            },
          ]
        : [];
    case 'LAMBDA':
      return lambdaLinks(region, targets);
    case 'STEP_FUNCTIONS':
      return stepFunctionsLinks(region, executionId, targets);
    default:
      return [];
  }
}
