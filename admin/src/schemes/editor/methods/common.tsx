// Pieces several method forms share: the direction select and a code → number table (GRADE
// levels, SURVEY options and voter groups).
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Box, Button, FormHelperText, IconButton, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { useTranslate } from 'react-admin';
import { getAt } from '../../tree';
import { useEditor } from '../context';
import { SelectInput, useFieldProblems } from '../fields';
import { useProblemsText } from '../useProblemText';
import { pointerTo } from '@kaoping/shared';

export interface MethodFormProps {
  /** JSON Pointer of the method object. */
  pointer: string;
  /** The indicator's code, for test ids. */
  code: string;
}

export const DirectionField = ({ pointer, code }: MethodFormProps) => {
  const translate = useTranslate();
  return (
    <SelectInput
      pointer={`${pointer}/direction`}
      label={translate('kaoping.scheme.param.direction')}
      fallback="HIGHER"
      testId={`param-${code}-direction`}
      width={140}
      choices={['HIGHER', 'LOWER'].map(v => ({ value: v, label: translate(`kaoping.scheme.param.${v}`) }))}
    />
  );
};

type Entry = { key: string; value: string; name: string };
const entriesOf = (m: unknown, names: unknown): Entry[] => {
  const named = names && typeof names === 'object' && !Array.isArray(names) ? (names as Record<string, unknown>) : {};
  return m && typeof m === 'object' && !Array.isArray(m)
    ? Object.entries(m as Record<string, unknown>).map(([key, v]) => ({
        key,
        value: v === undefined || v === null ? '' : String(v),
        name: typeof named[key] === 'string' ? named[key] : '',
      }))
    : [];
};
const parse = (t: string): unknown => (t.trim() !== '' && Number.isFinite(Number(t)) ? Number(t) : t);
const toObject = (entries: Entry[]) => Object.fromEntries(entries.map(e => [e.key, parse(e.value)]));
/** The display names of the rows that have one; `undefined` (the key removed) when none has. */
const toNames = (entries: Entry[]) => {
  const named = entries.filter(e => e.name.trim() !== '');
  return named.length ? Object.fromEntries(named.map(e => [e.key, e.name.trim()])) : undefined;
};
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A code → number map as a table, optionally with a display name per code kept at `namesPointer`
 * (SURVEY voterGroupNames/optionNames). Rows are kept here while a code is empty or repeated (an
 * object cannot hold that): such a row is marked and blocks saving until it is fixed.
 */
