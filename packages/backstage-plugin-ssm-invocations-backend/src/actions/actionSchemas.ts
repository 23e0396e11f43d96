import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';

/** The zod namespace the actions registry hands to schema builders (its `zod/v3`). */
export type Zod = Parameters<
  Parameters<ActionsRegistryService['register']>[0]['schema']['input']
>[0];

// Output schemas name what an agent reads first and pass every other member through unchanged
// (`passthrough`), so the registry's output check neither strips fields nor needs a copy of
// every record type.

/** Counts and durations over a set of invocations (core's `InvocationSummary`). */
function summarySchema(z: Zod) {
  return z.object({
    total: z.number(),
    byStatus: z.record(z.number()),
    failed: z.number().describe('FAILED + TIMED_OUT + CANCELLED'),
    running: z.number().describe('PENDING + IN_PROGRESS + CANCELLING'),
    successRate: z.number().nullable(),
    durationMs: z.object({ min: z.number(), p50: z.number(), max: z.number() }).nullable(),
  });
}

/** Core's `ReportError`, or the backend's `NOT_ALLOWED` refusal. */
function reportErrorSchema(z: Zod) {
  return z.object({ code: z.string(), name: z.string(), message: z.string() }).passthrough();
}

function invocationSchema(z: Zod) {
  return z
    .object({
      InvocationId: z.string().optional(),
      Status: z.string().optional(),
      StatusDetails: z.string().optional(),
      targets: z
        .array(z.object({ kind: z.string(), id: z.string() }).passthrough())
        .optional()
        .describe('The instances (or other resources) the invocation ran on'),
    })
    .passthrough();
}

function taskSchema(z: Zod) {
  return z
    .object({
      task: z
        .object({ TaskExecutionId: z.string().optional(), Status: z.string().optional() })
        .passthrough(),
      summary: summarySchema(z),
      invocations: z
        .array(invocationSchema(z))
        .describe('Only failed, timed-out, cancelled and running targets, capped'),
      invocationsOmitted: z.number().describe('Such targets left out by the cap'),
      error: reportErrorSchema(z).optional(),
    })
    .passthrough();
}

function reportSchema(z: Zod) {
  const execution = z
    .object({
      execution: z
        .object({ WindowExecutionId: z.string().optional(), Status: z.string().optional() })
        .passthrough(),
      tasks: z.array(taskSchema(z)),
      summary: summarySchema(z),
    })
    .passthrough();
  return z
    .object({
      window: z
        .object({ WindowId: z.string().optional(), Name: z.string().optional() })
        .passthrough(),
      executions: z.array(execution).describe('Newest first'),
      summary: summarySchema(z),
      generatedAt: z.string(),
      maxTargetsPerTask: z.number(),
    })
    .passthrough();
}

/** A zod object schema, as the registry takes it (the precise type stays inside this module). */
export type ObjectSchema = ReturnType<Zod['object']>;

/** Output of `get-window-report`: the report route's body (`EntityReportResponse`). */
export function windowReportOutputSchema(z: Zod): ObjectSchema {
  return z.object({
    windows: z.array(
      z
        .object({
          windowArn: z.string(),
          region: z.string(),
          accountId: z.string(),
          windowId: z.string(),
          report: reportSchema(z).optional(),
          error: reportErrorSchema(z).optional(),
        })
        .passthrough(),
    ),
  });
}

/** Output of `diagnose-invocation`: the diagnosis route's body (`EntityDiagnosisResponse`). */
export function diagnosisOutputSchema(z: Zod): ObjectSchema {
  return z.object({
    diagnosis: z
      .object({ taskType: z.string().optional() })
      .passthrough()
      .describe(
        'RUN_COMMAND: per node status, exit code, stderr/stdout tails; AUTOMATION: the failed step; console links; notes',
      ),
    outputWithheld: z
      .boolean()
      .describe('True when the caller may not read command output (ssm-invocations.output.read)'),
  });
}

/** The `entityRef` input both actions take. */
export function entityRefSchema(z: Zod): ReturnType<Zod['string']> {
  return z
    .string()
    .min(1)
    .describe(
      'Catalog entity ref, e.g. component:default/payments-api (kind component and namespace default when left out)',
    );
}
