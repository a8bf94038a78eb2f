// The choice every data-entry page starts with: a scheme (remembered), its definition and subjects.
import { MenuItem, TextField } from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useStore, useTranslate } from 'react-admin';
import { listSchemes, listSubjects, schemeDefinition, type SchemeSummary, type SubjectRecord } from './api';
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

/** Loads something async, keeping the error to show; `reload` runs it again. */
export function useLoad<T>(
  load: () => Promise<T>,
  deps: unknown[],
): { data: T | undefined; error: Error | null; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ data: T | undefined; error: Error | null; loading: boolean }>({
    data: undefined,
    error: null,
    loading: true,
  });
  const [tick, setTick] = useState(0);
  const lastDeps = useRef<string | null>(null);
  useEffect(() => {
    let live = true;
    // other arguments: what was shown no longer applies; a reload keeps it on screen meanwhile
    const key = JSON.stringify(deps);
    const same = lastDeps.current === key;
    lastDeps.current = key;
    setState(s => ({ data: same ? s.data : undefined, loading: true, error: null }));
    load().then(
      data => live && setState({ data, error: null, loading: false }),
      error => live && setState({ data: undefined, error: error as Error, loading: false }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick(t => t + 1), []);
  return { ...state, reload };
}

/** The schemes (published first), the chosen one and its data. Drafts can be looked at; only published ones take data. */
export function useSchemeData() {
  const schemes = useLoad(async () => {
    const all = await listSchemes();
    const rank = (s: SchemeSummary) => (s.status === 'PUBLISHED' ? 0 : s.status === 'DRAFT' ? 1 : 2);
    return all.sort((a, b) => rank(a) - rank(b) || b.year - a.year || a.code.localeCompare(b.code));
  }, []);
  const [stored, setSchemeId] = useStore<string>('dataEntry.scheme', '');
  const list = schemes.data ?? [];
  const scheme = list.find(s => s.id === stored) ?? list[0];
  const data = useLoad<SchemeData | null>(async () => {
    if (!scheme) return null;
    const [definition, subjects] = await Promise.all([schemeDefinition(scheme.id), listSubjects(scheme.id)]);
    return { scheme, definition: definition, subjects };
  }, [scheme?.id]);
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