export const NumberMapEditor = ({
  pointer,
  namesPointer,
  keyLabel,
  valueLabel,
  testId,
  hint,
}: {
  pointer: string;
  namesPointer?: string;
  keyLabel: string;
  valueLabel: string;
  testId: string;
  hint?: string;
}) => {
  const translate = useTranslate();
  const text = useProblemsText();
  const { def, editable, update, problemsAt, setLocalInvalid } = useEditor();
  const value = getAt(def, pointer);
  const names = namesPointer ? getAt(def, namesPointer) : undefined;
  const [entries, setEntries] = useState<Entry[]>(() => entriesOf(value, names));
  const bad = useMemo(() => {
    const seen = new Map<string, number>();
    entries.forEach(e => seen.set(e.key.trim(), (seen.get(e.key.trim()) ?? 0) + 1));
    return entries.map(e => (e.key.trim() === '' ? 'empty' : (seen.get(e.key.trim()) ?? 0) > 1 ? 'duplicate' : null));
  }, [entries]);
  const invalid = bad.some(Boolean);
  useEffect(() => {
    setLocalInvalid(pointer, invalid);
    return () => setLocalInvalid(pointer, false);
  }, [pointer, invalid, setLocalInvalid]);
  useEffect(() => {
    // Follow the definition when it changed elsewhere (discard, method switch), not our own edits.
    if (!invalid && !(same(toObject(entries), value) && (!namesPointer || same(toNames(entries), names))))
      setEntries(entriesOf(value, names));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value, names]);
  const mapProblems = useFieldProblems(pointer);
  const push = (next: Entry[]) => {
    setEntries(next);
    const keys = next.map(e => e.key.trim());
    if (keys.every(k => k !== '') && new Set(keys).size === keys.length) {
      const trimmed = next.map(e => ({ ...e, key: e.key.trim() }));
      update(pointer, toObject(trimmed));
      if (namesPointer) update(namesPointer, toNames(trimmed));
    }
  };
  const nameLabel = translate('kaoping.schemeEditor.param.display_name');
  if (!editable) {
    const shown = (e: Entry) => (e.name ? translate('kaoping.fmt.named', { name: e.name, code: e.key }) : e.key);
    return (
      <Typography variant="body2" data-testid={testId}>
        {keyLabel} → {translate('kaoping.fmt.label', { label: valueLabel })}
        {entries.map(e => `${shown(e)} ${e.value}`).join(translate('kaoping.fmt.clauses')) || '—'}
      </Typography>
    );
  }
  return (
    <Box data-testid={testId}>
      <Typography variant="caption" color="text.secondary">
        {keyLabel} → {valueLabel}
      </Typography>
      <Stack spacing={1} sx={{ mt: 0.5 }}>
        {entries.map((e, i) => {
          const problems = problemsAt(pointerTo(pointer, e.key.trim()));
          const nameProblems = namesPointer ? problemsAt(pointerTo(namesPointer, e.key.trim())) : [];
          return (
            <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
              <TextField
                size="small"
                label={keyLabel}
                value={e.key}
                sx={{ width: 160 }}
                error={!!bad[i]}
                helperText={bad[i] ? translate(`kaoping.schemeEditor.map_${bad[i]}`) : undefined}
                slotProps={{ htmlInput: { 'data-testid': `${testId}-key-${i}` } }}
                onChange={ev => push(entries.map((x, j) => (j === i ? { ...x, key: ev.target.value } : x)))}
              />
              {namesPointer && (
                <TextField
                  size="small"
                  label={nameLabel}
                  value={e.name}
                  sx={{ width: 150 }}
                  error={nameProblems.length > 0}
                  helperText={text(nameProblems)}
                  slotProps={{ htmlInput: { 'data-testid': `${testId}-name-${i}` } }}
                  onChange={ev => push(entries.map((x, j) => (j === i ? { ...x, name: ev.target.value } : x)))}
                />
              )}
              <MapValue
                label={valueLabel}
                value={e.value}
                problems={problems}
                testId={`${testId}-value-${i}`}
                onChange={v => push(entries.map((x, j) => (j === i ? { ...x, value: v } : x)))}
              />
              <IconButton
                size="small"
                aria-label={translate('ra.action.remove')}
                onClick={() => push(entries.filter((_, j) => j !== i))}
              >
                <DeleteIcon fontSize="small" />
              </IconButton>
            </Stack>
          );
        })}
      </Stack>
      {mapProblems.helperText && <FormHelperText error>{mapProblems.helperText}</FormHelperText>}
      {hint && <FormHelperText>{hint}</FormHelperText>}
      <Button
        size="small"
        startIcon={<AddIcon />}
        onClick={() => push([...entries, { key: '', value: '', name: '' }])}
        data-testid={`${testId}-add`}
      >
        {translate('kaoping.schemeEditor.add_row')}
      </Button>
    </Box>
  );
};

const MapValue = ({
  label,
  value,
  problems,
  testId,
  onChange,
}: {
  label: string;
  value: string;
  problems: { message: string }[];
  testId: string;
  onChange: (v: string) => void;
}) => {
  const text = useProblemsText();
  return (
    <TextField
      size="small"
      label={label}
      value={value}
      sx={{ width: 110 }}
      error={problems.length > 0}
      helperText={text(problems)}
      slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': testId } }}
      onChange={e => onChange(e.target.value)}
    />
  );
};
