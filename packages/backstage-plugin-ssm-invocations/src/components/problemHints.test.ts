import { SSM_INVOCATIONS_IAM_ACTIONS } from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { explainProblem } from './problemHints';

describe('explainProblem', () => {
  it('says the card retries a throttled request itself, but not a throttled window', () => {
    expect(explainProblem({ statusCode: 503, message: 'Rate exceeded' }).fix).toMatch(
      /^The card retries on its own, waiting longer after each failure/,
    );
    const windowProblem = explainProblem({ code: 'THROTTLED', message: 'Rate exceeded' });
    expect(windowProblem.title).toBe('AWS is throttling requests');
    expect(windowProblem.fix).not.toMatch(/retries on its own/);
    expect(windowProblem.fix).toMatch(/^Reload the page in a minute/);
  });

  it('names the exact SSM action AWS refused', () => {
    const problem = explainProblem({
      code: 'ACCESS_DENIED',
      name: 'AccessDeniedError',
      message: 'User is not authorized to perform this action',
      operation: 'GetMaintenanceWindow',
    });
    expect(problem.title).toBe('AWS denied access');
    expect(problem.fix).toMatch(/^Allow ssm:GetMaintenanceWindow to the AWS role/);
  });

  it('lists all nine actions when the failed operation is unknown, whatever the message says', () => {
    const problem = explainProblem({
      code: 'ACCESS_DENIED',
      message: 'not authorized to perform: ssm:DeleteMaintenanceWindow',
    });
    expect(problem.fix).not.toContain('ssm:DeleteMaintenanceWindow');
    expect(SSM_INVOCATIONS_IAM_ACTIONS).toHaveLength(9);
    for (const action of SSM_INVOCATIONS_IAM_ACTIONS) expect(problem.fix).toContain(action);
  });

  it.each([
    [{ statusCode: 401, message: 'Missing credentials' }, 'Not signed in'],
    [{ statusCode: 404, message: 'Not found' }, 'Entity or backend route not found'],
    [{ statusCode: 400, message: 'bad arn' }, 'Invalid annotation or request'],
    [{ statusCode: 503, message: 'throttled' }, 'AWS is throttling requests'],
    [{ code: 'NOT_FOUND', message: 'no window' }, 'Maintenance window not found'],
    [{ name: 'TypeError', message: 'Failed to fetch' }, 'Backend unreachable'],
    [{ message: 'boom' }, 'Could not load maintenance window runs'],
    [{ message: 'AccessDenied: Failed to fetch' }, 'Could not load maintenance window runs'],
  ])('explains %j as %s', (error, title) => {
    expect(explainProblem(error).title).toBe(title);
  });

  it.each([
    ['unknown-key', /^AWS does not know the access key the Backstage backend signs with/],
    ['signature-mismatch', /secret key does not match its access key/],
    ['expired', /session token has expired/],
    ['wrong-region', /signs for another region than the window's/],
    ['clock-skew', /clock is more than 5 minutes off/],
  ])("credentials AWS refused (%s) are the backend's to fix, not an IAM action", (rule, fix) => {
    const problem = explainProblem({
      code: 'ACCESS_DENIED',
      name: 'AccessDeniedError',
      message: 'GetMaintenanceWindow failed: InvalidSignatureException',
      operation: 'GetMaintenanceWindow',
      credentialFault: { rule },
    });
    expect(problem.title).toBe("AWS refused the backend's credentials");
    expect(problem.fix).toMatch(fix);
    expect(problem.fix).not.toContain('ssm:');
  });

  it('an unknown credential fault rule (e.g. toString) falls back to the IAM hint', () => {
    const problem = explainProblem({
      code: 'ACCESS_DENIED',
      operation: 'GetMaintenanceWindow',
      credentialFault: { rule: 'toString' },
    });
    expect(problem.title).toBe('AWS denied access');
    expect(problem.fix).toMatch(/^Allow ssm:GetMaintenanceWindow/);
  });
});
