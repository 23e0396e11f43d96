import fc from 'fast-check';
import {
  parseGetCommandInvocationOutput,
  parseListCommandInvocationsOutput,
} from './command-diagnosis';
import { ServiceError } from './errors';

const COMMAND = '0b1f5c9e-2d7a-4c1e-9a55-3f6e8d2a7b10';
const EC2 = 'i-0abc1234def567890';

// The note's ListCommandInvocations(Details=true) sample, as the JSON wire carries it.
const listSample = {
  CommandInvocations: [
    {
      CommandId: COMMAND,
      InstanceId: EC2,
      InstanceName: '',
      Comment: '',
      DocumentName: 'AWS-RunShellScript',
      DocumentVersion: '',
      RequestedDateTime: 1764358800.12,
      Status: 'Failed',
      StatusDetails: 'Failed',
      StandardOutputUrl: '',
      StandardErrorUrl: '',
      CommandPlugins: [
        {
          Name: 'aws:runShellScript',
          Status: 'Failed',
          StatusDetails: 'Failed',
          ResponseCode: 2,
          ResponseStartDateTime: 1764358801.5,
          ResponseFinishDateTime: 1764358803.25,
          Output: 'df: /mnt: No such file\n',
          StandardOutputUrl: '',
          StandardErrorUrl: '',
          OutputS3Region: 'eu-west-1',
          OutputS3BucketName: '',
          OutputS3KeyPrefix: '',
        },
      ],
      ServiceRole: '',
      NotificationConfig: { NotificationArn: '', NotificationEvents: [], NotificationType: '' },
      CloudWatchOutputConfig: { CloudWatchLogGroupName: '', CloudWatchOutputEnabled: false },
    },
  ],
  NextToken: 'AAEAAX',
};

describe('parseListCommandInvocationsOutput', () => {
  it('reads the sample: node, status, plugin exit code, output and epoch times', () => {
    expect(parseListCommandInvocationsOutput(listSample)).toEqual({
      invocations: [
        {
          commandId: COMMAND,
          instanceId: EC2,
          documentName: 'AWS-RunShellScript',
          requestedTime: new Date(1764358800120),
          status: 'Failed',
          statusDetails: 'Failed',
          plugins: [
            {
              name: 'aws:runShellScript',
              status: 'Failed',
              statusDetails: 'Failed',
              responseCode: 2,
              startTime: new Date(1764358801500),
              finishTime: new Date(1764358803250),
              output: { text: 'df: /mnt: No such file\n', truncated: false },
            },
          ],
        },
      ],
      nextToken: 'AAEAAX',
    });
  });

  it('accepts SDK Dates, reads S3 and CloudWatch locations, flags output SSM cut at 2500', () => {
    const when = new Date('2026-11-28T20:16:15.419Z');
    const { invocations } = parseListCommandInvocationsOutput({
      CommandInvocations: [
        {
          InstanceId: EC2,
          RequestedDateTime: when,
          CloudWatchOutputConfig: {
            CloudWatchLogGroupName: '/aws/ssm/AWS-RunShellScript',
            CloudWatchOutputEnabled: true,
          },
          CommandPlugins: [
            {
              Name: 'aws:runShellScript',
              Output: 'y'.repeat(2500),
              OutputS3BucketName: 'ops-logs',
              OutputS3KeyPrefix: 'mw/',
              OutputS3Region: 'eu-west-1',
            },
          ],
        },
      ],
    });
    const [node] = invocations;
    expect(node?.requestedTime).toEqual(when);
    expect(node?.outputLocation).toEqual({ cloudWatchLogGroupName: '/aws/ssm/AWS-RunShellScript' });
    expect(node?.plugins[0]?.output?.truncated).toBe(true);
    expect(node?.plugins[0]?.outputLocation).toEqual({
      s3BucketName: 'ops-logs',
      s3KeyPrefix: 'mw/',
      s3Region: 'eu-west-1',
    });
  });

  it('treats missing members as missing and wrongly typed scalars as missing', () => {
    expect(parseListCommandInvocationsOutput({})).toEqual({ invocations: [] });
    expect(parseListCommandInvocationsOutput(undefined)).toEqual({ invocations: [] });
    expect(
      parseListCommandInvocationsOutput({ CommandInvocations: [{ Status: 7, InstanceId: null }] }),
    ).toEqual({ invocations: [{ plugins: [] }] });
  });

  it.each([
    ['a string', 'nope'],
    ['a non-list', { CommandInvocations: {} }],
    ['a non-object entry', { CommandInvocations: [1] }],
    ['non-list plugins', { CommandInvocations: [{ CommandPlugins: 'x' }] }],
  ])('throws ServiceError for %s', (_, output) => {
    expect(() => parseListCommandInvocationsOutput(output)).toThrow(ServiceError);
    try {
      parseListCommandInvocationsOutput(output);
    } catch (error) {
      expect((error as ServiceError).operation).toBe('ListCommandInvocations');
      expect((error as ServiceError).message).toMatch(/MalformedResponse/);
    }
  });
});

