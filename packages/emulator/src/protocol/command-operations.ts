/**
 * The Run Command follow-ups of RUN_COMMAND invocations: ListCommandInvocations and
 * GetCommandInvocation over the command invocations a store's invocations name (see
 * `state/run-index.ts` and `data/command-run.ts`). Wire facts from the aws-followups note §1–2:
 * an unknown but well-formed CommandId lists nothing (200), GetCommandInvocation's three
 * `Execution…` times are strings, not epoch numbers, and several error shapes have no members.
 */
import {
  commandRun,
  commandRunStatus,
  type CommandRun,
  type CommandRunPlugin,
} from '../data/command-run';
import { commandRowKey, runIndexOf, type CommandInvocationRow } from '../state/run-index';
import {
  checkCommandFilterValues,
  checkCommandFilters,
  matchesCommandFilter,
  readCommandFilters,
} from './command-filters';
import { cutPage } from './paging';
import type { OperationHandler } from './request';
import { ServiceError } from './service-error';
import {
  ValidationErrors,
  checkMaxResults,
  readBoolean,
  readInteger,
  readOptionalMembers,
  readRequiredMembers,
  readString,
} from './validation';

/** ListCommandInvocations' default page size [inferred: the model documents none]. */
const DEFAULT_MAX_RESULTS = 50;

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** A 36-character CommandId that is not a command id at all: InvalidCommandId, no members. */
function checkCommandIdForm(commandId: string | undefined): void {
  if (commandId !== undefined && !UUID.test(commandId)) {
    throw new ServiceError('InvalidCommandId', '');
  }
}

function pluginOnWire(plugin: CommandRunPlugin): Record<string, unknown> {
  return { ...plugin };
}

/** A `CommandInvocation` item; `CommandPlugins` only with Details, as AWS sends it. */
function invocationOnWire(run: CommandRun, details: boolean): Record<string, unknown> {
  const { Plugins, ...fields } = run;
  return {
    CommandId: fields.CommandId,
    InstanceId: fields.InstanceId,
    InstanceName: '',
    Comment: fields.Comment,
    DocumentName: fields.DocumentName,
    DocumentVersion: '',
    RequestedDateTime: fields.RequestedDateTime,
    Status: fields.Status,
    StatusDetails: fields.StatusDetails,
    TraceOutput: '',
    StandardOutputUrl: fields.StandardOutputUrl,
    StandardErrorUrl: fields.StandardErrorUrl,
    CommandPlugins: details ? Plugins.map(pluginOnWire) : [],
    ServiceRole: '',
    NotificationConfig: { NotificationArn: '', NotificationEvents: [], NotificationType: '' },
    CloudWatchOutputConfig: fields.CloudWatchOutputConfig,
  };
}

function runOf(row: CommandInvocationRow): CommandRun {
  return commandRun(row.invocation, row.commandId, row.instanceId);
}

