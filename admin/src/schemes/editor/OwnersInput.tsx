// An indicator's owner departments (`owners`): a multi-select of the tenant's departments. None
// chosen removes the key (every MONITOR user may report the indicator).
import { Chip, MenuItem, TextField, Typography } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { getAt } from '../tree';
import { useEditor } from './context';
import { useFieldProblems } from './fields';
import { useProblemsText } from './useProblemText';

interface Department {
  id: string;
  code: string;
  name: string;
}

const OwnersInput = ({ pointer, testId }: { pointer: string; testId?: string }) => {
  const translate = useTranslate();
  const { def, editable, update, problemsUnder } = useEditor();
  const raw = getAt(def, pointer);
  const owners = Array.isArray(raw) ? (raw as unknown[]).map(String) : [];
  const { data = [] } = useGetList<Department>('departments', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'code', order: 'ASC' },
  });
  const nameOf = (code: string) => data.find(d => d.code === code)?.name ?? code;
  const own = useFieldProblems(pointer);
  const text = useProblemsText();
  const below = problemsUnder(pointer);
  const label = translate('kaoping.schemeEditor.field.owners');
  if (!editable) {
    return (
      <Typography variant="body2" component="span" sx={{ mr: 2 }}>
        <Typography component="span" variant="caption" color="text.secondary">
          {translate('kaoping.fmt.label', { label })}
        </Typography>
        <span data-testid={testId}>{owners.length ? owners.map(nameOf).join(translate('kaoping.fmt.list')) : '—'}</span>
      </Typography>
    );
  }
  // codes the tenant does not have (yet) stay choosable, so that they can be removed
  const choices = [...data.map(d => d.code), ...owners.filter(c => !data.some(d => d.code === c))];
  return (
    <TextField
      select
      size="small"
      label={label}
      value={owners}
      sx={{ minWidth: 240 }}
      error={below.length > 0}
      helperText={below.length ? text(below) : (own.helperText ?? translate('kaoping.schemeEditor.field.owners_none'))}
      slotProps={{
        select: {
          multiple: true,
          displayEmpty: true,
          renderValue: (v: unknown) =>
            (v as string[]).map(c => <Chip key={c} size="small" label={nameOf(c)} sx={{ mr: 0.5 }} />),
          SelectDisplayProps: { 'data-testid': testId } as never,
        },
        inputLabel: { shrink: true },
      }}
      onChange={e => {
        const v = e.target.value as unknown as string[] | string;
        const list = (Array.isArray(v) ? v : v.split(',')).filter(Boolean);
        update(pointer, list.length ? list : undefined);
      }}
    >
      {choices.map(c => (
        <MenuItem key={c} value={c}>
          {nameOf(c) === c ? c : `${nameOf(c)}（${c}）`}
        </MenuItem>
      ))}
    </TextField>
  );
};

export default OwnersInput;
