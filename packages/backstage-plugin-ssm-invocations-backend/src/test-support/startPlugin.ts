/**
 * Test support (not exported by the package): the plugin in a test backend against an emulator,
 * with an in-memory catalog and a permission policy given as a function.
 */
import type { Server } from 'node:http';
import type { BackstageCredentials, ServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  type AuthorizePermissionRequest,
} from '@backstage/plugin-permission-common';
import ssmInvocationsPlugin from '../index';
import { emulatorConfig, type Emulator } from './demoEntities';

/** A permission policy for the test: allow or deny one request of one caller. */
export type TestPolicy = (
  request: AuthorizePermissionRequest,
  credentials: BackstageCredentials,
) => AuthorizeResult.ALLOW | AuthorizeResult.DENY;

/** What the plugin asked the permission framework, one entry per request. */
export interface AuthorizeCall {
  permission: string;
  resourceRef?: string;
  principal: unknown;
}

/** A started test backend with the plugin. */
export interface StartedPlugin {
  backend: { stop(): Promise<void> };
  server: Server;
  authorizeCalls: AuthorizeCall[];
  /** The catalog's getEntityByRef, counted. */
  getEntityByRef: jest.Mock;
}

/** Starts the plugin; `ssmInvocations` overrides merge into the emulator config. */
export async function startPlugin(options: {
  emulator: Emulator;
  entities: Entity[];
  ssmInvocations?: Record<string, unknown>;
  policy?: TestPolicy;
  features?: ServiceFactory[];
  /** Users from whom the catalog hides every entity, as a catalog read rule would. */
  hiddenFrom?: string[];
}): Promise<StartedPlugin> {
  const { emulator, entities, ssmInvocations = {}, policy = () => AuthorizeResult.ALLOW } = options;
  const authorizeCalls: AuthorizeCall[] = [];
  const inMemory = catalogServiceMock({ entities });
  const hiddenFrom = new Set(options.hiddenFrom ?? []);
  const getEntityByRef = jest.fn(async (...args: Parameters<typeof inMemory.getEntityByRef>) => {
    const credentials = args[1] && 'credentials' in args[1] ? args[1].credentials : undefined;
    const user = (credentials?.principal as { userEntityRef?: string } | undefined)?.userEntityRef;
    return user !== undefined && hiddenFrom.has(user)
      ? undefined
      : inMemory.getEntityByRef(...args);
  });
  const catalog = catalogServiceMock.mock({ getEntityByRef });
  const permissions = mockServices.permissions.mock({
    authorize: async (requests, { credentials }) =>
      requests.map((request) => {
        const resourceRef = 'resourceRef' in request ? request.resourceRef : undefined;
        authorizeCalls.push({
          permission: request.permission.name,
          ...(resourceRef === undefined ? {} : { resourceRef }),
          principal: credentials.principal,
        });
        return { result: policy(request as AuthorizePermissionRequest, credentials) };
      }),
  });
  const backend = await startTestBackend({
    features: [
      ssmInvocationsPlugin,
      catalog.factory,
      permissions.factory,
      ...(options.features ?? []),
      mockServices.rootConfig.factory({ data: emulatorConfig(emulator, ssmInvocations) }),
    ],
  });
  return { backend, server: backend.server, authorizeCalls, getEntityByRef };
}
