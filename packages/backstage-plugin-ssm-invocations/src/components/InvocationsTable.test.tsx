import React from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { ReportInvocation } from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { ssmInvocationsApiRef, type SsmInvocationsApi } from '../api';
import {
  annotatedEntity,
  failedCommandDiagnosis,
  mixedReport,
  mixedReportAndTargets,
} from '../__fixtures__/entityReports';
import { InvocationsTable } from './InvocationsTable';

const FAILED_INSTANCE = 'i-0bbb2222bbbb2222b';

/** Every target of last night's task (the table shows pages of the task targets route too). */
function invocationsOfNewest(): ReportInvocation[] {
  const { invocations } = mixedReportAndTargets();
  const taskId = invocations[0]?.TaskExecutionId;
  return invocations.filter((invocation) => invocation.TaskExecutionId === taskId);
}

function failedInvocation(): ReportInvocation {
  const failed = invocationsOfNewest().find((invocation) => invocation.Status === 'FAILED');
  if (!failed) throw new Error('fixture has no failed invocation');
  return failed;
}

function apiAnswering(getDiagnosis: SsmInvocationsApi['getDiagnosis']): SsmInvocationsApi {
  return {
    getEntityReport: jest.fn(async () => mixedReport()),
    getInvocation: jest.fn(async () => ({})),
    getDiagnosis: getDiagnosis && jest.fn(getDiagnosis),
  };
}

async function renderTable(api: SsmInvocationsApi, invocations = invocationsOfNewest()) {
  return renderInTestApp(
    <TestApiProvider apis={[[ssmInvocationsApiRef, api]]}>
      <EntityProvider entity={annotatedEntity}>
        <InvocationsTable invocations={invocations} />
      </EntityProvider>
    </TestApiProvider>,
  );
}

async function openFailedTarget() {
  fireEvent.click(screen.getByRole('button', { name: `Show why ${FAILED_INSTANCE} failed` }));
  return screen.findByTestId('invocation-diagnosis');
}

