// 数据填报: choose scheme, group, source and period; enter or paste values into the grid; save the
// changed cells in one setInputs call (all or nothing; bad rows come back named and are marked).
import SaveIcon from '@mui/icons-material/Save';
import UndoIcon from '@mui/icons-material/Undo';
import { Alert, Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Title, useLocaleState, useNotify, usePermissions, useTranslate } from 'react-admin';
import { codeOf } from '../schemes/api';
import { ownDepartmentOnly, ownUnitOnly } from '../session';
import { MAX_ROWS, PERIODS, rowProblemsOf, setInputs, SOURCES, type Period, type RowInput, type Source } from './api';
import EntryGrid, { cellKey, type CellView } from './EntryGrid';
import {
  checkCell,
  indicatorColumns,
  mayWrite,
  serverCheck,
  isBlock,
  keptFields,
  parseClipboard,
  placePaste,
  subColumns,
  textsOf,
  type Check,
  type Column,
  type Field,
  type Texts,
} from './model';
import { writableSources } from './rights';
import WorkbookBar from '../files/WorkbookBar';
import { useRead } from '../dataProvider/useRead';
import { Picker, SchemePicker, useSchemeData } from './useSchemeData';
import Spinner from '../layout/Spinner';
import DeadlineNotice from '../deadlines/DeadlineNotice';

const sameTexts = (a: Texts, b: Texts, fields: Field[]) =>
  fields.every(f => (a[f] ?? '').trim() === (b[f] ?? '').trim());

