/**
 * A `Maintenance Window Task Target Invocation State-change Notification` as EventBridge
 * delivers it, for the fixture's window, with the given detail fields.
 */
import type { IDataObject } from 'n8n-workflow';
import { TARGET_INVOCATION_EVENT } from '../nodes/AwsSsmMaintenanceWindowEventTrigger/maintenanceWindowEvent';
import { EXECUTION_ID, WINDOW_ID } from './ssmFixture';

export function targetInvocationEvent(id: string, detail: IDataObject): IDataObject {
  return {
    version: '0',
    id,
    'detail-type': TARGET_INVOCATION_EVENT,
    source: 'aws.ssm',
    account: '111122223333',
    time: '2026-11-28T20:16:42Z',
    region: 'eu-west-1',
    resources: [`arn:aws:ssm:eu-west-1:111122223333:maintenancewindow/${WINDOW_ID}`],
    detail: { 'window-id': WINDOW_ID, 'window-execution-id': EXECUTION_ID, ...detail },
  };
}
