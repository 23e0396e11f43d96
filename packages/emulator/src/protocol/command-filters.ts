/**
 * ListCommandInvocations' `Filters`: a list of 1–5 `{key, value}` (lower-case members, one value
 * each, unlike the maintenance-window filters). Coral checks the model constraints (count, key
 * enum, value length); the service then rejects `ExecutionStage`, which is documented for
 * ListCommands only, with InvalidFilterKey, and checks each value's documented format.
 */
import type { CommandRun } from '../data/command-run';
import { SSM_SERVICE_MODEL } from './service-model';
import { ServiceError } from './service-error';
import {
  ISO_DATE,
  checkLength,
  checkStringValue,
  readObjectList,
  wrongType,
  type ValidationErrors,
} from './validation';

/** A Run Command filter as sent on the wire. */
export interface CommandFilter {
  key: string;
  value: string;
}

/** Reads the optional `Filters` list, rejecting wrong JSON shapes. */
export function readCommandFilters(input: Record<string, unknown>): CommandFilter[] | undefined {
  return readObjectList(input, 'Filters', (record, path) => {
    const key = record.key ?? '';
    const value = record.value ?? '';
    if (typeof key !== 'string') wrongType(`${path}.key`, 'a string');
    if (typeof value !== 'string') wrongType(`${path}.value`, 'a string');
    return { key, value };
  });
}

/** Records Coral's constraint violations of the filter list (count, key enum, value length). */
export function checkCommandFilters(
  errors: ValidationErrors,
  filters: CommandFilter[] | undefined,
): void {
  if (filters === undefined) return;
  checkLength(errors, 'filters', filters, 'CommandFilterList');
  filters.forEach((filter, index) => {
    const at = `filters.${index + 1}.member`;
    if (filter.key === '') errors.add(`${at}.key`, undefined, 'Member must not be null');
    else checkStringValue(errors, `${at}.key`, filter.key, 'CommandFilterKey');
    if (filter.value === '') errors.add(`${at}.value`, undefined, 'Member must not be null');
    else checkLength(errors, `${at}.value`, filter.value, 'CommandFilterValue');
  });
}

type ValueRules = typeof SSM_SERVICE_MODEL.commandFilterValues;

function ruleOf(key: string): ValueRules[keyof ValueRules] | undefined {
  return Object.prototype.hasOwnProperty.call(SSM_SERVICE_MODEL.commandFilterValues, key)
    ? SSM_SERVICE_MODEL.commandFilterValues[key as keyof ValueRules]
    : undefined;
}

/**
 * The service's own checks, after Coral's: a key outside the operation's documented keys is
 * InvalidFilterKey (no message, as that error shape has no members) [inferred]; a value outside
 * its documented format is a ValidationException.
 */
export function checkCommandFilterValues(filters: readonly CommandFilter[]): void {
  const allowed: readonly string[] =
    SSM_SERVICE_MODEL.followUpOperations.ListCommandInvocations.filterKeys;
  for (const filter of filters) {
    const rule = ruleOf(filter.key);
    if (!allowed.includes(filter.key) || rule === undefined) {
      throw new ServiceError('InvalidFilterKey', '');
    }
    const valid =
      'format' in rule
        ? ISO_DATE.test(filter.value) && !Number.isNaN(Date.parse(filter.value))
        : 'values' in rule
          ? (rule.values as readonly string[]).includes(filter.value)
          : new RegExp(SSM_SERVICE_MODEL.shapes[rule.shape].pattern).test(filter.value);
    if (!valid) {
      throw new ServiceError(
        'ValidationException',
        `The value '${filter.value}' is not valid for the filter key ${filter.key}.`,
      );
    }
  }
}

/** What a filter looks at; the status is computed only for Status filters. */
export interface FilterSubject {
  requested?: Date;
  documentName: string;
  status: () => Pick<CommandRun, 'Status' | 'StatusDetails'>;
}

/** Whether a command invocation passes one filter (filters are ANDed). */
export function matchesCommandFilter(subject: FilterSubject, filter: CommandFilter): boolean {
  switch (filter.key) {
    case 'InvokedAfter':
      return (subject.requested?.getTime() ?? -Infinity) >= Date.parse(filter.value);
    case 'InvokedBefore':
      return (subject.requested?.getTime() ?? Infinity) <= Date.parse(filter.value);
    case 'DocumentName':
      return subject.documentName === filter.value;
    default: {
      // `TimedOut` covers both timeouts; the finer values match StatusDetails without spaces.
      const { Status, StatusDetails } = subject.status();
      return Status === filter.value || StatusDetails.replace(/ /g, '') === filter.value;
    }
  }
}
