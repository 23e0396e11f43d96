import {
  NodeConnectionTypes,
  NodeOperationError,
  type IDataObject,
  type IExecuteFunctions,
  type INodeExecutionData,
  type INodeType,
  type INodeTypeDescription,
} from 'n8n-workflow';
import { createSsmClient, SSM_CREDENTIAL_TYPE } from '../../shared/ssmClient';
import { toNodeError } from '../../shared/nodeErrors';
import { OPERATIONS } from './operations';
import { fieldProperties, operationProperties, resourceProperty } from './properties';

/**
 * Reads AWS Systems Manager maintenance windows: their executions, the tasks each ran, and the
 * per-target invocations of each task — which targets ran, which failed, and why.
 */
export class AwsSsmMaintenanceWindow implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'AWS SSM Maintenance Window',
    name: 'awsSsmMaintenanceWindow',
    icon: { light: 'file:../../icons/ssm.svg', dark: 'file:../../icons/ssm.dark.svg' },
    group: ['input'],
    version: 1,
    subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
    description:
      'Which targets of an AWS Systems Manager maintenance window ran, which failed, and why',
    defaults: { name: 'AWS SSM Maintenance Window' },
    usableAsTool: true,
    inputs: [NodeConnectionTypes.Main],
    outputs: [NodeConnectionTypes.Main],
    credentials: [{ name: SSM_CREDENTIAL_TYPE, required: true }],
    properties: [resourceProperty, ...operationProperties, ...fieldProperties],
  };

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    const items = this.getInputData();
    const client = createSsmClient(this);
    const signal = this.getExecutionCancelSignal();
    const returnData: INodeExecutionData[] = [];

    for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
      // Collected per item so a failure part-way through never leaves a partial result behind.
      const records: IDataObject[] = [];
      try {
        const resource = this.getNodeParameter('resource', itemIndex) as string;
        const operation = this.getNodeParameter('operation', itemIndex) as string;
        const run = OPERATIONS[resource]?.[operation];
        if (!run) {
          throw new NodeOperationError(
            this.getNode(),
            `Operation "${operation}" is not supported for resource "${resource}"`,
            { itemIndex },
          );
        }
        await run({ node: this, client, itemIndex, signal, emit: (json) => records.push(json) });
      } catch (error) {
        const nodeError = toNodeError(this.getNode(), error, itemIndex);
        if (this.continueOnFail()) {
          returnData.push({
            json: { error: nodeError.message, description: nodeError.description ?? null },
            pairedItem: { item: itemIndex },
          });
          continue;
        }
        throw nodeError;
      }
      for (const json of records) returnData.push({ json, pairedItem: { item: itemIndex } });
    }
    return [returnData];
  }
}