const DataEntryPage = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const { permissions: granted } = usePermissions<string[]>();
  const ownUnit = ownUnitOnly();
  const ownDepartment = ownDepartmentOnly();
  const { schemes, list, scheme, setSchemeId, data } = useSchemeData();
  const writable = writableSources(granted);
  const [groupCode, setGroupCode] = useState('');
  // until one is picked: the first source the caller may write (known once permissions arrive)
  const [picked, setSource] = useState<Source | null>(null);
  const source: Source = picked ?? writable[0] ?? 'REVIEW';
  const [period, setPeriod] = useState<Period>('ANNUAL');
  const [edits, setEdits] = useState<Map<string, Texts>>(new Map());
  const [serverErrors, setServerErrors] = useState<Map<string, string>>(new Map());
  const [busy, setBusy] = useState(false);

  const unit = useRead('myUnit', ownUnit ? {} : null);
  const groups = data.data?.definition.groups ?? [];
  // a unit user starts on its own unit's group
  const ownGroup = ownUnit ? data.data?.subjects.find(s => s.code === unit.data)?.group : undefined;
  const group = groups.find(g => g.code === groupCode) ?? groups.find(g => g.code === ownGroup) ?? groups[0];
  // a MONITOR user sees only the indicators its department may write
  const department = useRead('myDepartment', ownDepartment ? {} : null);
  const columns: Column[] = useMemo(
    () =>
      indicatorColumns(group?.root as never).filter(
        c =>
          !ownDepartment || (department.data !== null && department.data !== undefined && mayWrite(c, department.data)),
      ),
    [group, ownDepartment, department.data],
  );
  const subs = useMemo(() => subColumns(columns), [columns]);
  const byCode = useMemo(() => new Map(columns.map(c => [c.code, c])), [columns]);
  const subjects = useMemo(() => {
    const all = (data.data?.subjects ?? []).filter(s => s.group === group?.code);
    if (!ownUnit) return all;
    const u = unit.data ?? '';
    return all.filter(s => u !== '' && (s.code === u || s.unit === u));
  }, [data.data, group, ownUnit, unit.data]);

  const inputs = useRead('inputs', scheme ? { schemeId: scheme.id, source, period } : null);
  const reloadInputs = () => void inputs.refetch();
  const stored = useMemo(
    () => new Map((inputs.data ?? []).map(i => [cellKey(i.subject, i.indicator), i.value])),
    [inputs.data],
  );
  const versions = useMemo(
    () => new Map((inputs.data ?? []).map(i => [cellKey(i.subject, i.indicator), i.version])),
    [inputs.data],
  );

  // a new scheme, group, source or period starts clean
  useEffect(() => {
    setEdits(new Map());
    setServerErrors(new Map());
  }, [scheme?.id, group?.code, source, period]);

  const readOnlyReason = !scheme
    ? null
    : scheme.status !== 'PUBLISHED'
      ? translate('dataEntry.readonly.status', { status: translate(`kaoping.scheme.status.${scheme.status}`) })
      : !writable.includes(source)
        ? translate('dataEntry.readonly.source', { source: translate(`dataEntry.source.${source}`) })
        : null;
  const readOnly = readOnlyReason !== null;

  const checkMessage = useCallback(
    (c: Check) => (c.raw ? c.raw : translate(`dataEntry.check.${c.key}`, c.params)),
    [translate],
  );

  // every changed cell: its check, and the row to send when valid
  const checked = useMemo(() => {
    const out = new Map<string, { errors: Partial<Record<Field | '', string>>; row: RowInput | null }>();
    for (const [key, texts] of edits) {
      const [subject, indicator] = key.split('\u0000');
      const column = byCode.get(indicator);
      if (!column) continue;
      const before = stored.get(key);
      if (sameTexts(texts, textsOf(before, column.fields), column.fields)) continue;
      const result = checkCell(column, texts, keptFields(column, before));
      const errors: Partial<Record<Field | '', string>> = {};
      for (const [f, c] of Object.entries(result.errors)) errors[f as Field] = checkMessage(c);
      if (!result.value && before && !Object.keys(errors).length)
        errors[column.fields[0]] = checkMessage({ key: 'cannot_clear' });
      out.set(key, {
        errors,
        row:
          result.value && !Object.keys(errors).length
            ? { subject, indicator, value: result.value, version: versions.get(key) ?? 0 }
            : null,
      });
    }
    return out;
  }, [edits, stored, versions, byCode, checkMessage]);

  // unsaved changes: the choices are locked (a switch would drop them) and leaving the page asks first
  const dirty = edits.size > 0;
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const invalid = [...checked.values()].filter(c => Object.keys(c.errors).length > 0).length;
  const rows = [...checked.values()].flatMap(c => (c.row ? [c.row] : []));

  // stable cell views, so only the cells that changed re-render
  const cache = useRef(new Map<string, CellView>());
  const view = useCallback(
    (subject: string, indicator: string, field: Field): CellView => {
      const key = cellKey(subject, indicator);
      const column = byCode.get(indicator)!;
      const edited = edits.get(key);
      const text = (edited ?? textsOf(stored.get(key), column.fields))[field] ?? '';
      const c = checked.get(key);
      const error =
        c?.errors[field] ?? (field === column.fields[0] ? (c?.errors[''] ?? serverErrors.get(key)) : undefined);
      const next: CellView = { text, error, changed: !!c };
      const vk = `${key}\u0000${field}`;
      const prev = cache.current.get(vk);
      if (prev && prev.text === next.text && prev.error === next.error && prev.changed === next.changed) return prev;
      cache.current.set(vk, next);
      return next;
    },
    [edits, stored, checked, serverErrors, byCode],
  );

  const textsFor = useCallback(
    (map: Map<string, Texts>, key: string, column: Column): Texts =>
      map.get(key) ?? textsOf(stored.get(key), column.fields),
    [stored],
  );

  const onEdit = useCallback(
    (subject: string, indicator: string, field: Field, text: string) => {
      const key = cellKey(subject, indicator);
      const column = byCode.get(indicator);
      if (!column) return;
      setEdits(prev => {
        const next = new Map(prev);
        next.set(key, { ...textsFor(prev, key, column), [field]: text });
        return next;
      });
      setServerErrors(prev => (prev.has(key) ? new Map([...prev].filter(([k]) => k !== key)) : prev));
    },
    [byCode, textsFor],
  );

  const onPasteBlock = useCallback(
    (row: number, sub: number, text: string): boolean => {
      if (!isBlock(text)) return false;
      const { targets, outside } = placePaste(parseClipboard(text), row, sub, subjects.length, subs.length);
      const editable = targets.filter(t => subs[t.sub].field);
      const readOnlyHits = targets.filter(t => !subs[t.sub].field && t.text.trim() !== '').length;
      const filled = editable.length;
      setEdits(prev => {
        const next = new Map(prev);
        for (const t of editable) {
          const s = subs[t.sub];
          const key = cellKey(subjects[t.row].code, s.column.code);
          next.set(key, { ...textsFor(next, key, s.column), [s.field!]: t.text });
        }
        return next;
      });
      notify(translate('dataEntry.pasted', { smart_count: filled }), { type: 'info' });
      if (outside + readOnlyHits > 0) {
        notify(translate('dataEntry.pasted_outside', { smart_count: outside + readOnlyHits }), { type: 'warning' });
      }
      return true;
    },
    [subjects, subs, textsFor, notify, translate],
  );

  const save = async () => {
    if (!scheme || !rows.length) {
      notify('dataEntry.nothing', { type: 'info' });
      return;
    }
    setBusy(true);
    try {
      const written = await setInputs(scheme.id, source, period, rows);
      notify(translate('dataEntry.saved', { smart_count: written.length }), { type: 'success' });
      setEdits(new Map());
      setServerErrors(new Map());
      reloadInputs();
    } catch (e) {
      const problems = rowProblemsOf(e);
      const conflict = codeOf(e) === 'CONFLICT';
      if (problems.length) {
        const names = new Map(subjects.map(s => [s.code, s.name]));
        const marked = new Map<string, string>();
        for (const p of problems) {
          const r = rows[p.row];
          if (r)
            marked.set(
              cellKey(r.subject, r.indicator),
              conflict ? translate('dataEntry.check.changed_meanwhile') : checkMessage(serverCheck(p, locale)),
            );
        }
        setServerErrors(marked);
        const list = problems
          .slice(0, 5)
          .map(p =>
            conflict
              ? `${names.get(p.subject) ?? p.subject} · ${byCode.get(p.indicator)?.name ?? p.indicator}`
              : translate('dataEntry.row_problem', {
                  subject: names.get(p.subject) ?? p.subject,
                  indicator: byCode.get(p.indicator)?.name ?? p.indicator,
                  message: checkMessage(serverCheck(p, locale)),
                }),
          )
          .join(translate('kaoping.fmt.items'));
        notify(
          translate(conflict ? 'dataEntry.conflict' : 'dataEntry.save_failed', { smart_count: problems.length, list }),
          { type: 'error', multiLine: true, autoHideDuration: 10000 },
        );
        // the current versions, so saving again knowingly overwrites (your texts stay in the cells)
        if (conflict) reloadInputs();
      } else notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const problemsList = [...checked.entries()].filter(([, c]) => Object.keys(c.errors).length > 0).slice(0, 8);
  const names = new Map(subjects.map(s => [s.code, s.name]));

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="dataEntry.title.grid" />
      <CardContent>
        {schemes.error && <Alert severity="error">{schemes.error.message}</Alert>}
        {schemes.data && !list.length && <Alert severity="info">{translate('dataEntry.no_scheme')}</Alert>}
        {scheme && (
          <Box sx={{ mb: 2, display: 'flex', flexWrap: 'wrap', gap: 2 }}>
            <SchemePicker list={list} value={scheme.id} onChange={setSchemeId} disabled={dirty} />
            <Picker
              label={translate('dataEntry.pick.group')}
              value={group?.code ?? ''}
              options={groups.map(g => ({ id: g.code, name: g.name || g.code }))}
              onChange={setGroupCode}
              testId="pick-group"
              disabled={dirty}
            />
            <Picker
              label={translate('dataEntry.pick.source')}
              value={source}
              options={SOURCES.map(s => ({ id: s, name: translate(`dataEntry.source.${s}`) }))}
              onChange={setSource}
              testId="pick-source"
              disabled={dirty}
            />
            <Picker
              label={translate('dataEntry.pick.period')}
              value={period}
              options={PERIODS.map(p => ({ id: p, name: translate(`dataEntry.period.${p}`) }))}
              onChange={setPeriod}
              testId="pick-period"
              disabled={dirty}
            />
            {period === 'ANNUAL' && (
              <WorkbookBar
                schemeId={scheme.id}
                code={scheme.code}
                source={source}
                canImport={!readOnly && !dirty}
                onImported={reloadInputs}
              />
            )}
          </Box>
        )}
        {dirty && (
          <Typography
            variant="caption"
            color="text.secondary"
            component="div"
            sx={{ mt: -1, mb: 1 }}
            data-testid="entry-locked"
          >
            {translate('dataEntry.locked')}
          </Typography>
        )}
        {(data.error || inputs.error) && <Alert severity="error">{(data.error ?? inputs.error)!.message}</Alert>}
        {(data.loading || inputs.isFetching) && <Spinner size={24} />}
        {scheme && <DeadlineNotice schemeId={scheme.id} source={source} period={period} />}
        {readOnlyReason && (
          <Alert severity="info" sx={{ mb: 1 }} data-testid="entry-readonly">
            {readOnlyReason}
          </Alert>
        )}
        {data.data && group && !subjects.length && <Alert severity="info">{translate('dataEntry.no_subjects')}</Alert>}
        {data.data && group && subjects.length > 0 && (
          <>
            {!readOnly && (
              <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                {translate('dataEntry.paste_hint')}
              </Typography>
            )}
            <EntryGrid
              columns={columns}
              subs={subs}
              subjects={subjects}
              view={view}
              readOnly={readOnly}
              onEdit={onEdit}
              onPasteBlock={onPasteBlock}
            />
            {problemsList.length > 0 && (
              <Alert severity="error" sx={{ mt: 1 }} data-testid="entry-problems">
                {problemsList.map(([key, c]) => {
                  const [subject, indicator] = key.split('\u0000');
                  return (
                    <div key={key}>
                      {translate('dataEntry.row_problem', {
                        subject: names.get(subject) ?? subject,
                        indicator: byCode.get(indicator)?.name ?? indicator,
                        message: Object.values(c.errors).join(translate('kaoping.fmt.items')),
                      })}
                    </div>
                  );
                })}
              </Alert>
            )}
            {!readOnly && (
              <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mt: 2 }}>
                <Button
                  variant="contained"
                  startIcon={<SaveIcon />}
                  disabled={busy || invalid > 0 || rows.length === 0 || rows.length > MAX_ROWS}
                  onClick={() => void save()}
                  data-testid="entry-save"
                >
                  {translate('dataEntry.save')}
                </Button>
                <Button
                  startIcon={<UndoIcon />}
                  disabled={busy || edits.size === 0}
                  onClick={() => (setEdits(new Map()), setServerErrors(new Map()))}
                  data-testid="entry-discard"
                >
                  {translate('dataEntry.discard')}
                </Button>
                <Box data-testid="entry-status">
                  {rows.length > MAX_ROWS ? (
                    <Typography color="error" variant="body2">
                      {translate('dataEntry.too_many', { smart_count: rows.length, max: MAX_ROWS })}
                    </Typography>
                  ) : invalid > 0 ? (
                    <Typography color="error" variant="body2">
                      {translate('dataEntry.invalid', { smart_count: invalid })}
                    </Typography>
                  ) : checked.size > 0 ? (
                    <Typography variant="body2">
                      {translate('dataEntry.changed', { smart_count: checked.size })}
                    </Typography>
                  ) : null}
                </Box>
              </Stack>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
};

export default DataEntryPage;