export const listCommandInvocations: OperationHandler = (input, context) => {
  const errors = new ValidationErrors();
  const { CommandId: commandId, InstanceId: instanceId } = readOptionalMembers(
    'ListCommandInvocations',
    input,
    errors,
    ['CommandId', 'InstanceId'],
  );
  const maxResults = readInteger(input, 'MaxResults');
  const nextToken = readString(input, 'NextToken');
  const filters = readCommandFilters(input);
  const details = readBoolean(input, 'Details') ?? false;
  checkMaxResults(errors, maxResults, 'CommandMaxResults');
  checkCommandFilters(errors, filters);
  errors.throwIfAny();
  checkCommandIdForm(commandId);
  checkCommandFilterValues(filters ?? []);

  const index = runIndexOf(context.store);
  const candidates =
    commandId === undefined ? index.commandRows : (index.byCommand.get(commandId) ?? []);
  const rows = candidates.filter(
    (row) =>
      (instanceId === undefined || row.instanceId === instanceId) &&
      (filters ?? []).every((filter) =>
        matchesCommandFilter(
          {
            requested: row.invocation.StartTime,
            documentName: row.documentName,
            status: () => commandRunStatus(row.invocation, row.commandId, row.instanceId),
          },
          filter,
        ),
      ),
  );
  let page: { items: CommandInvocationRow[]; nextToken?: string };
  try {
    page = cutPage(
      {
        operation: 'ListCommandInvocations',
        input,
        maxResults: maxResults ?? DEFAULT_MAX_RESULTS,
        nextToken,
        filters: [],
      },
      rows,
      (row) => commandRowKey(context.store, row),
      context,
    );
  } catch (error) {
    // The model lists InvalidNextToken for this operation (the MW operations use validation).
    if (error instanceof ServiceError && error.code === 'ValidationException') {
      throw new ServiceError('InvalidNextToken', 'The specified token is not valid.');
    }
    throw error;
  }
  return {
    CommandInvocations: page.items.map((row) => invocationOnWire(runOf(row), details)),
    NextToken: page.nextToken,
  };
};

/** `PT12.345S`: the ISO 8601 duration AWS sends as ExecutionElapsedTime [observed form]. */
function elapsed(start: Date | undefined, end: Date | undefined): string {
  if (!start || !end) return '';
  const seconds = Math.max(0, end.getTime() - start.getTime()) / 1000;
  return `PT${seconds.toFixed(3).replace(/\.?0+$/, '') || '0'}S`;
}

/** Picks the plugin GetCommandInvocation reports on: the named one, or the only one. */
function pluginNamed(run: CommandRun, pluginName: string | undefined): CommandRunPlugin {
  const plugin =
    pluginName === undefined
      ? run.Plugins.length === 1
        ? run.Plugins[0]
        : undefined
      : run.Plugins.find((p) => p.Name === pluginName);
  // A multi-step document needs the step name; a name matching nothing is InvalidPluginName.
  if (!plugin) throw new ServiceError('InvalidPluginName', '');
  return plugin;
}

export const getCommandInvocation: OperationHandler = (input, context) => {
  const errors = new ValidationErrors();
  const { CommandId: commandId, InstanceId: instanceId } = readRequiredMembers(
    'GetCommandInvocation',
    input,
    errors,
  );
  const { PluginName: pluginName } = readOptionalMembers('GetCommandInvocation', input, errors, [
    'PluginName',
  ]);
  errors.throwIfAny();
  checkCommandIdForm(commandId);
  const row = runIndexOf(context.store)
    .byCommand.get(commandId as string)
    ?.find((candidate) => candidate.instanceId === instanceId);
  // An unknown command, or a node the command was not sent to: no members, as AWS sends it.
  if (!row) throw new ServiceError('InvocationDoesNotExist', '');
  const run = runOf(row);
  const plugin = pluginNamed(run, pluginName);
  return {
    CommandId: run.CommandId,
    InstanceId: run.InstanceId,
    Comment: run.Comment,
    DocumentName: run.DocumentName,
    DocumentVersion: '',
    PluginName: plugin.Name,
    ResponseCode: plugin.ResponseCode,
    ExecutionStartDateTime: plugin.ResponseStartDateTime?.toISOString() ?? '',
    ExecutionElapsedTime: elapsed(plugin.ResponseStartDateTime, plugin.ResponseFinishDateTime),
    ExecutionEndDateTime: plugin.ResponseFinishDateTime?.toISOString() ?? '',
    Status: plugin.Status,
    StatusDetails: plugin.StatusDetails,
    StandardOutputContent: plugin.StandardOutputContent,
    StandardOutputUrl: plugin.StandardOutputUrl,
    StandardErrorContent: plugin.StandardErrorContent,
    StandardErrorUrl: plugin.StandardErrorUrl,
    CloudWatchOutputConfig: run.CloudWatchOutputConfig,
  };
};
