import { makeStyles } from '@material-ui/core/styles';

/**
 * Column styles of the executions table. The card is often half the page wide (the new frontend
 * system's entity overview), where a table squeezes its columns until headers break mid-word
 * ("Duratio / n"); headers and short values stay on one line and each column keeps a sensible
 * minimum width, and the table scrolls sideways (see WindowSection) when even that is too wide.
 */
export const useExecutionColumnStyles = makeStyles({
  header: { whiteSpace: 'nowrap' },
  status: { whiteSpace: 'nowrap', minWidth: '6.5em' },
  // "2026-11-28 22:05:29 GMT+1": date and time on one line, the zone may go to the next.
  start: { minWidth: '10.5em' },
  duration: { whiteSpace: 'nowrap', minWidth: '4.5em' },
  targets: { minWidth: '9em' },
  link: { whiteSpace: 'nowrap' },
});
