import type { HttpAuthService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ENTITY_INVOCATION_ROUTE,
  ENTITY_REPORT_ROUTE,
} from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import type { Request, Response, Router as ExpressRouter } from 'express';
import Router from 'express-promise-router';
import { EncodedBodies } from './EncodedBodies';
import { toHttpError } from './errors';
import type { SsmInvocationsService } from './service/types';

/**
 * What {@link createRouter} needs.
 *
 * @example
 * ```ts
 * await createRouter({ service, catalog, httpAuth });
 * ```
 */
export interface RouterOptions {
  service: SsmInvocationsService;
  catalog: CatalogService;
  httpAuth: HttpAuthService;
}

type EntityParams = { namespace: string; kind: string; name: string };

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
 * Every entity route first reads the entity from the catalog with the caller's credentials, so the
 * catalog's permission rules decide who sees what; an entity the caller cannot read is a 404.
 *
 * @example
 * ```ts
 * httpRouter.use(await createRouter({ service, catalog, httpAuth }));
 * ```
 */
export async function createRouter(options: RouterOptions): Promise<ExpressRouter> {
  const { service, catalog, httpAuth } = options;
  const router = Router();

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  async function readEntity(req: Request<EntityParams>): Promise<Entity> {
    const credentials = await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const { namespace, kind, name } = req.params;
    const entity = await catalog.getEntityByRef({ kind, namespace, name }, { credentials });
    if (!entity) {
      throw new NotFoundError(`No entity ${kind}:${namespace}/${name} found`);
    }
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
