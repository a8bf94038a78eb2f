// 测评票数: for a SURVEY indicator, the ballot counts per subject, voter group and option as the
// scheme defines them; whole numbers ≥ 0, checked as typed; every changed subject saved in one
// setBallotsBatch call, all or nothing.
import SaveIcon from '@mui/icons-material/Save';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { Title, useNotify, usePermissions, useTranslate } from 'react-admin';
import type { SurveyMethod } from '@kaoping/shared';
import { useRead } from '../dataProvider/useRead';
import { setBallotsBatch, type BallotRow } from './api';
import { indicatorColumns, isBlock, parseClipboard, placePaste, type Column } from './model';
import { canReview } from './rights';
import { optionName, voterGroupName, weightShare } from './survey';
import { Picker, SchemePicker, useSchemeData } from './useSchemeData';
import Spinner from '../layout/Spinner';

type Counts = Record<string, Record<string, string>>;
const byValueDesc = (m: Record<string, number> | undefined) =>
  Object.keys(m ?? {}).sort((a, b) => m![b] - m![a] || a.localeCompare(b));
const isCount = (t: string) => /^\d+$/.test(t.trim());

const BallotPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const { permissions: granted } = usePermissions<string[]>();
  const { schemes, list, scheme, setSchemeId, data } = useSchemeData();
  const surveyGroups = useMemo(
    () =>
      (data.data?.definition.groups ?? [])
        .map(g => ({ group: g, columns: indicatorColumns(g.root as never).filter(c => c.method.type === 'SURVEY') }))
        .filter(x => x.columns.length > 0),
    [data.data],
  );
  const [groupCode, setGroupCode] = useState('');
  const [indicatorCode, setIndicatorCode] = useState('');
  const entry = surveyGroups.find(x => x.group.code === groupCode) ?? surveyGroups[0];
  const column: Column | undefined = entry?.columns.find(c => c.code === indicatorCode) ?? entry?.columns[0];
  const method = column?.method as SurveyMethod | undefined;
  // Voter groups by weight, options by value (best first), ties by code: the same columns every
  // time (and for a paste), also for schemes stored before their key order was kept.
  const voterGroups = byValueDesc(method?.voterGroups);
  const options = byValueDesc(method?.options);
  const subjects = (data.data?.subjects ?? []).filter(s => s.group === entry?.group.code);
  const stored = useRead(
    'inputs',
    scheme && column ? { schemeId: scheme.id, source: 'REVIEW', period: 'ANNUAL', indicator: column.code } : null,
  );
  const [edits, setEdits] = useState<Map<string, Counts>>(new Map());
  const [busy, setBusy] = useState(false);
  useEffect(() => setEdits(new Map()), [scheme?.id, entry?.group.code, column?.code]);
  const may = canReview(granted) && scheme?.status === 'PUBLISHED';

  const storedCounts = useMemo(() => {
    const out = new Map<string, Counts>();
    for (const i of stored.data ?? []) {
      const b = (i.value.ballots ?? {}) as Record<string, Record<string, number>>;
      out.set(
        i.subject,
        Object.fromEntries(
          Object.entries(b).map(([g, o]) => [g, Object.fromEntries(Object.entries(o).map(([k, n]) => [k, String(n)]))]),
        ),
      );
    }
    return out;
  }, [stored.data]);
  const countsOf = (subject: string): Counts => edits.get(subject) ?? storedCounts.get(subject) ?? {};
  const invalid = [...edits.values()].reduce(
    (n, c) =>
      n + Object.values(c).reduce((m, o) => m + Object.values(o).filter(t => t.trim() !== '' && !isCount(t)).length, 0),
    0,
  );

  const edit = (subject: string, g: string, o: string, text: string) =>
    setEdits(prev => {
      const base = countsOf(subject);
      const next = new Map(prev);
      next.set(subject, { ...base, [g]: { ...(base[g] ?? {}), [o]: text } });
      return next;
    });

  // a block copied from a tally sheet, pasted into the focused cell: subjects down, voter group × option across
  const slots = voterGroups.flatMap(g => options.map(o => ({ g, o })));
  const pasteBlock = (row: number, slot: number, text: string): boolean => {
    if (!isBlock(text)) return false;
    const { targets, outside } = placePaste(parseClipboard(text), row, slot, subjects.length, slots.length);
    setEdits(prev => {
      const next = new Map(prev);
      for (const t of targets) {
        const code = subjects[t.row].code;
        const base = next.get(code) ?? storedCounts.get(code) ?? {};
        const { g, o } = slots[t.sub];
        next.set(code, { ...base, [g]: { ...(base[g] ?? {}), [o]: t.text.trim() } });
      }
      return next;
    });
    notify(translate('dataEntry.pasted', { smart_count: targets.length }), { type: 'info' });
    if (outside) notify(translate('dataEntry.pasted_outside', { smart_count: outside }), { type: 'warning' });
    return true;
  };

  const save = async () => {
    if (!scheme || !column) return;
    setBusy(true);
    const rows: BallotRow[] = [...edits].map(([subject, counts]) => {
      const ballots: Record<string, Record<string, number>> = {};
      for (const [g, o] of Object.entries(counts)) {
        const filled = Object.entries(o).filter(([, t]) => t.trim() !== '');
        if (filled.length) ballots[g] = Object.fromEntries(filled.map(([k, t]) => [k, Number(t.trim())]));
      }
      return { subject, indicator: column.code, ballots };
    });
    try {
      const saved = await setBallotsBatch(scheme.id, rows);
      notify(translate('dataEntry.ballots.saved', { smart_count: saved.length }), { type: 'success' });
      setEdits(new Map());
    } catch (e) {
      // all or nothing: nothing was stored, every edit stays for another try
      notify((e as Error).message, { type: 'error', multiLine: true });
    } finally {
      setBusy(false);
      void stored.refetch();
    }
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="dataEntry.title.ballots" />
      <CardContent>
        {schemes.error && <Alert severity="error">{schemes.error.message}</Alert>}
        {schemes.data && !list.length && <Alert severity="info">{translate('dataEntry.no_scheme')}</Alert>}
        {scheme && (
          <Box sx={{ mb: 2, display: 'flex', flexWrap: 'wrap', gap: 2 }}>
            <SchemePicker list={list} value={scheme.id} onChange={setSchemeId} />
            {entry && (
              <Picker
                label={translate('dataEntry.pick.group')}
                value={entry.group.code}
                options={surveyGroups.map(x => ({ id: x.group.code, name: x.group.name || x.group.code }))}
                onChange={setGroupCode}
                testId="ballot-group"
              />
            )}
            {entry && column && (
              <Picker
                label={translate('dataEntry.pick.indicator')}
                value={column.code}
                options={entry.columns.map(c => ({ id: c.code, name: c.name }))}
                onChange={setIndicatorCode}
                testId="ballot-indicator"
              />
            )}
          </Box>
        )}
        {(data.error || stored.error) && <Alert severity="error">{(data.error ?? stored.error)!.message}</Alert>}
        {(data.loading || stored.isFetching) && <Spinner size={24} />}
        {data.data && !surveyGroups.length && <Alert severity="info">{translate('dataEntry.ballots.none')}</Alert>}
        {!may && data.data && surveyGroups.length > 0 && (
          <Alert severity="info" sx={{ mb: 1 }}>
            {translate('dataEntry.ballots.readonly')}
          </Alert>
        )}
        {column && method && (
          <TableContainer sx={{ width: 0, minWidth: '100%', border: 1, borderColor: 'divider' }}>
            <Table
              size="small"
              data-testid="ballot-grid"
              sx={{ '& th, & td': { borderRight: 1, borderColor: 'divider' } }}
            >
              <TableHead>
                <TableRow>
                  <TableCell rowSpan={2}>{translate('dataEntry.subject')}</TableCell>
                  {voterGroups.map(g => (
                    <TableCell key={g} colSpan={options.length} align="center" data-testid={`ballot-group-${g}`}>
                      {voterGroupName(method, g)}
                      <Typography variant="caption" color="text.secondary" sx={{ ml: 0.5 }}>
                        {translate('dataEntry.ballots.weight', { share: weightShare(method, g) })}
                      </Typography>
                    </TableCell>
                  ))}
                  <TableCell rowSpan={2} align="right">
                    {translate('dataEntry.ballots.total')}
                  </TableCell>
                </TableRow>
                <TableRow>
                  {voterGroups.flatMap(g =>
                    options.map(o => (
                      <TableCell key={`${g}-${o}`} align="center" sx={{ fontSize: 12 }}>
                        {optionName(method, o)}
                      </TableCell>
                    )),
                  )}
                </TableRow>
              </TableHead>
              <TableBody>
                {subjects.map((s, row) => {
                  const counts = countsOf(s.code);
                  const total = Object.values(counts).reduce(
                    (n, o) => n + Object.values(o).reduce((m, t) => m + (isCount(t) ? Number(t) : 0), 0),
                    0,
                  );
                  return (
                    <TableRow key={s.code} data-testid={`ballot-row-${s.code}`}>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>
                        {s.name}{' '}
                        <Box component="span" sx={{ color: 'text.secondary', fontSize: 12 }}>
                          {s.code}
                        </Box>
                      </TableCell>
                      {voterGroups.flatMap((g, gi) =>
                        options.map((o, oi) => {
                          const text = counts[g]?.[o] ?? '';
                          const bad = text.trim() !== '' && !isCount(text);
                          return (
                            <TableCell
                              key={`${g}-${o}`}
                              sx={{ p: 0.25 }}
                              title={bad ? translate('dataEntry.check.integer') : undefined}
                            >
                              <Box
                                component="input"
                                readOnly={!may}
                                aria-invalid={bad ? true : undefined}
                                aria-label={translate('dataEntry.ballots.cell', {
                                  subject: s.name,
                                  group: voterGroupName(method, g),
                                  option: optionName(method, o),
                                })}
                                data-testid={`ballot-${s.code}-${g}-${o}`}
                                value={text}
                                onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                                  edit(s.code, g, o, e.target.value)
                                }
                                onPaste={(e: React.ClipboardEvent<HTMLInputElement>) => {
                                  if (
                                    may &&
                                    pasteBlock(row, gi * options.length + oi, e.clipboardData.getData('text/plain'))
                                  )
                                    e.preventDefault();
                                }}
                                sx={{
                                  width: 56,
                                  font: 'inherit',
                                  fontSize: 13,
                                  textAlign: 'right',
                                  p: 0.5,
                                  border: '1px solid',
                                  borderColor: bad ? 'error.main' : 'transparent',
                                  borderRadius: 0.5,
                                  '&:focus': { borderColor: bad ? 'error.main' : 'primary.main', outline: 'none' },
                                }}
                              />
                            </TableCell>
                          );
                        }),
                      )}
                      <TableCell align="right" data-testid={`ballot-total-${s.code}`}>
                        {total}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </TableContainer>
        )}
        {may && column && (
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mt: 2 }}>
            <Button
              variant="contained"
              startIcon={<SaveIcon />}
              disabled={busy || invalid > 0 || edits.size === 0}
              onClick={() => void save()}
              data-testid="ballot-save"
            >
              {translate('dataEntry.save')}
            </Button>
            {invalid > 0 && (
              <Typography color="error" variant="body2" data-testid="ballot-invalid">
                {translate('dataEntry.invalid', { smart_count: invalid })}
              </Typography>
            )}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};

export default BallotPage;
