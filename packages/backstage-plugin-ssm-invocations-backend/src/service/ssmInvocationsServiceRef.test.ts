import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import ssmInvocationsPlugin from '../index';
import { ssmInvocationsServiceRef } from './ssmInvocationsServiceRef';
import type { SsmInvocationsService } from './types';

describe('ssmInvocationsServiceRef', () => {
  it('lets an adopter replace the service; the router still checks the entity first', async () => {
    const service = {
      getEntityReport: jest.fn<
        ReturnType<SsmInvocationsService['getEntityReport']>,
        Parameters<SsmInvocationsService['getEntityReport']>
      >(async () => ({ windows: [] })),
      getEntityInvocation: jest.fn<
        ReturnType<SsmInvocationsService['getEntityInvocation']>,
        Parameters<SsmInvocationsService['getEntityInvocation']>
      >(),
    } satisfies SsmInvocationsService;
    const { server } = await startTestBackend({
      features: [
        ssmInvocationsPlugin,
        createServiceFactory({
          service: ssmInvocationsServiceRef,
          deps: {},
          factory: () => service,
        }),
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: { name: 'svc', namespace: 'default' },
            },
          ],
        }),
        mockServices.rootConfig.factory({ data: {} }),
      ],
    });
    const path = (name: string) =>
      `/api/ssm-invocations/v1/entity/default/component/${name}/report?executions=2`;

    const res = await request(server)
      .get(path('svc'))
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ windows: [] });
    expect(service.getEntityReport).toHaveBeenCalledWith(
      expect.objectContaining({ metadata: expect.objectContaining({ name: 'svc' }) }),
      { executions: 2 },
      // Who asks, for the ownership tag's owner match.
      { ownershipEntityRefs: expect.any(Function) },
    );

    const missing = await request(server)
      .get(path('unknown'))
      .set('Authorization', mockCredentials.user.header());
    expect(missing.status).toBe(404);
    expect(service.getEntityReport).toHaveBeenCalledTimes(1);
  });
});
