import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import {
  ANNOTATION_SSM_REGION,
  ANNOTATION_SSM_WINDOW_ARN,
  ANNOTATION_SSM_WINDOW_ID,
} from '@ssm-invocations/backstage-plugin-ssm-invocations-common';
import { DEMO_WINDOW_IDS, startEmulator } from '@ssm-invocations/emulator';
import { component, DEMO_ACCOUNT, type Emulator } from '../test-support/demoEntities';
import { DefaultSsmInvocationsService } from './DefaultSsmInvocationsService';

const ACCOUNT = DEMO_ACCOUNT;
const entity = (annotations: Record<string, string>) => component('svc', annotations);

function service(emulator: Emulator, ssmInvocations: JsonObject = {}) {
  return DefaultSsmInvocationsService.fromConfig(
    new ConfigReader({
      aws: {
        accounts: [
          { accountId: ACCOUNT, accessKeyId: 'AKIASERVICETEST00000', secretAccessKey: 's' },
        ],
      },
      ssmInvocations: { endpoint: emulator.url, cache: { ttl: 0 }, ...ssmInvocations },
    }),
    { logger: mockServices.logger.mock(), cache: mockServices.cache.mock() },
  );
}

describe('DefaultSsmInvocationsService', () => {
  let emulator: Emulator;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, host: '127.0.0.1', seed: 'demo' });
  });

  afterAll(async () => {
    await emulator.stop();
  });

  it('needs a region for id-annotated windows, from the annotation or the config', async () => {
    const annotated = entity({ [ANNOTATION_SSM_WINDOW_ID]: DEMO_WINDOW_IDS.inventoryDbBackups });
    const withoutRegion = await service(emulator, { accountId: ACCOUNT }).getEntityReport(
      annotated,
      { executions: 1 },
    );
    expect(withoutRegion.windows[0]?.error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(withoutRegion.windows[0]?.error?.message).toContain(ANNOTATION_SSM_REGION);

    const fromConfig = await service(emulator, {
      accountId: ACCOUNT,
      region: 'eu-west-1',
    }).getEntityReport(annotated, { executions: 1 });
    expect(fromConfig.windows[0]).toMatchObject({
      region: 'eu-west-1',
      windowArn: `arn:aws:ssm:eu-west-1:${ACCOUNT}:maintenancewindow/${DEMO_WINDOW_IDS.inventoryDbBackups}`,
    });
    expect(fromConfig.windows[0]?.report?.executions).toHaveLength(1);
  });

  it('fails an id-annotated window clearly when no account is configured and the main account id is unknown', async () => {
    const report = await service(emulator, { region: 'us-east-1' }).getEntityReport(
      entity({ [ANNOTATION_SSM_WINDOW_ID]: DEMO_WINDOW_IDS.inventoryDbBackups }),
      { executions: 1 },
    );
    // No ssmInvocations.accountId, and no aws.mainAccount whose account id is known.
    expect(report.windows[0]?.error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(report.windows[0]?.error?.message).toContain('ssmInvocations.accountId');
  });

  it('rejects out-of-range executions and unknown statuses before any request', async () => {
    const before = emulator.stats().requests;
    const subject = service(emulator, { maxExecutionsPerWindow: 3 });
    const annotated = entity({
      [ANNOTATION_SSM_WINDOW_ARN]: `arn:aws:ssm:us-east-1:${ACCOUNT}:maintenancewindow/${DEMO_WINDOW_IDS.inventoryDbBackups}`,
    });
    await expect(subject.getEntityReport(annotated, { executions: 4 })).rejects.toMatchObject({
      name: 'InvalidInputError',
      field: 'executions',
    });
    await expect(subject.getEntityReport(annotated, { statuses: ['DONE'] })).rejects.toMatchObject({
      name: 'InvalidInputError',
      field: 'statuses[0]',
    });
    expect(emulator.stats().requests).toBe(before);
  });

  it('throws the throttling error only when every window was throttled', async () => {
    const throttled = await startEmulator({
      port: 0,
      host: '127.0.0.1',
      seed: 'demo',
      faults: {
        operations: {
          GetMaintenanceWindow: { throttle: { requestsPerSecond: 0.001, burst: 1 } },
        },
      },
    });
    try {
      const subject = service(throttled, { maxAttempts: 1 });
      const arn = (id: string) => `arn:aws:ssm:us-east-1:${ACCOUNT}:maintenancewindow/${id}`;
      // Two windows: the first GetMaintenanceWindow passes, the second is throttled.
      const mixed = await subject.getEntityReport(
        entity({
          [ANNOTATION_SSM_WINDOW_ARN]: `${arn(DEMO_WINDOW_IDS.inventoryDbBackups)},${arn(DEMO_WINDOW_IDS.searchIndexerHourlyReindex)}`,
        }),
        { executions: 1 },
      );
      const codes = mixed.windows.map((window) => window.error?.code ?? 'ok').sort();
      expect(codes).toEqual(['THROTTLED', 'ok']);
      // core's toReportError: the window's error keeps the AWS request id for support cases.
      const failed = mixed.windows.find((window) => window.error !== undefined);
      expect(failed?.error).toMatchObject({
        name: 'ThrottledError',
        requestId: expect.any(String),
      });

      await expect(
        subject.getEntityReport(
          entity({ [ANNOTATION_SSM_WINDOW_ARN]: arn(DEMO_WINDOW_IDS.inventoryDbBackups) }),
          { executions: 1 },
        ),
      ).rejects.toMatchObject({ name: 'ThrottledError' });
    } finally {
      await throttled.stop();
    }
  });
});
