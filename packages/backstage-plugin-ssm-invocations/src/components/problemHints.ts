// Turns what went wrong into what to fix. The card shows these under its error panels.
import { SSM_INVOCATIONS_IAM_ACTIONS } from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { iamActionOf } from '@ssm-invocations/core/model';

/** A failure as the card explains it. */
export interface Problem {
  title: string;
  message: string;
  /** What to change so that the card works. */
  fix: string;
}

interface ErrorLike {
  name?: string;
  message?: string;
  code?: string;
  statusCode?: number;
  /** The SSM operation that failed (core's report errors carry it). */
  operation?: string;
  /** Set by core when AWS refused the backend's credentials themselves, not a permission. */
  credentialFault?: { setting?: string; rule?: string };
}

/** What to fix on the backend for each of core's credential fault rules. */
const CREDENTIAL_FIXES: Readonly<Record<string, string>> = {
  'unknown-key':
    'AWS does not know the access key the Backstage backend signs with: check its AWS credentials (aws.accounts / its credential provider).',
  'signature-mismatch':
    "The Backstage backend's secret key does not match its access key: check its AWS credentials.",
  expired:
    "The Backstage backend's session token has expired: refresh its credentials, or let its credential provider renew them.",
  'wrong-region':
    "The Backstage backend signs for another region than the window's: check the region in the entity annotation and in the backend's AWS settings.",
  'clock-skew':
    "The Backstage backend's clock is more than 5 minutes off AWS's: set the host's time right (NTP).",
};

function describeAccessDenied(operation: string | undefined): string {
  // The report error names the operation AWS refused; point at exactly its IAM action.
  const action = iamActionOf(operation);
  return action
    ? `Allow ${action} to the AWS role the Backstage backend uses (the card needs ${SSM_INVOCATIONS_IAM_ACTIONS.join(', ')}).`
    : `Allow these actions to the AWS role the Backstage backend uses: ${SSM_INVOCATIONS_IAM_ACTIONS.join(', ')}.`;
}

/**
 * Explains an error from the backend: either the whole request failing (a `ResponseError`, with
 * `statusCode`) or one window's `error` entry (with the core error `code` and `operation`). Only
 * fields decide; the message is shown as it came.
 */
export function explainProblem(error: ErrorLike): Problem {
  const message = error.message ?? String(error);
  const code = error.code ?? '';
  const name = error.name ?? '';
  if (code === 'ACCESS_DENIED' || name === 'AccessDeniedError') {
    // Own keys only: the rule is data from the backend, and `toString` is no rule.
    const rule = error.credentialFault?.rule;
    const credentialFix =
      rule !== undefined && Object.hasOwn(CREDENTIAL_FIXES, rule)
        ? CREDENTIAL_FIXES[rule]
        : undefined;
    if (credentialFix !== undefined) {
      return { title: "AWS refused the backend's credentials", message, fix: credentialFix };
    }
    return { title: 'AWS denied access', message, fix: describeAccessDenied(error.operation) };
  }
  if (code === 'THROTTLED' || name === 'ThrottledError' || error.statusCode === 503) {
    // The card tries a failed request again by itself (useEntityReport); one throttled window
    // inside an answered request is only loaded again with the next refresh.
    const when =
      error.statusCode === undefined
        ? 'Reload the page in a minute'
        : 'The card retries on its own, waiting longer after each failure (or press Retry)';
    return {
      title: 'AWS is throttling requests',
      message,
      fix: `${when}; if this persists, raise the SSM API rate quota or lower the number of executions shown.`,
    };
  }
  if (code === 'NOT_FOUND' || name === 'NotFoundError') {
    return {
      title: 'Maintenance window not found',
      message,
      fix: 'Check the window id, region and account in the entity annotation (aws.amazon.com/ssm-maintenance-window-arn).',
    };
  }
  if (error.statusCode === 401) {
    return {
      title: 'Not signed in',
      message,
      fix: 'Sign in to Backstage again; the backend refused the request without a valid user token.',
    };
  }
  if (error.statusCode === 403) {
    return {
      title: 'Not allowed',
      message,
      fix: 'Your Backstage user may not read this entity; ask for catalog read permission.',
    };
  }
  if (error.statusCode === 404) {
    return {
      title: 'Entity or backend route not found',
      message,
      fix: 'Make sure the entity is in the catalog and the ssm-invocations backend plugin is installed in the Backstage backend.',
    };
  }
  if (error.statusCode === 400) {
    return {
      title: 'Invalid annotation or request',
      message,
      fix: 'Check the aws.amazon.com/ssm-maintenance-window-arn / -id annotations of this entity.',
    };
  }
  // fetch rejects with a TypeError when the network fails (each browser words it differently).
  if (name === 'TypeError') {
    return {
      title: 'Backend unreachable',
      message,
      fix: 'Make sure the Backstage backend is running and has the ssm-invocations plugin.',
    };
  }
  return {
    title: 'Could not load maintenance window runs',
    message,
    fix: 'See the Backstage backend logs for the request; the error above is what it answered.',
  };
}
