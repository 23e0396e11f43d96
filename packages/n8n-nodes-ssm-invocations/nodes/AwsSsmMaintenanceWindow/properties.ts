import type { INodeProperties } from 'n8n-workflow';
import { EXECUTION_STATUSES, formatStatus, REPORT_LIMITS } from '@ssm-invocations/core/json';

/** Every execution status as n8n options (SKIPPED_OVERLAPPING included). */
export const STATUS_OPTIONS = EXECUTION_STATUSES.map((status) => ({
  name: formatStatus(status),
  value: status,
}));

const show = (resource: string, operation: string[]) => ({
  show: { resource: [resource], operation },
});

// n8n's `hide` matches on any one key, so a parameter shown for several resource/operation
// pairs is declared once per pair instead.
const shownFor = (
  pairs: Array<[string, string[]]>,
  property: Omit<INodeProperties, 'displayOptions'>,
): INodeProperties[] =>
  pairs.map(([resource, operation]) => ({
    ...property,
    displayOptions: show(resource, operation),
  }));

const uuidPlaceholder = '6abb8a9f-43c3-4f4e-a3b3-0123456789ab';

export const resourceProperty: INodeProperties = {
  displayName: 'Resource',
  name: 'resource',
  type: 'options',
  noDataExpression: true,
  options: [
    { name: 'Execution Task', value: 'task' },
    { name: 'Report', value: 'report' },
    { name: 'Task Invocation', value: 'invocation' },
    { name: 'Window', value: 'window' },
    { name: 'Window Execution', value: 'execution' },
  ],
  default: 'invocation',
};

export const operationProperties: INodeProperties[] = [
  {
    displayName: 'Operation',
    name: 'operation',
    type: 'options',
    noDataExpression: true,
    displayOptions: { show: { resource: ['invocation'] } },
    options: [
      {
        name: 'Diagnose',
        value: 'diagnose',
        action: 'Diagnose a task invocation',
        description:
          'Why one invocation failed: per instance the exit code and stderr tail, or the failed Automation step, and console links',
      },
      {
        name: 'Get',
        value: 'get',
        action: 'Get a task invocation',
        description: 'Get one invocation (one target) of a task execution',
      },
      {
        name: 'Get Many',
        value: 'getAll',
        action: 'Get many task invocations',
        description: 'List the per-target invocations of a task execution',
      },
    ],
    default: 'getAll',
  },
  {
    displayName: 'Operation',
    name: 'operation',
    type: 'options',
    noDataExpression: true,
    displayOptions: { show: { resource: ['execution'] } },
    options: [
      {
        name: 'Get',
        value: 'get',
        action: 'Get a window execution',
        description: 'Get one execution of a maintenance window, with its task IDs',
      },
      {
        name: 'Get Many',
        value: 'getAll',
        action: 'Get many window executions',
        description: 'List the executions of a maintenance window, newest first',
      },
    ],
    default: 'getAll',
  },
  {
    displayName: 'Operation',
    name: 'operation',
    type: 'options',
    noDataExpression: true,
    displayOptions: { show: { resource: ['task'] } },
    options: [
      {
        name: 'Get Many',
        value: 'getAll',
        action: 'Get many execution tasks',
        description: 'List the tasks run by a window execution',
      },
    ],
    default: 'getAll',
  },
  {
    displayName: 'Operation',
    name: 'operation',
    type: 'options',
    noDataExpression: true,
    displayOptions: { show: { resource: ['window'] } },
    options: [
      {
        name: 'Get Many',
        value: 'getAll',
        action: 'Get many maintenance windows',
        description: 'List the maintenance windows of the account and region',
      },
    ],
    default: 'getAll',
  },
  {
    displayName: 'Operation',
    name: 'operation',
    type: 'options',
    noDataExpression: true,
    displayOptions: { show: { resource: ['report'] } },
    options: [
      {
        name: 'Get',
        value: 'get',
        action: 'Get a window report',
        description:
          'Which targets of the newest executions of a window ran, which failed, and why, with summaries',
      },
    ],
    default: 'get',
  },
];

