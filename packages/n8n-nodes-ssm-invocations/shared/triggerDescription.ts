import { NodeConnectionTypes, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';
import { SSM_CREDENTIAL_TYPE } from './ssmClient';

/**
 * What both triggers' descriptions share: no inputs, one main output and this package's SSM
 * credential (the icon stays in each node, where the community-node lint looks for it).
 *
 * @example
 * ```ts
 * description = { ...SSM_TRIGGER_DESCRIPTION, displayName: '…', name: '…', properties: [] };
 * ```
 */
export const SSM_TRIGGER_DESCRIPTION: Pick<
  INodeTypeDescription,
  'group' | 'version' | 'inputs' | 'outputs' | 'credentials'
> = {
  group: ['trigger'],
  version: 1,
  inputs: [],
  outputs: [NodeConnectionTypes.Main],
  credentials: [{ name: SSM_CREDENTIAL_TYPE, required: true }],
};

/** The triggers' Simplify switch (the invocation's key fields, or the whole record). */
export const SIMPLIFY_INVOCATION_PROPERTY: INodeProperties = {
  displayName: 'Simplify',
  name: 'simplify',
  type: 'boolean',
  default: true,
  description:
    'Whether to return only the fields people act on instead of the full invocation record',
};
