import type {
  HttpAuthService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ENTITY_DIAGNOSIS_ROUTE,
  ENTITY_INVOCATION_ROUTE,
  ENTITY_REPORT_ROUTE,
  ENTITY_TASK_TARGETS_ROUTE,
  type InvocationIds,
  type TaskIds,
} from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import type { Request, Response, Router as ExpressRouter } from 'express';
import Router from 'express-promise-router';
import { EncodedBodies } from './EncodedBodies';
import { EntityOperations } from './EntityOperations';
import { readEntityPath } from './entityPath';
import { toHttpError } from './errors';
import type { SsmInvocationsService } from './service/types';

/**
 * What {@link createRouter} needs.
 *
 * @example
 * ```ts
 * await createRouter({ service, catalog, httpAuth, permissions });
 * ```
 *
 * @public
 */
export interface RouterOptions {
  /** Reads reports and diagnoses from SSM (`ssmInvocationsServiceRef`). */
  service: SsmInvocationsService;
  /** Reads the path's entity with the caller's credentials. */
  catalog: CatalogService;
  /** The caller's credentials (users and services; 401 without). */
  httpAuth: HttpAuthService;
  /** Decides `ssm-invocations.window.read` per entity with the caller's credentials. */
  permissions: PermissionsService;
  /**
   * Whom a user belongs to: with `ownershipTag`, a window tagged for an entity's owner is shown
   * only to its members. Without it, only windows tagged for the entity itself are.
   */
  userInfo?: UserInfoService;
}

function singleQueryValue(req: Request, key: string): string | undefined {
  const value = req.query[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw new InputError(`Query parameter ${key} must be given once, as a plain value`);
  }
  return value;
}

function readExecutions(req: Request): number | undefined {
  const raw = singleQueryValue(req, 'executions');
  if (raw === undefined) return undefined;
  if (!/^\d{1,4}$/.test(raw)) {
    throw new InputError(
      `Query parameter executions must be a positive integer, got "${raw.slice(0, 20)}"`,
    );
  }
  return Number(raw);
}

function requiredQueryValue(req: Request, key: string): string {
  const value = singleQueryValue(req, key);
  if (value === undefined) throw new InputError(`Query parameter ${key} is required`);
  return value;
}

function readTaskIds(req: Request): TaskIds {
  return {
    windowExecutionId: requiredQueryValue(req, 'windowExecutionId'),
    taskId: requiredQueryValue(req, 'taskId'),
  };
}

function readInvocationIds(req: Request): InvocationIds {
  return { ...readTaskIds(req), invocationId: requiredQueryValue(req, 'invocationId') };
}

function readStatuses(req: Request): string[] | undefined {
  const raw = singleQueryValue(req, 'statuses');
  if (raw === undefined) return undefined;
  return raw.split(',').map((status) => status.trim());
}

/**
 * The plugin's HTTP API, mounted by the plugin at `/api/ssm-invocations`:
 *
 * - `GET /health` → `{ status: 'ok' }` (no authentication)
 * - `GET /v1/entity/:namespace/:kind/:name/report?executions=N&statuses=A,B` → `EntityReportResponse`
 *   (per window the summary-shaped report: counts, and only the targets worth looking at)
 * - `GET /v1/entity/:namespace/:kind/:name/targets?windowExecutionId&taskId&nextToken` → one page
 *   of a task's targets (`EntityTaskTargetsResponse`)
 * - `GET /v1/entity/:namespace/:kind/:name/invocations/:windowExecutionId/:taskId/:invocationId`
 *   → the invocation (dates as ISO strings)
 * - `GET /v1/entity/:namespace/:kind/:name/diagnosis?windowExecutionId&taskId&invocationId`
 *   → `EntityDiagnosisResponse`; command output only when the caller is also allowed
 *   `ssm-invocations.output.read` on the entity (else `outputWithheld: true`)
 *
 * Every entity route first checks the path's kind, namespace and name against the catalog's rules
 * (400), then reads the entity from the catalog with the caller's credentials, so the catalog's
 * permission rules decide who sees what (an entity the caller cannot read is a 404), and then asks
 * the permission policy for `ssm-invocations.window.read` on that entity (403 when denied). Only
 * then is SSM called.
 *
 * @example
 * ```ts
 * httpRouter.use(await createRouter({ service, catalog, httpAuth, permissions }));
 * ```
 *
 * @public
 */
export async function createRouter(options: RouterOptions): Promise<ExpressRouter> {
  const { service, catalog, httpAuth, permissions, userInfo } = options;
  const operations = new EntityOperations({ service, catalog, permissions, userInfo });
  const router = Router();

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  /** The path's entity and the caller's credentials (users and services; 401 without). */
  async function caller(req: Request<Record<string, string>>) {
    const ref = readEntityPath(req.params);
    return [ref, await httpAuth.credentials(req, { allow: ['user', 'service'] })] as const;
  }

  const bodies = new EncodedBodies();

  /** Runs a route, turning core errors into Backstage HTTP errors (and Retry-After). */
  async function answer(req: Request, res: Response, work: () => Promise<object>): Promise<void> {
    try {
      bodies.send(req, res, await work());
    } catch (caught) {
      const { error, retryAfterSeconds } = toHttpError(caught);
      if (retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(retryAfterSeconds));
      throw error;
    }
  }

  router.get(ENTITY_REPORT_ROUTE, async (req, res) => {
    await answer(req, res, async () =>
      operations.report(...(await caller(req)), () => {
        const executions = readExecutions(req);
        const statuses = readStatuses(req);
        return {
          ...(executions !== undefined ? { executions } : {}),
          ...(statuses !== undefined ? { statuses } : {}),
        };
      }),
    );
  });

  router.get(ENTITY_INVOCATION_ROUTE, async (req, res) => {
    await answer(req, res, async () => {
      const { windowExecutionId, taskId, invocationId } = req.params;
      return operations.invocation(...(await caller(req)), {
        windowExecutionId,
        taskId,
        invocationId,
      });
    });
  });

  router.get(ENTITY_DIAGNOSIS_ROUTE, async (req, res) => {
    await answer(req, res, async () =>
      operations.diagnosis(...(await caller(req)), () => readInvocationIds(req)),
    );
  });

  router.get(ENTITY_TASK_TARGETS_ROUTE, async (req, res) => {
    await answer(req, res, async () =>
      operations.taskTargets(...(await caller(req)), () => {
        const nextToken = singleQueryValue(req, 'nextToken');
        return { ...readTaskIds(req), ...(nextToken === undefined ? {} : { nextToken }) };
      }),
    );
  });

  return router;
}
