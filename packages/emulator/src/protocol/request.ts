/**
 * Reading an operation's input as SSM does: the members the service model lists for it (required
 * ids, then MaxResults, NextToken and Filters) are read and checked before any handler runs, and
 * every violation goes out in one ValidationException.
 */
import type { EmulatorStore } from '../state/store';
import type { NextTokenCodec } from './next-token';
import {
  SSM_SERVICE_MODEL,
  type MaintenanceWindowOperationName,
  type SsmOperationName,
} from './service-model';
import {
  ValidationErrors,
  checkFilters,
  checkMaxResults,
  readFilters,
  readInteger,
  readRequiredMembers,
  readString,
  type WireFilter,
} from './validation';

/** What an operation handler needs besides its input. */
export interface OperationContext {
  store: EmulatorStore;
  codec: NextTokenCodec;
  /** Set by the repeat-token fault: answer with this NextToken instead of the real one. */
  repeatToken?: boolean;
}

/** An operation's JSON input (already parsed) → its output object. */
export type OperationHandler = (
  input: Record<string, unknown>,
  context: OperationContext,
) => Record<string, unknown>;

/** The paging and filter members of a call, read and checked (defaults for Get operations). */
export interface ListQuery {
  operation: SsmOperationName;
  /** The input as sent; NextTokens are bound to it. */
  input: Record<string, unknown>;
  maxResults: number;
  nextToken?: string;
  filters: WireFilter[];
}

type RequiredMember<Op extends MaintenanceWindowOperationName> =
  (typeof SSM_SERVICE_MODEL.operations)[Op]['required'][number];

/** A checked request: its list query plus the operation's required ids by member name. */
export interface OperationRequest<Op extends MaintenanceWindowOperationName> extends ListQuery {
  operation: Op;
  ids: Readonly<Record<RequiredMember<Op>, string>>;
}

/** SSM's default page size when MaxResults is absent. */
const DEFAULT_MAX_RESULTS = 10;

function readRequest<Op extends MaintenanceWindowOperationName>(
  operation: Op,
  input: Record<string, unknown>,
): OperationRequest<Op> {
  const errors = new ValidationErrors();
  // Every required member is either read or reported, and reports throw below.
  const ids = readRequiredMembers(operation, input, errors) as Record<RequiredMember<Op>, string>;
  const request: OperationRequest<Op> = {
    operation,
    input,
    ids,
    maxResults: DEFAULT_MAX_RESULTS,
    filters: [],
  };
  if ('MaxResults' in SSM_SERVICE_MODEL.operations[operation].input) {
    const maxResults = readInteger(input, 'MaxResults');
    request.nextToken = readString(input, 'NextToken');
    const filters = readFilters(input);
    checkMaxResults(errors, maxResults);
    checkFilters(errors, operation, filters);
    request.maxResults = maxResults ?? DEFAULT_MAX_RESULTS;
    request.filters = filters ?? [];
  }
  errors.throwIfAny();
  return request;
}

/** A handler whose input is read and checked per the service model before `answer` runs. */
export function defineHandler<Op extends MaintenanceWindowOperationName>(
  operation: Op,
  answer: (request: OperationRequest<Op>, context: OperationContext) => Record<string, unknown>,
): OperationHandler {
  return (input, context) => answer(readRequest(operation, input), context);
}
