import * as ssm from '@aws-sdk/client-ssm';
import { SSM_OPERATIONS as FROM_CONSTANTS } from './constants';
import { iamActionOf, SSM_OPERATIONS, type SsmOperation } from './operations';

const operations = Object.keys(SSM_OPERATIONS) as SsmOperation[];

describe('the operation table', () => {
  it('is the table constants.ts has always exported', () => {
    expect(FROM_CONSTANTS).toBe(SSM_OPERATIONS);
  });

  it.each(operations)('%s names its IAM action and an SDK command that exists', (operation) => {
    const facts = SSM_OPERATIONS[operation];
    expect(facts.iamAction).toBe(`ssm:${operation}`);
    expect(facts.command).toBe(`${operation}Command`);
    expect(typeof (ssm as Record<string, unknown>)[facts.command]).toBe('function');
  });

  it.each(operations)('%s identifies its records by one of their fields', (operation) => {
    const { idField, fields } = SSM_OPERATIONS[operation];
    expect(fields as readonly string[]).toContain(idField);
  });

  it('gives a list key and a MaxResults range exactly to the Describe and List operations', () => {
    for (const operation of operations) {
      // ListTagsForResource answers one unpaginated TagList, unlike every other Describe/List.
      const paginated =
        (operation.startsWith('Describe') || operation.startsWith('List')) &&
        operation !== 'ListTagsForResource';
      expect(SSM_OPERATIONS[operation].listKey !== undefined).toBe(paginated);
      expect(SSM_OPERATIONS[operation].maxResults !== undefined).toBe(paginated);
    }
  });

  it('knows the follow-ups of a diagnosis as the SSM model has them', () => {
    const list = SSM_OPERATIONS.ListCommandInvocations;
    expect(list.listKey).toBe('CommandInvocations');
    expect(list.maxResults).toEqual({ min: 1, max: 50 });
    expect(list.filterMembers).toBe('key/value');
    expect(list.filterKeys).toEqual(['InvokedAfter', 'InvokedBefore', 'Status', 'DocumentName']);
    expect(SSM_OPERATIONS.DescribeMaintenanceWindowExecutions.maxResults).toEqual({
      min: 10,
      max: 100,
    });
    expect(SSM_OPERATIONS.GetCommandInvocation.fields).toContain('StandardErrorContent');
    expect(SSM_OPERATIONS.GetAutomationExecution.idField).toBe('AutomationExecutionId');
  });

  it('names the IAM action of a known operation only', () => {
    expect(iamActionOf('GetCommandInvocation')).toBe('ssm:GetCommandInvocation');
    expect(iamActionOf('ListTagsForResource')).toBe('ssm:ListTagsForResource');
    for (const name of [undefined, '', 'toString', '__proto__', 'DeleteMaintenanceWindow']) {
      expect(iamActionOf(name)).toBeUndefined();
    }
  });
});
