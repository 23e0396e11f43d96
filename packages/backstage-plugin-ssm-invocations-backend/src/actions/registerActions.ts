import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef, type CompoundEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { EntityOperations } from '../EntityOperations';
import { readEntityPath } from '../entityPath';
import { toHttpError } from '../errors';
import { diagnosisOutputSchema, entityRefSchema, windowReportOutputSchema } from './actionSchemas';

/** The entity an action names, checked against the catalog's rules like a route's path. */
function readEntityRef(entityRef: string): CompoundEntityRef {
  let ref: CompoundEntityRef;
  try {
    ref = parseEntityRef(entityRef, { defaultKind: 'component', defaultNamespace: 'default' });
  } catch {
    // The caller's text is not echoed.
    throw new InputError('entityRef is not an entity ref like component:default/payments-api');
  }
  return readEntityPath({ ...ref });
}

/**
 * Runs an action's work and answers its result as the HTTP route's JSON body would be (dates as
 * ISO strings), turning core errors into Backstage errors (404, 400, 503 …). The registry checks
 * the output against the action's schema.
 */
async function answer(
  work: () => Promise<object>,
): Promise<{ output: ReturnType<typeof JSON.parse> }> {
  try {
    return { output: JSON.parse(JSON.stringify(await work())) };
  } catch (caught) {
    throw toHttpError(caught).error;
  }
}

/**
 * Registers the plugin's read-only actions (`get-window-report`, `diagnose-invocation`) for
 * agents, e.g. MCP clients through `@backstage/plugin-mcp-actions-backend`. Each runs with the
 * caller's credentials through the same entity, ownership and permission checks as the HTTP
 * routes (`EntityOperations`), so an agent sees exactly what its user would see on the card.
 *
 * @example
 * ```ts
 * registerSsmInvocationsActions(actionsRegistry, operations);
 * ```
 */
export function registerSsmInvocationsActions(
  actionsRegistry: ActionsRegistryService,
  operations: EntityOperations,
): void {
  actionsRegistry.register({
    name: 'get-window-report',
    title: 'Get maintenance window report',
    description:
      'Which targets of the AWS Systems Manager maintenance windows annotated on a catalog entity ran, which failed, and why: per window its latest executions, per execution and task the status, counts by status and durations, and only the failed, timed-out, cancelled or still-running targets (capped per task, with the count of the rest).',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: (z) =>
        z.object({
          entityRef: entityRefSchema(z),
          executions: z
            .number()
            .int()
            .min(1)
            .optional()
            .describe('Latest executions per window (default: the backend configuration)'),
        }),
      output: (z) => windowReportOutputSchema(z),
    },
    action: async ({ input, credentials }) =>
      answer(() =>
        operations.report(readEntityRef(input.entityRef), credentials, () =>
          input.executions === undefined ? {} : { executions: input.executions },
        ),
      ),
  });

  actionsRegistry.register({
    name: 'diagnose-invocation',
    title: 'Diagnose a maintenance window invocation',
    description:
      'Why one target of a maintenance window task failed: the instances it ran on, per node the exit code and the tail of stderr/stdout (Run Command) or the failed step (Automation), and AWS console links. Ids come from get-window-report. Command output only for callers allowed ssm-invocations.output.read.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: (z) =>
        z.object({
          entityRef: entityRefSchema(z),
          windowExecutionId: z
            .string()
            .describe("The execution's WindowExecutionId, from get-window-report"),
          taskId: z.string().describe("The task's TaskExecutionId, from get-window-report"),
          invocationId: z.string().describe("The target's InvocationId, from get-window-report"),
        }),
      output: (z) => diagnosisOutputSchema(z),
    },
    action: async ({ input, credentials }) =>
      answer(() => {
        const { entityRef, windowExecutionId, taskId, invocationId } = input;
        return operations.diagnosis(readEntityRef(entityRef), credentials, () => ({
          windowExecutionId,
          taskId,
          invocationId,
        }));
      }),
  });
}
