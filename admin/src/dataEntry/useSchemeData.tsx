// The choice every data-entry page starts with: a scheme (remembered), its definition and subjects.
import { MenuItem, TextField } from '@mui/material';
import { useMemo } from 'react';
import { useStore, useTranslate } from 'react-admin';
import { useRead } from '../dataProvider/useRead';
import type { SchemeSummary, SubjectRecord } from './api';
import type { Method } from '@kaoping/shared';

export interface DefGroup {
  code: string;
  name?: string;
  kind?: string;
  root?: { code: string; name?: string; children?: unknown[]; method?: Method };
}
export interface SchemeData {
  scheme: SchemeSummary;
  definition: { groups?: DefGroup[]; reviewThreshold?: number } & Record<string, unknown>;
  subjects: SubjectRecord[];
}

const rank = (s: SchemeSummary) => (s.status === 'PUBLISHED' ? 0 : s.status === 'DRAFT' ? 1 : 2);

/** The schemes (published first), the chosen one and its data. Drafts can be looked at; only published ones take data. */
export function useSchemeData() {
  const schemes = useRead('schemes', {});
  const list = useMemo(
    () =>
      [...(schemes.data ?? [])].sort((a, b) => rank(a) - rank(b) || b.year - a.year || a.code.localeCompare(b.code)),
    [schemes.data],
  );
  const [stored, setSchemeId] = useStore<string>('dataEntry.scheme', '');
  const scheme = list.find(s => s.id === stored) ?? list[0];
  const params = scheme ? { schemeId: scheme.id } : null;
  const definition = useRead('schemeDefinition', params);
  const subjects = useRead('subjects', params);
  const data = useMemo(() => {
    const value: SchemeData | undefined =
      scheme && definition.data && subjects.data
        ? { scheme, definition: definition.data, subjects: subjects.data }
        : undefined;
    return {
      data: value,
      error: definition.error ?? subjects.error,
      loading: definition.isFetching || subjects.isFetching,
    };
  }, [
    scheme,
    definition.data,
    definition.error,
    definition.isFetching,
    subjects.data,
    subjects.error,
    subjects.isFetching,
  ]);
  return { schemes, list, scheme, setSchemeId, data };
}

export const SchemePicker = ({
  list,
  value,
  onChange,
  disabled,
}: {
  list: SchemeSummary[];
  value: string | undefined;
  onChange: (id: string) => void;
  disabled?: boolean;
}) => {
  const translate = useTranslate();
  return (
    <TextField
      select
      size="small"
      label={translate('dataEntry.pick.scheme')}
      value={value ?? ''}
      disabled={disabled}
      onChange={e => onChange(e.target.value)}
      sx={{ width: 340 }}
      slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'pick-scheme' } as never } }}
    >
      {list.map(s => (
        <MenuItem key={s.id} value={s.id}>
          {s.name}
          {translate('kaoping.fmt.paren', { text: `${s.year} · ${translate(`kaoping.scheme.status.${s.status}`)}` })}
        </MenuItem>
      ))}
    </TextField>
  );
};

export const Picker = <T extends string>({
  label,
  value,
  options,
  onChange,
  testId,
  disabled,
}: {
  label: string;
  value: T;
  options: { id: T; name: string }[];
  onChange: (v: T) => void;
  testId: string;
  disabled?: boolean;
}) => (
  <TextField
    select
    size="small"
    label={label}
    value={value}
    disabled={disabled}
    onChange={e => onChange(e.target.value as T)}
    sx={{ width: 180 }}
    slotProps={{ select: { SelectDisplayProps: { 'data-testid': testId } as never } }}
  >
    {options.map(o => (
      <MenuItem key={o.id} value={o.id}>
        {o.name}
      </MenuItem>
    ))}
  </TextField>
);