export const fieldProperties: INodeProperties[] = [
  ...shownFor(
    [
      ['execution', ['getAll']],
      ['report', ['get']],
    ],
    {
      displayName: 'Window ID',
      name: 'windowId',
      type: 'string',
      required: true,
      default: '',
      placeholder: 'mw-0123456789abcdef0',
      description: 'ID of the maintenance window',
    },
  ),
  ...shownFor(
    [
      ['invocation', ['getAll', 'get', 'diagnose']],
      ['execution', ['get']],
      ['task', ['getAll']],
    ],
    {
      displayName: 'Window Execution ID',
      name: 'windowExecutionId',
      type: 'string',
      required: true,
      default: '',
      placeholder: uuidPlaceholder,
      description: 'ID of the window execution',
    },
  ),
  {
    displayName: 'Task ID',
    name: 'taskId',
    type: 'string',
    required: true,
    default: '',
    placeholder: uuidPlaceholder,
    description: 'ID of the task execution (TaskExecutionId) within the window execution',
    displayOptions: show('invocation', ['getAll', 'get', 'diagnose']),
  },
  {
    displayName: 'Invocation ID',
    name: 'invocationId',
    type: 'string',
    required: true,
    default: '',
    placeholder: uuidPlaceholder,
    description: 'ID of the invocation (one target) of the task execution',
    displayOptions: show('invocation', ['get', 'diagnose']),
  },
  {
    displayName: 'Return All',
    name: 'returnAll',
    type: 'boolean',
    default: false,
    description: 'Whether to return all results or only up to a given limit',
    displayOptions: {
      show: { operation: ['getAll'], resource: ['invocation', 'execution', 'window'] },
    },
  },
  {
    displayName: 'Limit',
    name: 'limit',
    type: 'number',
    typeOptions: { minValue: 1 },
    default: 50,
    description: 'Max number of results to return',
    displayOptions: {
      show: {
        operation: ['getAll'],
        resource: ['invocation', 'execution', 'window'],
        returnAll: [false],
      },
    },
  },
  {
    displayName: 'Executions',
    name: 'executions',
    type: 'number',
    typeOptions: {
      minValue: REPORT_LIMITS.executions.min,
      maxValue: REPORT_LIMITS.executions.max,
    },
    // A literal: n8n's scanner lints with inline eslint-disable comments ignored and wants one.
    // The node test keeps it equal to core's REPORT_LIMITS.executions.default.
    default: 5,
    description: 'How many of the newest executions of the window to include',
    displayOptions: show('report', ['get']),
  },
  {
    displayName: 'Output',
    name: 'reportOutput',
    type: 'options',
    default: 'invocation',
    options: [
      {
        name: 'One Item per Invocation',
        value: 'invocation',
        description: 'Each target of each task, with its execution and task alongside',
      },
      {
        name: 'One Item per Execution',
        value: 'execution',
        description: 'Each execution with its tasks, invocations and summary nested',
      },
    ],
    displayOptions: show('report', ['get']),
  },
  ...shownFor(
    [
      ['invocation', ['getAll']],
      ['task', ['getAll']],
      ['report', ['get']],
    ],
    {
      displayName: 'Filters',
      name: 'filters',
      type: 'collection',
      placeholder: 'Add Filter',
      default: {},
      options: [
        {
          displayName: 'Status',
          name: 'statuses',
          type: 'multiOptions',
          options: STATUS_OPTIONS,
          default: [],
          description: 'Only return records with one of these statuses',
        },
      ],
    },
  ),
  {
    displayName: 'Filters',
    name: 'executionFilters',
    type: 'collection',
    placeholder: 'Add Filter',
    default: {},
    displayOptions: show('execution', ['getAll']),
    options: [
      {
        displayName: 'Executed After',
        name: 'after',
        type: 'dateTime',
        default: '',
        description: 'Only executions that started after this time',
      },
      {
        displayName: 'Executed Before',
        name: 'before',
        type: 'dateTime',
        default: '',
        description: 'Only executions that started before this time',
      },
    ],
  },
  {
    displayName: 'Filters',
    name: 'windowFilters',
    type: 'collection',
    placeholder: 'Add Filter',
    default: {},
    displayOptions: show('window', ['getAll']),
    options: [
      {
        displayName: 'Name',
        name: 'name',
        type: 'string',
        default: '',
        description: 'Only the window with exactly this name',
      },
      {
        displayName: 'Enabled Only',
        name: 'enabled',
        type: 'boolean',
        default: true,
        description: 'Whether to return only enabled windows (true) or only disabled ones (false)',
      },
    ],
  },
  {
    displayName: 'Simplify',
    name: 'simplify',
    type: 'boolean',
    default: true,
    description:
      'Whether to return only the fields people act on (status, details, target, times, duration) instead of the full record',
    displayOptions: {
      show: { resource: ['invocation', 'execution', 'task', 'window'] },
    },
  },
];
