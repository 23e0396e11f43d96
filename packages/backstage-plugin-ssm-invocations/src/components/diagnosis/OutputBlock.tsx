import React, { useState } from 'react';
import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import FileCopyOutlinedIcon from '@material-ui/icons/FileCopyOutlined';

const useStyles = makeStyles((theme) => ({
  block: {
    position: 'relative',
    margin: theme.spacing(0.5, 0, 1),
  },
  pre: {
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
    fontSize: '0.8rem',
    lineHeight: 1.45,
    whiteSpace: 'pre',
    overflow: 'auto',
    maxHeight: '16em',
    margin: 0,
    padding: theme.spacing(1, 5, 1, 1),
    borderRadius: theme.shape.borderRadius,
    background: theme.palette.type === 'dark' ? '#1e1e1e' : '#f6f8fa',
    border: `1px solid ${theme.palette.divider}`,
  },
  copy: { position: 'absolute', top: 2, right: 2 },
}));

/**
 * A tail of command output (stderr, stdout) or the start of a failure message: monospace,
 * scrollable both ways, with a copy button. The text is untrusted and rendered as text only.
 * `truncated` says which part was kept: the end of output, the start of a message.
 */
export function OutputBlock(props: {
  label: string;
  text: string;
  truncated?: boolean;
  kept?: 'end' | 'start';
}) {
  const { label, text, truncated, kept = 'end' } = props;
  const classes = useStyles();
  const [copied, setCopied] = useState<'yes' | 'failed' | undefined>(undefined);
  const copy = async () => {
    try {
      await window.navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      // No clipboard (insecure origin, denied): the text stays selectable.
      setCopied('failed');
    }
  };
  return (
    <Box className={classes.block}>
      <Typography variant="caption" color="textSecondary" component="div">
        {label}
        {truncated
          ? kept === 'end'
            ? ' (last part; earlier output cut)'
            : ' (first part; the rest cut)'
          : ''}
      </Typography>
      <Box position="relative">
        <pre className={classes.pre} aria-label={label} data-testid="output-block">
          {text}
        </pre>
        <Tooltip
          title={
            copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Copy failed' : `Copy ${label}`
          }
        >
          <IconButton
            size="small"
            className={classes.copy}
            aria-label={`Copy ${label}`}
            onClick={copy}
          >
            <FileCopyOutlinedIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      </Box>
    </Box>
  );
}
