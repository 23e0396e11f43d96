import React, { useState } from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { ResponseError } from '@backstage/errors';
import type { Entity } from '@backstage/catalog-model';
import type { EntityReportResponse } from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { ssmInvocationsApiRef, type SsmInvocationsApi } from '../../api';
import {
  accessDeniedWindow,
  annotatedEntity,
  mixedReport,
  mixedReportAndTargets,
  plainEntity,
  runningReport,
  taskTargetsPages,
} from '../../__fixtures__/entityReports';
import { SsmInvocationsCard } from './SsmInvocationsCard';

function fakeApi(getEntityReport: SsmInvocationsApi['getEntityReport']): SsmInvocationsApi {
  return {
    getEntityReport: jest.fn(getEntityReport),
    getInvocation: jest.fn(async () => {
      throw new Error('not used by the card');
    }),
  };
}

async function renderCard(
  api: SsmInvocationsApi,
  entity: Entity = annotatedEntity,
  props: React.ComponentProps<typeof SsmInvocationsCard> = {},
) {
  return renderInTestApp(
    <TestApiProvider apis={[[ssmInvocationsApiRef, api]]}>
      <EntityProvider entity={entity}>
        <SsmInvocationsCard {...props} />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('SsmInvocationsCard', () => {
  it('shows a progress bar until the report arrives', async () => {
    const api = fakeApi(() => new Promise<EntityReportResponse>(() => undefined));
    await renderCard(api);
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    expect(api.getEntityReport).toHaveBeenCalledWith(
      { kind: 'Component', namespace: 'default', name: 'payments' },
      expect.objectContaining({ executions: 7 }),
    );
  });

  it('explains the annotation when the entity has none, without calling the backend', async () => {
    const api = fakeApi(async () => mixedReport());
    await renderCard(api, plainEntity);
    expect(screen.getByText(/Missing Annotation/i)).toBeInTheDocument();
    expect(
      screen.getAllByText(/aws.amazon.com\/ssm-maintenance-window-arn/).length,
    ).toBeGreaterThan(0);
    expect(api.getEntityReport).not.toHaveBeenCalled();
  });

  it('shows the window, next run, outcome strip and executions with mixed statuses', async () => {
    await renderCard(fakeApi(async () => mixedReport()));
    expect(await screen.findByText('payments-nightly-patching')).toBeInTheDocument();
    expect(screen.getByText(/Next run:/)).toHaveTextContent('cron(0 2 ? * * *)');
    const strip = screen.getByRole('list', { name: /Recent executions/ });
    const cells = within(strip).getAllByRole('listitem');
    // Oldest first: green, green, red.
    expect(cells.map((c) => c.getAttribute('data-status'))).toEqual([
      'SUCCESS',
      'SUCCESS',
      'FAILED',
    ]);
    const rows = screen.getAllByTestId('execution-row');
    expect(rows.map((r) => r.getAttribute('data-status'))).toEqual([
      'FAILED',
      'SUCCESS',
      'SUCCESS',
    ]);
    expect(within(rows[0] as HTMLElement).getByText('Failed')).toBeInTheDocument();
    // Start and next run are the core's timestamp format, in the reader's zone with its offset.
    const timestamp = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} (GMT|UTC)[+-]?[\d:]*/;
    expect(within(rows[0] as HTMLElement).getByText(timestamp)).toBeInTheDocument();
    expect(screen.getByText(/Next run:/)).toHaveTextContent(timestamp);
    expect(within(rows[0] as HTMLElement).getByText('4m 00s')).toBeInTheDocument();
    expect(
      within(rows[0] as HTMLElement).getByText('1/2 targets succeeded, 1 failed'),
    ).toBeInTheDocument();
    expect(
      within(rows[0] as HTMLElement).getByRole('link', { name: /^AWS console/ }),
    ).toHaveAttribute(
      'href',
      expect.stringMatching(
        /^https:\/\/eu-west-1\.console\.aws\.amazon\.com\/systems-manager\/maintenance-windows\/mw-0123456789abcdef0\/history\/[0-9a-f-]{36}\?region=eu-west-1$/,
      ),
    );
  });

  it('expands an execution to its tasks, their counts and only the failed targets', async () => {
    await renderCard(fakeApi(async () => mixedReport()));
    const rows = await screen.findAllByTestId('execution-row');
    expect(screen.queryByText('Failed: yum exited with code 1')).not.toBeInTheDocument();
    fireEvent.click(
      within(rows[0] as HTMLElement).getByRole('button', { name: /^Expand execution/ }),
    );
    const details = await screen.findByText('Failed: yum exited with code 1');
    const invocation = details.closest('tr') as HTMLElement;
    expect(within(invocation).getByText('i-0bbb2222bbbb2222b')).toBeInTheDocument();
    expect(within(invocation).getByText('db-primary')).toBeInTheDocument();
    expect(within(invocation).getByText('3m 00s')).toBeInTheDocument();
    expect(screen.getAllByTestId('invocation-row')).toHaveLength(1);
    expect(screen.getByTestId('task-counts')).toHaveTextContent(
      '2 targets: 1 SUCCESS, 1 FAILED · p50 3m 00s, max 3m 00s',
    );
    expect(screen.getByText(/RUN_COMMAND · AWS-RunPatchBaseline/)).toBeInTheDocument();
  });

  it('pages every target of a task on demand with "Show more"', async () => {
    const { response, invocations } = mixedReportAndTargets();
    const api: SsmInvocationsApi = {
      ...fakeApi(async () => response),
      getTaskTargets: jest.fn(taskTargetsPages(invocations, 1)),
    };
    await renderCard(api);
    const rows = await screen.findAllByTestId('execution-row');
    fireEvent.click(
      within(rows[0] as HTMLElement).getByRole('button', { name: /^Expand execution/ }),
    );
    expect(api.getTaskTargets).not.toHaveBeenCalled();
    // The buttons name their task: every task of the card has them.
    const taskId = invocations[0]?.TaskExecutionId ?? '';
    expect(taskId).not.toBe('');
    fireEvent.click(
      await screen.findByRole('button', { name: `Show all 2 targets of task ${taskId}` }),
    );
    const list = await screen.findByTestId('task-targets');
    await within(list).findByText('i-0aaa1111aaaa1111a');
    expect(list).toHaveTextContent('All targets: 1 of 2 loaded');
    const showMore = within(list).getByRole('button', {
      name: `Show more targets of task ${taskId}`,
    });
    expect(showMore).toHaveTextContent('Show more');
    fireEvent.click(showMore);
    await within(list).findByText('i-0bbb2222bbbb2222b');
    expect(list).toHaveTextContent('All targets: 2 of 2 loaded');
    expect(within(list).queryByRole('button', { name: /^Show more/ })).not.toBeInTheDocument();
    expect(within(list).getAllByTestId('invocation-row')).toHaveLength(2);
    const [first, second] = (api.getTaskTargets as jest.Mock).mock.calls;
    expect(first?.[2]).toEqual(expect.not.objectContaining({ nextToken: expect.anything() }));
    expect(second?.[2]).toEqual(expect.objectContaining({ nextToken: '1' }));
    // A failed target of the full list still opens to its diagnosis.
    expect(
      within(list).getByRole('button', { name: 'Show why i-0bbb2222bbbb2222b failed' }),
    ).toBeInTheDocument();
  });

  it('"Failed only" hides successful executions and targets', async () => {
    await renderCard(fakeApi(async () => mixedReport()));
    expect(await screen.findAllByTestId('execution-row')).toHaveLength(3);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Failed only' }));
    const rows = screen.getAllByTestId('execution-row');
    expect(rows).toHaveLength(1);
    fireEvent.click(
      within(rows[0] as HTMLElement).getByRole('button', { name: /^Expand execution/ }),
    );
    const invocations = await screen.findAllByTestId('invocation-row');
    expect(invocations).toHaveLength(1);
    expect(invocations[0]).toHaveTextContent('i-0bbb2222bbbb2222b');
    // The strip still tells the whole story.
    expect(
      within(screen.getByRole('list', { name: /Recent executions/ })).getAllByRole('listitem'),
    ).toHaveLength(3);
  });

  it('names the missing ssm: permission for a window the backend may not read', async () => {
    const report = mixedReport();
    report.windows.push(accessDeniedWindow());
    await renderCard(fakeApi(async () => report));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('AWS denied access');
    expect(alert).toHaveTextContent(
      'Allow ssm:DescribeMaintenanceWindowExecutions to the AWS role the Backstage backend uses',
    );
    // The readable window still shows.
    expect(screen.getByText('payments-nightly-patching')).toBeInTheDocument();
  });

  it('says what to fix when the backend refuses the request', async () => {
    const response = new Response(
      JSON.stringify({
        error: { name: 'AuthenticationError', message: 'Missing credentials' },
        request: { method: 'GET', url: '/x' },
        response: { statusCode: 401 },
      }),
      { status: 401, statusText: 'Unauthorized', headers: { 'content-type': 'application/json' } },
    );
    const error = await ResponseError.fromResponse(response);
    await renderCard(fakeApi(async () => Promise.reject(error)));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not signed in');
    expect(alert).toHaveTextContent('Missing credentials');
    expect(alert).toHaveTextContent('Sign in to Backstage again');
  });

  it("never shows one entity's report under another, even when the other's load fails", async () => {
    const billing: Entity = {
      ...annotatedEntity,
      metadata: { ...annotatedEntity.metadata, name: 'billing' },
    };
    let rejectBilling: (error: Error) => void = () => undefined;
    const api = fakeApi((ref) =>
      ref.name === 'payments'
        ? Promise.resolve(mixedReport())
        : new Promise<EntityReportResponse>((_resolve, reject) => {
            rejectBilling = reject;
          }),
    );
    function EntitySwitcher() {
      const [entity, setEntity] = useState(annotatedEntity);
      return (
        <>
          <button type="button" onClick={() => setEntity(billing)}>
            Open billing
          </button>
          <EntityProvider entity={entity}>
            <SsmInvocationsCard />
          </EntityProvider>
        </>
      );
    }
    await renderInTestApp(
      <TestApiProvider apis={[[ssmInvocationsApiRef, api]]}>
        <EntitySwitcher />
      </TestApiProvider>,
    );
    expect(await screen.findByText('payments-nightly-patching')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Open billing' }));
    await waitFor(() => expect(api.getEntityReport).toHaveBeenCalledTimes(2));
    expect(screen.queryByText('payments-nightly-patching')).not.toBeInTheDocument();
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    const response = new Response(
      JSON.stringify({
        error: { name: 'NotFoundError', message: 'No entity named billing' },
        request: { method: 'GET', url: '/x' },
        response: { statusCode: 404 },
      }),
      { status: 404, headers: { 'content-type': 'application/json' } },
    );
    rejectBilling(await ResponseError.fromResponse(response));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('No entity named billing');
    expect(screen.queryByText(/Refresh failed/)).not.toBeInTheDocument();
    expect(screen.queryByText('payments-nightly-patching')).not.toBeInTheDocument();
  });

  it('loads again when Retry is pressed after a failure', async () => {
    let attempts = 0;
    const api = fakeApi(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('socket hang up');
      return mixedReport();
    });
    await renderCard(api);
    const alert = await screen.findByRole('alert');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('payments-nightly-patching')).toBeInTheDocument();
    expect(api.getEntityReport).toHaveBeenCalledTimes(2);
  });

  it('shows how long a running execution, task and target have run so far', async () => {
    // The running execution of the fixture started 2026-11-28 02:00 UTC.
    const now = jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-11-28T02:12:30Z'));
    try {
      await renderCard(fakeApi(async () => runningReport()));
      const rows = await screen.findAllByTestId('execution-row');
      const running = rows[0] as HTMLElement;
      expect(running).toHaveAttribute('data-status', 'IN_PROGRESS');
      expect(within(running).getByText('12m 30s so far')).toBeInTheDocument();
      // Finished executions keep their duration.
      expect(within(rows[1] as HTMLElement).getByText('4m 00s')).toBeInTheDocument();
      fireEvent.click(within(running).getByRole('button', { name: /^Expand execution/ }));
      const task = await screen.findByTestId('task-block');
      expect(within(task).getAllByText('12m 30s so far')).toHaveLength(2);
    } finally {
      now.mockRestore();
    }
  });

  it('reloads while an execution is in progress, and stops once it has finished', async () => {
    let finished = false;
    const api = fakeApi(async () => (finished ? mixedReport() : runningReport()));
    await renderCard(api, annotatedEntity, { refreshIntervalMs: 50 });
    expect(await screen.findByText('In progress')).toBeInTheDocument();
    await waitFor(() =>
      expect((api.getEntityReport as jest.Mock).mock.calls.length).toBeGreaterThanOrEqual(3),
    );
    // The last report stays on screen while reloading (no flash of a progress bar).
    expect(screen.getAllByTestId('execution-row')).toHaveLength(4);
    finished = true;
    await waitFor(() => expect(screen.getAllByTestId('execution-row')).toHaveLength(3));
    const calls = (api.getEntityReport as jest.Mock).mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(api.getEntityReport).toHaveBeenCalledTimes(calls);
  });

  it('does not poll a finished report', async () => {
    const api = fakeApi(async () => mixedReport());
    await renderCard(api, annotatedEntity, { refreshIntervalMs: 50 });
    await screen.findAllByTestId('execution-row');
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(api.getEntityReport).toHaveBeenCalledTimes(1);
  });
});