describe('parseGetCommandInvocationOutput', () => {
  it('keeps the string-typed times as AWS sends them and bounds stderr, keeping its end', () => {
    const stderr = `${'warning: noise\n'.repeat(600)}E: Unable to locate package nginx-full\n`;
    const result = parseGetCommandInvocationOutput({
      CommandId: COMMAND,
      InstanceId: EC2,
      PluginName: 'aws:runShellScript',
      ResponseCode: 100,
      ExecutionStartDateTime: '2026-11-28T20:16:15.419Z',
      ExecutionElapsedTime: 'PT0.091S',
      ExecutionEndDateTime: '2026-11-28T20:16:15.510Z',
      Status: 'Failed',
      StatusDetails: 'Failed',
      StandardOutputContent: 'Reading package lists...\n',
      StandardErrorContent: stderr,
      CloudWatchOutputConfig: { CloudWatchLogGroupName: '', CloudWatchOutputEnabled: false },
    });
    expect(result).toMatchObject({
      responseCode: 100,
      executionStartDateTime: '2026-11-28T20:16:15.419Z',
      executionElapsedTime: 'PT0.091S',
      executionEndDateTime: '2026-11-28T20:16:15.510Z',
      standardOutput: { text: 'Reading package lists...\n', truncated: false },
    });
    expect(result.outputLocation).toBeUndefined();
    expect(result.standardError.truncated).toBe(true);
    expect(result.standardError.text.endsWith('E: Unable to locate package nginx-full\n')).toBe(
      true,
    );
    expect(new TextEncoder().encode(result.standardError.text).length).toBeLessThanOrEqual(4096);
  });

  it('reads a pending invocation (ResponseCode -1, empty times) without inventing values', () => {
    const result = parseGetCommandInvocationOutput({
      ResponseCode: -1,
      ExecutionStartDateTime: '',
      ExecutionElapsedTime: '',
      ExecutionEndDateTime: '',
      Status: 'Pending',
      StandardOutputContent: '',
      StandardErrorContent: '',
    });
    expect(result).toEqual({
      responseCode: -1,
      status: 'Pending',
      standardOutput: { text: '', truncated: false },
      standardError: { text: '', truncated: false },
    });
  });

  it('flags output that reached SSM’s own cap even when it fits the bound', () => {
    const result = parseGetCommandInvocationOutput(
      { StandardErrorContent: 'e'.repeat(8000) },
      { maxBytes: 10_000 },
    );
    expect(result.standardError).toEqual({
      text: 'e'.repeat(8000),
      truncated: true,
      serviceCut: true,
    });
  });

  it('throws ServiceError for a response that is not an object', () => {
    expect(() => parseGetCommandInvocationOutput([])).toThrow(ServiceError);
    expect(() => parseGetCommandInvocationOutput({ CloudWatchOutputConfig: 'x' })).toThrow(
      ServiceError,
    );
  });

  it('never throws anything but ServiceError on arbitrary or oddly typed members', () => {
    const value = fc.anything({ withDate: true, withNullPrototype: true });
    const member = (keys: string[]) => fc.dictionary(fc.constantFrom(...keys), value);
    const pluginKeys = ['Name', 'Status', 'ResponseCode', 'Output', 'ResponseStartDateTime'];
    const plugin = fc.oneof(member(pluginKeys), value);
    const invocation = fc.oneof(
      fc.record({ CommandPlugins: fc.oneof(fc.array(plugin), value), Status: value }),
      member(['InstanceId', 'RequestedDateTime', 'CloudWatchOutputConfig', 'StandardErrorUrl']),
      value,
    );
    const output = fc.oneof(
      value,
      fc.record({ CommandInvocations: fc.oneof(fc.array(invocation), value), NextToken: value }),
      member([
        'ResponseCode',
        'StandardErrorContent',
        'StandardOutputContent',
        'ExecutionStartDateTime',
        'CloudWatchOutputConfig',
      ]),
    );
    fc.assert(
      fc.property(output, (raw) => {
        for (const parse of [parseGetCommandInvocationOutput, parseListCommandInvocationsOutput]) {
          try {
            parse(raw);
          } catch (error) {
            expect(error).toBeInstanceOf(ServiceError);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
