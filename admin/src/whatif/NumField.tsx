import { TextField } from '@mui/material';
import { useState } from 'react';

/**
 * A number typed freely: its own text, reported as a number on every keystroke (empty: undefined,
 * not a number: NaN, which the engine's validation then names). Re-mounted (key) on a reset.
 */
const NumField = ({
  value,
  onChange,
  label,
  ariaLabel,
  testId,
  disabled,
  width = 96,
}: {
  value: number | null | undefined;
  onChange: (v: number | undefined) => void;
  label?: string;
  /** What a screen reader says when there is no visible label (the row names it). */
  ariaLabel?: string;
  testId: string;
  disabled?: boolean;
  width?: number;
}) => {
  const [text, setText] = useState(value === undefined || value === null ? '' : String(value));
  return (
    <TextField
      size="small"
      variant="standard"
      label={label}
      value={text}
      disabled={disabled}
      onChange={e => {
        setText(e.target.value);
        const t = e.target.value.trim();
        onChange(t === '' ? undefined : Number(t));
      }}
      sx={{ width }}
      slotProps={{
        htmlInput: { inputMode: 'decimal', 'aria-label': label ? undefined : ariaLabel, 'data-testid': testId },
      }}
    />
  );
};

export default NumField;
