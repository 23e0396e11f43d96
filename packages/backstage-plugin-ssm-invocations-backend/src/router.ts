import type {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError, NotImplementedError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ENTITY_DIAGNOSIS_ROUTE,
  ENTITY_INVOCATION_ROUTE,
  ENTITY_REPORT_ROUTE,
  ssmInvocationsOutputReadPermission,
  ssmInvocationsWindowReadPermission,
  type InvocationIds,
} from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import type { Request, Response, Router as ExpressRouter } from 'express';
import Router from 'express-promise-router';
import { EncodedBodies } from './EncodedBodies';
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
 */
export interface RouterOptions {
  service: SsmInvocationsService;
  catalog: CatalogService;
  httpAuth: HttpAuthService;
  /** Decides `ssm-invocations.window.read` per entity with the caller's credentials. */
  permissions: PermissionsService;
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

function readInvocationIds(req: Request): InvocationIds {
  const ids = ['windowExecutionId', 'taskId', 'invocationId'] as const;
  const [windowExecutionId, taskId, invocationId] = ids.map((key) => {
    const value = singleQueryValue(req, key);
    if (value === undefined) throw new InputError(`Query parameter ${key} is required`);
    return value;
  });
  return {
    windowExecutionId: windowExecutionId ?? '',
    taskId: taskId ?? '',
    invocationId: invocationId ?? '',
  };
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
 */
export async function createRouter(options: RouterOptions): Promise<ExpressRouter> {
  const { service, catalog, httpAuth, permissions } = options;
  const router = Router();

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  /** Whether the policy allows `permission` on the entity for the caller. */
  async function isAllowed(
    permission: typeof ssmInvocationsWindowReadPermission,
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    const [decision] = await permissions.authorize(
      [{ permission, resourceRef: stringifyEntityRef(entity) }],
      { credentials },
    );
    return decision?.result === AuthorizeResult.ALLOW;
  }

  /** The path's entity, read with the caller's credentials, if `window.read` allows it. */
  async function readEntityAs(
    req: Request<Record<string, string>>,
  ): Promise<{ entity: Entity; credentials: BackstageCredentials }> {
    const ref = readEntityPath(req.params);
    const credentials = await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const entity = await catalog.getEntityByRef(ref, { credentials });
    if (!entity) {
      throw new NotFoundError(`No entity ${ref.kind}:${ref.namespace}/${ref.name} found`);
    }
    if (!(await isAllowed(ssmInvocationsWindowReadPermission, entity, credentials))) {
      throw new NotAllowedError(
        `Not allowed: ${ssmInvocationsWindowReadPermission.name} on ${stringifyEntityRef(entity)}`,
      );
    }
    return { entity, credentials };
  }

  async function readEntity(req: Request<Record<string, string>>): Promise<Entity> {
    return (await readEntityAs(req)).entity;
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
    await answer(req, res, async () => {
      const entity = await readEntity(req);
      const executions = readExecutions(req);
      const statuses = readStatuses(req);
      return service.getEntityReport(entity, {
        ...(executions !== undefined ? { executions } : {}),
        ...(statuses !== undefined ? { statuses } : {}),
      });
    });
  });

  router.get(ENTITY_INVOCATION_ROUTE, async (req, res) => {
    await answer(req, res, async () => {
      const entity = await readEntity(req);
      const { windowExecutionId, taskId, invocationId } = req.params;
      return service.getEntityInvocation(entity, { windowExecutionId, taskId, invocationId });
    });
  });

  router.get(ENTITY_DIAGNOSIS_ROUTE, async (req, res) => {
    await answer(req, res, async () => {
      const { entity, credentials } = await readEntityAs(req);
      const ids = readInvocationIds(req);
      if (!service.getEntityDiagnosis) {
        throw new NotImplementedError('The configured ssm-invocations service has no diagnosis');
      }
      const includeOutput = await isAllowed(
        ssmInvocationsOutputReadPermission,
        entity,
        credentials,
      );
      return service.getEntityDiagnosis(entity, ids, { includeOutput });
    });
  });

  return router;
}