describe('InvocationsTable', () => {
  it('names the instance each target ran on, not the window target id', async () => {
    const invocations = invocationsOfNewest();
    const api = apiAnswering(async () =>
      failedCommandDiagnosis(failedInvocation(), FAILED_INSTANCE),
    );
    await renderTable(api, invocations);
    const ids = screen.getAllByTestId('target-id').map((cell) => cell.textContent);
    expect(ids).toEqual(['i-0aaa1111aaaa1111a', FAILED_INSTANCE]);
    for (const invocation of invocations) {
      expect(screen.queryByText(invocation.WindowTargetId ?? '?')).not.toBeInTheDocument();
    }
    // Only the failed target can be opened, and nothing is fetched before it is.
    expect(screen.getAllByRole('button', { name: /^Show why/ })).toHaveLength(1);
    expect(api.getDiagnosis).not.toHaveBeenCalled();
  });

  it('falls back to instance ids read from Parameters, then to the window target id', async () => {
    const [first, second] = invocationsOfNewest();
    if (!first || !second) throw new Error('fixture has two invocations');
    const fromParameters: ReportInvocation = {
      ...first,
      targets: undefined,
      Parameters: '{"documentName":"AWS-RunPatchBaseline","instanceIds":["i-0ccc3333cccc3333c"]}',
    };
    const nothing: ReportInvocation = { ...second, targets: undefined };
    await renderTable(apiAnswering(undefined), [fromParameters, nothing]);
    expect(screen.getAllByTestId('target-id').map((cell) => cell.textContent)).toEqual([
      'i-0ccc3333cccc3333c',
    ]);
    expect(screen.getByText(second.WindowTargetId ?? '?')).toBeInTheDocument();
  });

  it('opens a failed target to its exit code, stderr tail and console link, fetched on open', async () => {
    const invocations = invocationsOfNewest();
    const failed = invocations.find((invocation) => invocation.Status === 'FAILED');
    if (!failed) throw new Error('fixture has no failed invocation');
    const api = apiAnswering(async () => failedCommandDiagnosis(failed, FAILED_INSTANCE));
    await renderTable(api, invocations);
    const panel = await openFailedTarget();
    expect(api.getDiagnosis).toHaveBeenCalledWith(
      { kind: 'Component', namespace: 'default', name: 'payments' },
      {
        windowExecutionId: failed.WindowExecutionId,
        taskId: failed.TaskExecutionId,
        invocationId: failed.InvocationId,
      },
      expect.objectContaining({ signal: expect.any(AbortSignal) }),
    );
    expect(within(panel).getByTestId('exit-code')).toHaveTextContent('exit code 1');
    expect(within(panel).getByText(FAILED_INSTANCE)).toBeInTheDocument();
    const output = within(panel).getByTestId('output-block');
    expect(output.tagName).toBe('PRE');
    expect(output).toHaveTextContent('Error: Nothing to do');
    expect(within(panel).getByText(/stderr \(last part; earlier output cut\)/)).toBeInTheDocument();
    const link = within(panel).getByRole('link', {
      name: `Run Command output on ${FAILED_INSTANCE}`,
    });
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link.getAttribute('href')).toMatch(/^https:\/\/eu-west-1\.console\.aws\.amazon\.com\//);
  });

  it('links only AWS console pages from a diagnosis, whatever else the backend sends', async () => {
    const answer = failedCommandDiagnosis(failedInvocation(), FAILED_INSTANCE);
    const hostile = [
      'https://evil.example/phish',
      'https://console.aws.amazon.com.evil.example/systems-manager',
      'javascript:alert(document.cookie)',
    ];
    answer.diagnosis.links.push(
      ...hostile.map((url, i) => ({
        kind: 'run-command-output' as const,
        label: `Hostile link ${i}`,
        url,
        targetId: FAILED_INSTANCE,
      })),
    );
    await renderTable(apiAnswering(async () => answer));
    const panel = await openFailedTarget();
    const links = within(panel).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      `Run Command output on ${FAILED_INSTANCE}`,
    ]);
    for (const url of hostile) {
      expect(panel.querySelector(`a[href="${url}"]`)).toBeNull();
    }
  });

  it('says a long Automation failure message kept only its start', async () => {
    const failed = failedInvocation();
    const automation = {
      outputWithheld: false,
      diagnosis: {
        taskType: 'AUTOMATION' as const,
        invocation: { ...failed, TaskType: 'AUTOMATION' },
        targets: [{ kind: 'instance' as const, id: FAILED_INSTANCE }],
        links: [],
        notes: [],
        automation: {
          automationExecutionId: '5d2c7f0a-8b1e-4f4e-a0c2-91d3e6b4c720',
          documentName: 'AWS-CreateImage',
          status: 'Failed',
          stepCount: 2,
          stepExecutionsTruncated: false,
          outputs: {},
          failedStep: {
            stepName: 'createImage',
            action: 'aws:createImage',
            stepStatus: 'Failed',
            failureMessage:
              'InvalidAMIName.Duplicate: AMI name nightly-2026-11-30 is already in use',
            failureMessageTruncated: true,
            outputs: {},
          },
        },
      },
    };
    await renderTable(apiAnswering(async () => automation));
    const panel = await openFailedTarget();
    expect(within(panel).getByTestId('output-block')).toHaveTextContent('InvalidAMIName.Duplicate');
    expect(
      within(panel).getByText(/failure message \(first part; the rest cut\)/),
    ).toBeInTheDocument();
  });

  it('copies the stderr tail with the copy button', async () => {
    const writeText = jest.fn(async (_text: string) => undefined);
    Object.defineProperty(window.navigator, 'clipboard', {
      value: { writeText },
      configurable: true,
    });
    const stderr = 'E: Unable to locate package nginx-full\n';
    await renderTable(
      apiAnswering(async () =>
        failedCommandDiagnosis(failedInvocation(), FAILED_INSTANCE, { stderr }),
      ),
    );
    const panel = await openFailedTarget();
    fireEvent.click(within(panel).getByRole('button', { name: 'Copy stderr' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(stderr));
  });

  it('shows hostile output as text, never as markup', async () => {
    const stderr = '<img src=x onerror="alert(1)"><script>alert(2)</script>\n';
    const { container } = await renderTable(
      apiAnswering(async () =>
        failedCommandDiagnosis(failedInvocation(), FAILED_INSTANCE, { stderr }),
      ),
    );
    const panel = await openFailedTarget();
    expect(within(panel).getByTestId('output-block').textContent).toBe(stderr);
    expect(container.querySelector('img, script')).toBeNull();
  });

  it('says when command output is withheld, and still shows the exit code', async () => {
    await renderTable(
      apiAnswering(async () =>
        failedCommandDiagnosis(failedInvocation(), FAILED_INSTANCE, { withheld: true }),
      ),
    );
    const panel = await openFailedTarget();
    expect(within(panel).getByTestId('output-withheld')).toHaveTextContent(
      'ssm-invocations.output.read',
    );
    expect(within(panel).getByTestId('exit-code')).toHaveTextContent('exit code 1');
    expect(within(panel).queryByTestId('output-block')).not.toBeInTheDocument();
  });

  it('shows a refused follow-up call as a note naming the action', async () => {
    const response = failedCommandDiagnosis(failedInvocation(), FAILED_INSTANCE);
    response.diagnosis.notes.push({
      code: 'ACCESS_DENIED',
      operation: 'GetCommandInvocation',
      message: 'GetCommandInvocation was refused: the caller needs ssm:GetCommandInvocation',
    });
    await renderTable(apiAnswering(async () => response));
    const panel = await openFailedTarget();
    expect(within(panel).getByRole('alert')).toHaveTextContent(
      'AWS denied access: GetCommandInvocation was refused: the caller needs ssm:GetCommandInvocation',
    );
  });
});
