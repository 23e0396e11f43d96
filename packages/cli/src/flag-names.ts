/**
 * Maps core input field names (`windowExecutionId`, `statuses[2]`) to the flags that set them
 * (`--window-execution-id`, `--status`), so a core validation error names what the user typed.
 */
const FIELD_TO_FLAG: Record<string, string> = {
  statuses: '--status',
  pageSize: '--page-size',
  startingToken: '--starting-token',
  nextToken: '--starting-token',
  executions: '--executions',
};

/**
 * The flag for a core input field; array indices are dropped (`statuses[2]` → `--status`) and
 * unknown camelCase names are kebab-cased (`windowExecutionId` → `--window-execution-id`).
 *
 * @example
 * ```ts
 * flagForField('windowExecutionId'); // '--window-execution-id'
 * flagForField('statuses[1]'); // '--status'
 * ```
 */
export function flagForField(field: string): string {
  const base = field.replace(/\[\d+\]$/, '').replace(/\..*$/, '');
  const known = FIELD_TO_FLAG[base];
  if (known !== undefined) return known;
  return `--${base.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}
