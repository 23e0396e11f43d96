import React, { useEffect, useState } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Alert } from '@material-ui/lab';
import { Progress } from '@backstage/core-components';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { useEntity } from '@backstage/plugin-catalog-react';
import type {
  EntityDiagnosisResponse,
  InvocationIds,
} from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { ssmInvocationsApiRef } from '../../api';
import { explainProblem } from '../problemHints';
import { DiagnosisDetails } from './DiagnosisDetails';
import { isAwsConsoleUrl } from '@ssm-invocations/core/model';

type DiagnosisState =
  | { loading: true }
  | { loading: false; response: EntityDiagnosisResponse }
  | { loading: false; error: Error };

/** Fetches the diagnosis once, when mounted (the row was opened); aborted when closed. */
function useDiagnosis(ids: InvocationIds): DiagnosisState {
  const api = useApi(ssmInvocationsApiRef);
  const { entity } = useEntity();
  const [state, setState] = useState<DiagnosisState>({ loading: true });
  const { windowExecutionId, taskId, invocationId } = ids;
  const entityRef = getCompoundEntityRef(entity);
  const { kind, namespace, name } = entityRef;
  useEffect(() => {
    if (!api.getDiagnosis) {
      setState({
        loading: false,
        error: new Error('This app’s ssm-invocations API has no diagnosis'),
      });
      return undefined;
    }
    const controller = new AbortController();
    api
      .getDiagnosis(
        { kind, namespace, name },
        { windowExecutionId, taskId, invocationId },
        { signal: controller.signal },
      )
      .then(
        (response) => setState({ loading: false, response }),
        (error: Error) => {
          if (!controller.signal.aborted) setState({ loading: false, error });
        },
      );
    return () => controller.abort();
  }, [api, kind, namespace, name, windowExecutionId, taskId, invocationId]);
  return state;
}

function describe(error: Error) {
  return error instanceof ResponseError
    ? explainProblem({
        name: error.body.error.name,
        message: error.body.error.message,
        statusCode: error.statusCode,
      })
    : explainProblem(error);
}

/**
 * An opened failed target: exit code and stderr tail per failed node, or the failed Automation
 * step, then notes (a refused follow-up call) and console links. Fetched from the backend's
 * diagnosis route when opened.
 */
export function InvocationDiagnosis(props: { ids: InvocationIds }) {
  const state = useDiagnosis(props.ids);
  if (state.loading) return <Progress />;
  if ('error' in state) {
    const problem = describe(state.error);
    return (
      <Alert severity="error">
        {problem.title}: {problem.message} — {problem.fix}
      </Alert>
    );
  }
  const { diagnosis, outputWithheld } = state.response;
  return (
    <Box paddingY={1} data-testid="invocation-diagnosis">
      {outputWithheld ? (
        <Typography variant="body2" color="textSecondary" data-testid="output-withheld">
          Command output is withheld: your account lacks the permission ssm-invocations.output.read
          on this entity.
        </Typography>
      ) : null}
      <DiagnosisDetails diagnosis={diagnosis} outputWithheld={outputWithheld} />
      {diagnosis.notes.map((note) => (
        <Typography
          key={`${note.code}:${note.operation ?? ''}:${note.message}`}
          variant="body2"
          color="error"
          role="alert"
        >
          {note.code === 'ACCESS_DENIED' ? 'AWS denied access: ' : ''}
          {note.message}
        </Typography>
      ))}
      {diagnosis.links.length > 0 ? (
        <Box display="flex" flexWrap="wrap" style={{ gap: 16 }} marginTop={0.5}>
          {diagnosis.links
            // The URLs come from the backend: only AWS console pages become links.
            .filter((link) => isAwsConsoleUrl(link.url))
            .map((link) => (
              <a key={link.url} href={link.url} target="_blank" rel="noopener noreferrer">
                {link.label}
              </a>
            ))}
        </Box>
      ) : null}
    </Box>
  );
}
