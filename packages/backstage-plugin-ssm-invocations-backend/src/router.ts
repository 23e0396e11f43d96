import type {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ENTITY_INVOCATION_ROUTE,
  ENTITY_REPORT_ROUTE,
  ssmInvocationsWindowReadPermission,
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

  async function authorizeWindowRead(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const [decision] = await permissions.authorize(
      [{ permission: ssmInvocationsWindowReadPermission, resourceRef: stringifyEntityRef(entity) }],
      { credentials },
    );
    if (decision?.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Not allowed: ${ssmInvocationsWindowReadPermission.name} on ${stringifyEntityRef(entity)}`,
      );
    }
  }

  async function readEntity(req: Request<Record<string, string>>): Promise<Entity> {
    const ref = readEntityPath(req.params);
    const credentials = await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const entity = await catalog.getEntityByRef(ref, { credentials });
    if (!entity) {
      throw new NotFoundError(`No entity ${ref.kind}:${ref.namespace}/${ref.name} found`);
    }
    await authorizeWindowRead(entity, credentials);
    return entity;
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

  return router;
}
