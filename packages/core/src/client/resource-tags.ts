/**
 * ListTagsForResource: the tags of a maintenance window (the Backstage backend reads an ownership
 * tag with it). Not paginated; SSM answers `{"TagList":[…]}`.
 */
import { InvalidInputError, ServiceError } from '../model/errors';
import { SSM_OPERATIONS } from '../model/operations';
import { pickFields } from '../model/record-fields';
import type { TagRecord } from '../model/types';
import { assertInputObject, validateWindowId } from '../model/validators';
import type { ListTagsForResourceInput } from './inputs';
import type { ClientContext } from './request';

/** The resource types this client reads tags of (SSM knows more; windows are all we need). */
const SUPPORTED_RESOURCE_TYPES: readonly string[] = ['MaintenanceWindow'];

/** The tags of one resource, each with `Key` and `Value` only. */
export async function tagsOf(
  context: ClientContext,
  input: ListTagsForResourceInput,
  signal?: AbortSignal,
): Promise<TagRecord[]> {
  assertInputObject(input, 'input', ['resourceType', 'resourceId']);
  if (!SUPPORTED_RESOURCE_TYPES.includes(input.resourceType)) {
    throw new InvalidInputError(
      'resourceType',
      `must be one of ${SUPPORTED_RESOURCE_TYPES.join(', ')}`,
    );
  }
  const operation = 'ListTagsForResource';
  const output = await context.send(
    operation,
    {
      ResourceType: input.resourceType,
      ResourceId: validateWindowId(input.resourceId, 'resourceId'),
    },
    signal,
  );
  const list = output.TagList;
  if (list === undefined) return [];
  if (!Array.isArray(list) || !list.every((tag) => typeof tag === 'object' && tag !== null)) {
    throw new ServiceError(
      `${operation} failed: MalformedResponse: TagList is not a list of tags`,
      {
        operation,
      },
    );
  }
  return list.map((tag: Record<string, unknown>) =>
    pickFields<TagRecord>(tag, SSM_OPERATIONS[operation].fields),
  );
}
