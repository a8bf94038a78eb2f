// Small inputs bound to a JSON Pointer of the definition: they show the validator's problems for
// exactly that pointer under the field, and plain text when the scheme is read-only.
import { MenuItem, TextField, Typography } from '@mui/material';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { getAt } from '../tree';
import { useEditor } from './context';
import { useProblemsText } from './useProblemText';

const show = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** The field's problems as helper text (error state when there are any). */
export function useFieldProblems(pointer: string): { error: boolean; helperText?: string } {
  const { problemsAt } = useEditor();
  const text = useProblemsText();
  const problems = problemsAt(pointer);
  return problems.length ? { error: true, helperText: text(problems) } : { error: false };
}

const ReadOnly = ({ label, value, testId }: { label?: string; value: string; testId?: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" component="span" sx={{ mr: 2 }}>
      {label ? (
        <Typography component="span" variant="caption" color="text.secondary">
          {translate('kaoping.fmt.label', { label })}
        </Typography>
      ) : null}
      <span data-testid={testId}>{value === '' ? '—' : value}</span>
    </Typography>
  );
};

interface BaseProps {
  pointer: string;
  label?: string;
  testId?: string;
  width?: number | string;
  hint?: ReactNode;
}

/**
 * A number field that keeps what is typed; an entry that is not a number is handed on as typed
 * (the validator reports it). Empty means `undefined` when `optional`, `null` when `nullable`.
 * It follows the definition when the value changes from elsewhere (reorder, discard).
 */
export const NumField = ({
  pointer,
  label,
  testId,
  width = 100,
  optional,
  nullable,
  hint,
}: BaseProps & { optional?: boolean; nullable?: boolean }) => {
  const { def, editable, update } = useEditor();
  const value = getAt(def, pointer);
  const parse = (t: string): unknown =>
    t.trim() === '' ? (optional ? undefined : nullable ? null : t) : Number.isFinite(Number(t)) ? Number(t) : t;
  const [text, setText] = useState(show(value));
  useEffect(() => {
    if (!Object.is(parse(text), value)) setText(show(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const problems = useFieldProblems(pointer);
  if (!editable) return <ReadOnly label={label} value={show(value)} testId={testId} />;
  return (
    <TextField
      size="small"
      label={label}
      value={text}
      sx={{ width }}
      {...problems}
      helperText={problems.helperText ?? hint}
      slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': testId } }}
      onChange={e => {
        setText(e.target.value);
        update(pointer, parse(e.target.value));
      }}
    />
  );
};

/** A text field; empty means `undefined` when `optional`. */
export const TextInput = ({
  pointer,
  label,
  testId,
  width = 200,
  optional,
  multiline,
  hint,
  mono,
}: BaseProps & { optional?: boolean; multiline?: boolean; mono?: boolean }) => {
  const { def, editable, update } = useEditor();
  const value = getAt(def, pointer);
  const problems = useFieldProblems(pointer);
  if (!editable) return <ReadOnly label={label} value={show(value)} testId={testId} />;
  return (
    <TextField
      size="small"
      label={label}
      value={show(value)}
      multiline={multiline}
      sx={{ width }}
      {...problems}
      helperText={problems.helperText ?? hint}
      slotProps={{ htmlInput: { 'data-testid': testId, style: mono ? { fontFamily: 'monospace' } : undefined } }}
      onChange={e => update(pointer, optional && e.target.value === '' ? undefined : e.target.value)}
    />
  );
};

export interface Choice {
  value: string;
  label: string;
  disabled?: boolean;
}

/** A select; `onPick` replaces the plain update when choosing means more than setting one value. */
export const SelectInput = ({
  pointer,
  label,
  testId,
  width = 160,
  choices,
  fallback,
  onPick,
}: BaseProps & { choices: Choice[]; fallback?: string; onPick?: (v: string) => void }) => {
  const { def, editable, update } = useEditor();
  const raw = getAt(def, pointer);
  const value = raw === undefined ? (fallback ?? '') : show(raw);
  const problems = useFieldProblems(pointer);
  if (!editable)
    return <ReadOnly label={label} value={choices.find(c => c.value === value)?.label ?? value} testId={testId} />;
  return (
    <TextField
      select
      size="small"
      label={label}
      value={choices.some(c => c.value === value) ? value : ''}
      sx={{ width }}
      {...problems}
      slotProps={{ select: { SelectDisplayProps: { 'data-testid': testId } as never } }}
      onChange={e => (onPick ? onPick(e.target.value) : update(pointer, e.target.value))}
    >
      {choices.map(c => (
        <MenuItem key={c.value} value={c.value} disabled={c.disabled}>
          {c.label}
        </MenuItem>
      ))}
    </TextField>
  );
};
