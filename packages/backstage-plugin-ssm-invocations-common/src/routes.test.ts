import {
  ENTITY_DIAGNOSIS_ROUTE,
  ENTITY_INVOCATION_ROUTE,
  ENTITY_REPORT_ROUTE,
  ENTITY_TASK_TARGETS_ROUTE,
  entityDiagnosisPath,
  entityInvocationPath,
  entityReportPath,
  entityTaskTargetsPath,
} from './routes';

/** Matches a path against a route pattern the way an HTTP router does: one segment per param. */
function matchRoute(route: string, path: string): Record<string, string> | undefined {
  const names: string[] = [];
  const pattern = route.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const [pathname = ''] = path.split('?');
  const match = new RegExp(`^${pattern}$`).exec(pathname);
  if (!match) return undefined;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? '')]));
}

const entity = { namespace: 'default', kind: 'Component', name: 'payments-api' };

describe('entityReportPath', () => {
  it('builds the report path without a query when none is given', () => {
    expect(entityReportPath(entity)).toBe('/v1/entity/default/Component/payments-api/report');
  });

  it('adds executions and statuses to the query', () => {
    expect(entityReportPath(entity, { executions: 7, statuses: ['FAILED', 'TIMED_OUT'] })).toBe(
      '/v1/entity/default/Component/payments-api/report?executions=7&statuses=FAILED,TIMED_OUT',
    );
  });

  it('encodes each part so that a slash in a name stays inside its segment', () => {
    const odd = { namespace: 'team a', kind: 'Component', name: 'pay/ments?x#1' };
    const path = entityReportPath(odd);
    expect(path).toBe('/v1/entity/team%20a/Component/pay%2Fments%3Fx%231/report');
    expect(matchRoute(ENTITY_REPORT_ROUTE, path)).toEqual(odd);
  });
});

describe('entityInvocationPath', () => {
  const ids = {
    windowExecutionId: '0b5e3d8e-2f4b-4f43-9a8e-6a1d2c3b4a50',
    taskId: 't/1',
    invocationId: 'i#1',
  };

  it('builds a path the invocation route matches, giving back every id', () => {
    const path = entityInvocationPath(entity, ids);
    expect(path).toBe(
      '/v1/entity/default/Component/payments-api/invocations/0b5e3d8e-2f4b-4f43-9a8e-6a1d2c3b4a50/t%2F1/i%231',
    );
    expect(matchRoute(ENTITY_INVOCATION_ROUTE, path)).toEqual({ ...entity, ...ids });
  });

  it('is not matched by the report route (and the other way round)', () => {
    expect(matchRoute(ENTITY_REPORT_ROUTE, entityInvocationPath(entity, ids))).toBeUndefined();
    expect(matchRoute(ENTITY_INVOCATION_ROUTE, entityReportPath(entity))).toBeUndefined();
  });
});

describe('entityDiagnosisPath', () => {
  const ids = {
    windowExecutionId: '0b5e3d8e-2f4b-4f43-9a8e-6a1d2c3b4a50',
    taskId: 't&1',
    invocationId: 'i#1',
  };

  it('puts the ids in the query, encoded, on a path the diagnosis route matches', () => {
    const path = entityDiagnosisPath(entity, ids);
    expect(path).toBe(
      '/v1/entity/default/Component/payments-api/diagnosis?windowExecutionId=0b5e3d8e-2f4b-4f43-9a8e-6a1d2c3b4a50&taskId=t%261&invocationId=i%231',
    );
    expect(matchRoute(ENTITY_DIAGNOSIS_ROUTE, path)).toEqual(entity);
    const query = new URLSearchParams(path.split('?')[1]);
    expect(Object.fromEntries(query)).toEqual(ids);
    expect(matchRoute(ENTITY_REPORT_ROUTE, path)).toBeUndefined();
  });
});

describe('entityTaskTargetsPath', () => {
  const ids = { windowExecutionId: 'e/1', taskId: 't&2' };

  it('names the task in the query, each value encoded', () => {
    const path = entityTaskTargetsPath(entity, ids);
    expect(path).toBe(
      '/v1/entity/default/Component/payments-api/targets?windowExecutionId=e%2F1&taskId=t%262',
    );
    expect(matchRoute(ENTITY_TASK_TARGETS_ROUTE, path)).toEqual(entity);
  });

  it('adds the next token after the first page', () => {
    const path = entityTaskTargetsPath(entity, ids, { nextToken: 'a+b=' });
    expect(new URLSearchParams(path.split('?')[1]).get('nextToken')).toBe('a+b=');
  });
});
