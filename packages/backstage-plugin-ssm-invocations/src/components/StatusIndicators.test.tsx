import React from 'react';
import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { ExecutionStrip, StatusIcon } from './StatusIndicators';

// The card shows core's tone of each status; it classifies nothing itself.
describe('status indicators', () => {
  it.each([
    ['SUCCESS', 'Status ok'],
    ['FAILED', 'Status error'],
    ['CANCELLED', 'Status error'],
    ['IN_PROGRESS', 'Status running'],
    ['PENDING', 'Status running'],
    ['SKIPPED_OVERLAPPING', 'Status warning'],
    ['SOME_NEW_STATUS', 'Status pending'],
  ])('shows %s with the icon of its tone (%s)', async (status, icon) => {
    await renderInTestApp(<StatusIcon status={status} />);
    expect(screen.getByLabelText(icon)).toBeInTheDocument();
  });

  it('colours each execution square by the tone of its status', async () => {
    const statuses = ['SUCCESS', 'TIMED_OUT', 'CANCELLING', 'SKIPPED_OVERLAPPING', undefined];
    await renderInTestApp(
      <ExecutionStrip
        executions={statuses.map((status, i) => ({ id: `e${i}`, status, startTime: undefined }))}
      />,
    );
    const tones = screen
      .getAllByRole('listitem')
      .map((cell) => /(success|failure|running|warning|neutral)/.exec(cell.className)?.[1]);
    // Oldest first: the strip reverses the newest-first list.
    expect(tones).toEqual(['neutral', 'warning', 'running', 'failure', 'success']);
  });
});
