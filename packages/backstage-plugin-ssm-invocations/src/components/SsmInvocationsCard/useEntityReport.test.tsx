import React from 'react';
import { act, renderHook } from '@testing-library/react';
import { TestApiProvider } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import type { EntityReportResponse } from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { ssmInvocationsApiRef, type SsmInvocationsApi } from '../../api';
import { mixedReport, runningReport } from '../../__fixtures__/entityReports';
import { useEntityReport } from './useEntityReport';

const entityRef = { kind: 'Component', namespace: 'default', name: 'payments' };
const INTERVAL = 1000;

async function failedResponse(status: number, headers: Record<string, string> = {}) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'ServiceUnavailableError', message: 'Rate exceeded' },
        request: { method: 'GET', url: '/x' },
        response: { statusCode: status },
      }),
      { status, headers: { 'content-type': 'application/json', ...headers } },
    ),
  );
}

/** A fake API answering each call with the next of `answers` (the last one repeats). */
function scriptedApi(answers: Array<() => Promise<EntityReportResponse>>) {
  let inFlight = 0;
  let maxInFlight = 0;
  const getEntityReport = jest.fn(
    (_ref: unknown, options?: { signal?: AbortSignal }): Promise<EntityReportResponse> => {
      const answer = answers[Math.min(getEntityReport.mock.calls.length - 1, answers.length - 1)];
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      let settled = false;
      const settle = () => {
        if (!settled) inFlight -= 1;
        settled = true;
      };
      options?.signal?.addEventListener('abort', settle);
      return (answer as () => Promise<EntityReportResponse>)().finally(settle);
    },
  );
  const api: SsmInvocationsApi = {
    getEntityReport,
    getInvocation: jest.fn(async () => {
      throw new Error('not used');
    }),
  };
  return { api, getEntityReport, maxInFlight: () => maxInFlight };
}

function renderReportHook(api: SsmInvocationsApi) {
  return renderHook(() => useEntityReport(entityRef, 7, INTERVAL), {
    wrapper: ({ children }: { children: React.ReactNode }) => (
      <TestApiProvider apis={[[ssmInvocationsApiRef, api]]}>{children}</TestApiProvider>
    ),
  });
}

async function advance(ms: number) {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms);
  });
}

describe('useEntityReport', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('keeps polling a running report after a failed refresh', async () => {
    const { api, getEntityReport } = scriptedApi([
      async () => runningReport(),
      async () => Promise.reject(await failedResponse(503)),
      async () => runningReport(),
      async () => mixedReport(),
    ]);
    const { result } = renderReportHook(api);
    await advance(0);
    expect(getEntityReport).toHaveBeenCalledTimes(1);
    await advance(INTERVAL);
    expect(getEntityReport).toHaveBeenCalledTimes(2);
    expect(result.current.error).toBeInstanceOf(ResponseError);
    expect(result.current.report).toBeDefined();
    await advance(INTERVAL);
    expect(getEntityReport).toHaveBeenCalledTimes(3);
    expect(result.current.error).toBeUndefined();
    // Polling resumed at the normal interval, until the report has finished.
    await advance(INTERVAL);
    expect(getEntityReport).toHaveBeenCalledTimes(4);
    await advance(60 * INTERVAL);
    expect(getEntityReport).toHaveBeenCalledTimes(4);
  });

  it('retries a failed first load, doubling the wait up to five minutes', async () => {
    const { api, getEntityReport } = scriptedApi([
      async () => Promise.reject(await failedResponse(504)),
    ]);
    const { result } = renderReportHook(api);
    await advance(0);
    expect(result.current.loading).toBe(false);
    expect(result.current.error).toBeInstanceOf(ResponseError);
    const callTimes: number[] = [];
    let now = 0;
    for (let step = 0; step < 20 * 60; step += 1) {
      await advance(INTERVAL);
      now += INTERVAL;
      while (callTimes.length < getEntityReport.mock.calls.length - 1) callTimes.push(now);
    }
    const gaps = callTimes.map((time, i) => time - (i === 0 ? 0 : (callTimes[i - 1] as number)));
    expect(gaps.slice(0, 6)).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000]);
    expect(Math.max(...gaps)).toBe(5 * 60_000);
  });

  it('waits at least as long as the Retry-After of a throttled answer', async () => {
    const { api, getEntityReport } = scriptedApi([
      async () => Promise.reject(await failedResponse(503, { 'retry-after': '30' })),
      async () => mixedReport(),
    ]);
    const { result } = renderReportHook(api);
    await advance(0);
    await advance(29_000);
    expect(getEntityReport).toHaveBeenCalledTimes(1);
    await advance(1000);
    expect(getEntityReport).toHaveBeenCalledTimes(2);
    expect(result.current.report).toBeDefined();
  });

  it('does not retry an answer that needs a person (403)', async () => {
    const { api, getEntityReport } = scriptedApi([
      async () => Promise.reject(await failedResponse(403)),
    ]);
    renderReportHook(api);
    await advance(10 * 60_000);
    expect(getEntityReport).toHaveBeenCalledTimes(1);
  });

  it('never has two requests in flight, however often refresh is pressed', async () => {
    const slow = () =>
      new Promise<EntityReportResponse>((resolve) => {
        setTimeout(() => resolve(runningReport()), 3 * INTERVAL);
      });
    const { api, getEntityReport, maxInFlight } = scriptedApi([slow]);
    const { result } = renderReportHook(api);
    for (let i = 0; i < 5; i += 1) {
      act(() => result.current.refresh());
      await advance(INTERVAL / 2);
    }
    await advance(20 * INTERVAL);
    expect(getEntityReport.mock.calls.length).toBeGreaterThan(6);
    expect(maxInFlight()).toBe(1);
  });

  it('stops every timer when unmounted', async () => {
    const { api, getEntityReport } = scriptedApi([
      async () => Promise.reject(await failedResponse(503)),
    ]);
    const { unmount } = renderReportHook(api);
    await advance(0);
    expect(jest.getTimerCount()).toBe(1);
    unmount();
    expect(jest.getTimerCount()).toBe(0);
    await advance(10 * 60_000);
    expect(getEntityReport).toHaveBeenCalledTimes(1);
  });
});
