import { screen } from '@testing-library/react';
import { ApiBlueprint } from '@backstage/frontend-plugin-api';
import { createExtensionTester, renderTestApp } from '@backstage/frontend-test-utils';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { ssmInvocationsApiRef, type SsmInvocationsApi } from './api';
import { annotatedEntity, mixedReport, plainEntity } from './__fixtures__/entityReports';
import ssmInvocationsPlugin, { ssmInvocationsApi, ssmInvocationsEntityCard } from './alpha';
import defaultExport from './index';

const fakeApi: SsmInvocationsApi = {
  getEntityReport: async () => mixedReport(),
  getInvocation: async () => ({}),
};

describe('new frontend system', () => {
  it('the package default export is the new-system plugin', () => {
    expect(defaultExport).toBe(ssmInvocationsPlugin);
    expect(ssmInvocationsPlugin.pluginId).toBe('ssm-invocations');
  });

  it('provides the api factory for ssmInvocationsApiRef', () => {
    const tester = createExtensionTester(ssmInvocationsApi);
    expect(tester.get(ApiBlueprint.dataRefs.factory).api.id).toBe(ssmInvocationsApiRef.id);
  });

  it('shows the card on an annotated entity page', async () => {
    renderTestApp({
      extensions: [createTestEntityPage({ entity: annotatedEntity }), ssmInvocationsEntityCard],
      apis: [[ssmInvocationsApiRef, fakeApi]],
    });
    expect(await screen.findByText('payments-nightly-patching')).toBeInTheDocument();
    expect(screen.getByText('Maintenance windows')).toBeInTheDocument();
  });

  it('filters the card out on an entity without the annotation', async () => {
    renderTestApp({
      extensions: [createTestEntityPage({ entity: plainEntity }), ssmInvocationsEntityCard],
      apis: [[ssmInvocationsApiRef, fakeApi]],
    });
    // Let the lazy loader settle before asserting absence.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByText('Maintenance windows')).not.toBeInTheDocument();
    expect(screen.queryByText(/Missing Annotation/i)).not.toBeInTheDocument();
  });
});
