/** The kinds of shape and operation the recorded SSM service model (`service-model.ts`) is made of. */
import type { ShapeName } from './service-model';

/** A string shape's constraints. */
export interface StringShape {
  readonly type: 'string';
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
}

/** An integer shape's range. */
export interface IntegerShape {
  readonly type: 'integer';
  readonly min: number;
  readonly max: number;
}

/** A list shape's length range and member shape. */
export interface ListShape {
  readonly type: 'list';
  readonly member: string;
  readonly min?: number;
  readonly max?: number;
}

/** A boolean member (no constraints). */
export interface BooleanShape {
  readonly type: 'boolean';
}

/** One recorded shape. */
export type ServiceShape = StringShape | IntegerShape | ListShape | BooleanShape;

/** One operation: input members (name → shape, in model order), required ones, list key. */
export interface ServiceOperation {
  readonly input: Readonly<Record<string, ShapeName>>;
  readonly required: readonly string[];
  /** The paginated list member of the output (botocore paginators `result_key`). */
  readonly listKey?: string;
  /** Supported `Filters` keys (from the `Filters` member documentation). */
  readonly filterKeys: readonly string[];
}
