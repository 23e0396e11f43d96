/**
 * Finds the Run Command invocations and Automation executions behind a store's RUN_COMMAND and
 * AUTOMATION invocations: one row per (command id, node) named by an invocation's `ExecutionId`
 * and `Parameters.instanceIds`, and each automation execution id. Rebuilt lazily whenever the
 * store changes (live mode edits invocations in place and bumps the version), so the follow-up
 * operations always answer from the invocations as they are now.
 */
import { readRunCommandParameters } from '../data/run-parameters';
import { compareSortKeys, type SortKey } from './sort-key';
import type { EmulatorInvocation, EmulatorStore } from './store';

/** One command invocation: a command id on one node, and the MW invocation that sent it. */
export interface CommandInvocationRow {
  commandId: string;
  instanceId: string;
  documentName: string;
  invocation: EmulatorInvocation;
}

/** The rows and automation executions of one store version. */
export interface RunIndex {
  /** Every command invocation, newest request first (ties by invocation id, then node). */
  commandRows: CommandInvocationRow[];
  /** The rows of each command id. */
  byCommand: Map<string, CommandInvocationRow[]>;
  /** The invocation behind each automation execution id. */
  automations: Map<string, EmulatorInvocation>;
}

/**
 * Sort key of a row: its invocation's place in the store (newest first, not yet started first,
 * live mode's scheduled starts kept), then the node. A client paging while runs start sees each
 * row once, as with the maintenance-window lists.
 */
export function commandRowKey(store: EmulatorStore, row: CommandInvocationRow): SortKey {
  return [...store.invocationKey(row.invocation), row.instanceId];
}

const indexes = new WeakMap<EmulatorStore, { version: number; index: RunIndex }>();

function buildIndex(store: EmulatorStore): RunIndex {
  const commandRows: CommandInvocationRow[] = [];
  const byCommand = new Map<string, CommandInvocationRow[]>();
  const automations = new Map<string, EmulatorInvocation>();
  for (const invocation of store.invocations) {
    const commandId = invocation.ExecutionId;
    if (commandId === undefined) continue;
    if (invocation.TaskType === 'AUTOMATION') {
      automations.set(commandId, invocation);
      continue;
    }
    if (invocation.TaskType !== 'RUN_COMMAND') continue;
    const parameters = readRunCommandParameters(invocation.Parameters);
    for (const instanceId of new Set(parameters.instanceIds)) {
      const row = { commandId, instanceId, documentName: parameters.documentName, invocation };
      commandRows.push(row);
      const rows = byCommand.get(commandId) ?? [];
      rows.push(row);
      byCommand.set(commandId, rows);
    }
  }
  const keyed = commandRows.map((row) => ({ row, key: commandRowKey(store, row) }));
  keyed.sort((a, b) => compareSortKeys(a.key, b.key));
  return { commandRows: keyed.map(({ row }) => row), byCommand, automations };
}

/**
 * The run index of the store's current version.
 *
 * @example
 * ```ts
 * const rows = runIndexOf(store).byCommand.get(commandId) ?? [];
 * ```
 */
export function runIndexOf(store: EmulatorStore): RunIndex {
  const cached = indexes.get(store);
  if (cached && cached.version === store.version) return cached.index;
  const index = buildIndex(store);
  indexes.set(store, { version: store.version, index });
  return index;
}
