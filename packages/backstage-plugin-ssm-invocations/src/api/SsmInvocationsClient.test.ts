import { ResponseError } from '@backstage/errors';
import { SsmInvocationsClient } from './SsmInvocationsClient';

const entity = { kind: 'Component', namespace: 'default', name: 'payments' };

function clientAnswering(response: Response) {
  const fetch = jest.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => response);
  const discoveryApi = {
    getBaseUrl: jest.fn(async (pluginId: string) => `http://127.0.0.1:7007/api/${pluginId}`),
  };
  return {
    client: new SsmInvocationsClient({ discoveryApi, fetchApi: { fetch } }),
    fetch,
    discoveryApi,
  };
}

describe('SsmInvocationsClient', () => {
  it('asks the ssm-invocations backend for the entity report', async () => {
    const { client, fetch, discoveryApi } = clientAnswering(
      new Response(JSON.stringify({ windows: [] }), { status: 200 }),
    );
    await expect(client.getEntityReport(entity, { executions: 7 })).resolves.toEqual({
      windows: [],
    });
    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('ssm-invocations');
    expect(fetch.mock.calls[0]?.[0]).toBe(
      'http://127.0.0.1:7007/api/ssm-invocations/v1/entity/default/Component/payments/report?executions=7',
    );
  });

  it('encodes every path segment of an invocation request', async () => {
    const { client, fetch } = clientAnswering(
      new Response(JSON.stringify({ InvocationId: 'x' }), { status: 200 }),
    );
    await client.getInvocation(
      { kind: 'Component', namespace: 'team a', name: 'pay/ments' },
      { windowExecutionId: 'we', taskId: 't?1', invocationId: 'i#1' },
    );
    expect(fetch.mock.calls[0]?.[0]).toBe(
      'http://127.0.0.1:7007/api/ssm-invocations/v1/entity/team%20a/Component/pay%2Fments/invocations/we/t%3F1/i%231',
    );
  });

  it('asks for a diagnosis with the ids in the query', async () => {
    const body = { diagnosis: { taskType: 'UNKNOWN' }, outputWithheld: true };
    const { client, fetch } = clientAnswering(new Response(JSON.stringify(body), { status: 200 }));
    await expect(
      client.getDiagnosis(entity, { windowExecutionId: 'we', taskId: 't&1', invocationId: 'i1' }),
    ).resolves.toEqual(body);
    expect(fetch.mock.calls[0]?.[0]).toBe(
      'http://127.0.0.1:7007/api/ssm-invocations/v1/entity/default/Component/payments/diagnosis?windowExecutionId=we&taskId=t%261&invocationId=i1',
    );
  });

  it("asks for a page of a task's targets, with the next token after the first", async () => {
    const body = { invocations: [], nextToken: 'n+1' };
    const { client, fetch } = clientAnswering(new Response(JSON.stringify(body), { status: 200 }));
    await expect(
      client.getTaskTargets(
        entity,
        { windowExecutionId: 'we', taskId: 't1' },
        { nextToken: 'a=b' },
      ),
    ).resolves.toEqual(body);
    expect(fetch.mock.calls[0]?.[0]).toBe(
      'http://127.0.0.1:7007/api/ssm-invocations/v1/entity/default/Component/payments/targets?windowExecutionId=we&taskId=t1&nextToken=a%3Db',
    );
  });

  it('throws a ResponseError carrying the backend error and status', async () => {
    const body = {
      error: { name: 'ServiceUnavailableError', message: 'SSM is throttling requests' },
      request: { method: 'GET', url: '/v1/entity/default/component/payments/report' },
      response: { statusCode: 503 },
    };
    const { client } = clientAnswering(
      new Response(JSON.stringify(body), {
        status: 503,
        statusText: 'Service Unavailable',
        headers: { 'content-type': 'application/json', 'retry-after': '2' },
      }),
    );
    const error = await client.getEntityReport(entity).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect((error as ResponseError).statusCode).toBe(503);
    expect((error as ResponseError).body.error.message).toBe('SSM is throttling requests');
  });
});
