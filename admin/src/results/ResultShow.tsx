import {
  Alert, Box, Chip, CircularProgress, Dialog, DialogContent, DialogTitle, MenuItem, Paper, Stack, Tab, Table, TableBody, TableCell, TableContainer,
  TableHead, TableRow, Tabs, TextField as MuiTextField, Typography,
} from '@mui/material';
import { lazy, Suspense, useEffect, useState } from 'react';
import { DateField, Labeled, NumberField, ReferenceField, Show, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { exportScheme } from '../schemes/api';
import ComputeButton from './ComputeButton';
import { Breakdown } from './Receipt';
import { adjustmentPoints, compareRuns, fmt, labelsOf, rankings, resultRuns, ruleName, signed, type RunDiff, type RunRecord, type SchemeLabels, type SubjectResult } from './api';
import { LifecyclePanel, RejectButton, StepButton } from './RunLifecycle';
import { FeedbackButton } from '../feedback';
import { ResultsWorkbookButton } from '../files/WorkbookButtons';
import { RunStatusChip } from './status';
import Spinner from '../layout/Spinner';

// recharts loads only when a run's charts are shown.
const GroupCharts = lazy(() => import('./GroupCharts'));

const Actions = () => {
  const record = useRecordContext<RunRecord>();
  if (!record) return <TopToolbar />;
  return (
    <TopToolbar>
      <ComputeButton schemeId={record.schemeId} />
      <StepButton record={record} />
      <RejectButton record={record} />
      <FeedbackButton runId={record.id} />
      <ResultsWorkbookButton runId={record.id} />
    </TopToolbar>
  );
};

const gradeName = (labels: SchemeLabels | undefined, code: string | null | undefined) => (code ? labels?.grades.get(code) ?? code : '—');

/** One group's ranking, ordered by rank; a row opens the subject's breakdown. */
const GroupPanel = ({ run, group, labels }: { run: RunRecord; group: string; labels?: SchemeLabels }) => {
  const translate = useTranslate();
  const [rows, setRows] = useState<SubjectResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<SubjectResult | null>(null);
  useEffect(() => {
    let live = true;
    setRows(null);
    rankings(run.schemeId, group, run.id).then(
      r => live && setRows(r),
      e => live && setError((e as Error).message),
    );
    return () => {
      live = false;
    };
  }, [run.schemeId, run.id, group]);
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!rows) return <Spinner size={20} />;
  const summary = run.groups.find(g => g.group === group);
  return (
    <>
      <TableContainer component={Paper} variant="outlined" data-testid={`ranking-${group}`}>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('kaoping.result.rank')}</TableCell>
              <TableCell>{translate('kaoping.result.subject')}</TableCell>
              <TableCell align="right">{translate('kaoping.result.base')}</TableCell>
              <TableCell align="right">{translate('kaoping.result.bonus')}</TableCell>
              <TableCell align="right">{translate('kaoping.result.deduction')}</TableCell>
              <TableCell align="right">{translate('kaoping.result.final')}</TableCell>
              <TableCell>{translate('kaoping.result.grade')}</TableCell>
              <TableCell>{translate('kaoping.result.vetoes')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(r => (
              <TableRow key={r.subject.code} hover sx={{ cursor: 'pointer' }} onClick={() => setOpen(r)} data-testid={`row-${r.subject.code}`}>
                <TableCell>{r.rank}</TableCell>
                <TableCell>
                  {r.subject.name} <Typography component="span" variant="caption" color="text.secondary">{r.subject.code}</Typography>
                  {r.warnings.length > 0 && <Chip size="small" color="warning" variant="outlined" sx={{ ml: 1 }} label={translate('kaoping.result.has_warnings')} />}
                </TableCell>
                <TableCell align="right">{fmt(r.base)}</TableCell>
                <TableCell align="right">{fmt(r.bonus)}</TableCell>
                <TableCell align="right">{fmt(r.deduction)}</TableCell>
                <TableCell align="right" data-testid={`final-${r.subject.code}`}><b>{fmt(r.final)}</b></TableCell>
                <TableCell>{gradeName(labels, r.grade)}</TableCell>
                <TableCell>{r.vetoes.map(v => ruleName(labels, v)).join('、') || '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <Suspense fallback={<Spinner size={16} sx={{ mt: 2 }} />}>
        <GroupCharts
          runId={run.id}
          group={group}
          gradeCounts={(summary?.gradeCounts ?? []).map(g => ({ name: gradeName(labels, g.grade), count: g.count }))}
          own={rows.map(r => ({ name: r.subject.name, grade: gradeName(labels, r.grade), final: r.final }))}
        />
      </Suspense>
      <Breakdown subject={open} run={run} labels={labels} onClose={() => setOpen(null)} />
    </>
  );
};

/** Compare with another run of the same scheme: the subjects whose final, rank or grade changed. */
const Compare = ({ run, labels }: { run: RunRecord; labels?: SchemeLabels }) => {
  const translate = useTranslate();
  const [runs, setRuns] = useState<RunRecord[]>([]);
  const [other, setOther] = useState('');
  const [diff, setDiff] = useState<RunDiff[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    resultRuns(run.schemeId).then(r => setRuns(r.filter(x => x.id !== run.id)), () => setRuns([]));
  }, [run.schemeId, run.id]);
  useEffect(() => {
    if (!other) return setDiff(null);
    setError(null);
    // Before = the other run, after = this one.
    compareRuns(other, run.id).then(setDiff, e => setError((e as Error).message));
  }, [other, run.id]);
  if (runs.length === 0) return null;
  const groupName = (code: string) => labels?.groups.find(g => g.code === code)?.name ?? code;
  return (
    <Box sx={{ mt: 3 }}>
      <Typography variant="h6">{translate('kaoping.result.compare')}</Typography>
      <MuiTextField
        select
        size="small"
        sx={{ minWidth: 360, my: 1 }}
        label={translate('kaoping.result.compare_with')}
        value={other}
        onChange={e => setOther(e.target.value)}
        slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'compare-select' } as object } }}
      >
        {runs.map(r => (
          <MenuItem key={r.id} value={r.id}>
            {new Date(r.createdAt).toLocaleString()} · {translate(`kaoping.result.status.${r.status}`)} · v{r.schemeVersion}
          </MenuItem>
        ))}
      </MuiTextField>
      {error && <Alert severity="error">{error}</Alert>}
      {diff && diff.length === 0 && <Alert severity="info">{translate('kaoping.result.no_changes')}</Alert>}
      {diff && diff.length > 0 && (
        <TableContainer component={Paper} variant="outlined" data-testid="compare-table">
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('kaoping.result.subject')}</TableCell>
                <TableCell>{translate('kaoping.result.group')}</TableCell>
                <TableCell align="right">{translate('kaoping.result.final_before')}</TableCell>
                <TableCell align="right">{translate('kaoping.result.final_after')}</TableCell>
                <TableCell align="right">Δ</TableCell>
                <TableCell align="right">{translate('kaoping.result.rank_before')}</TableCell>
                <TableCell align="right">{translate('kaoping.result.rank_after')}</TableCell>
                <TableCell align="right">Δ</TableCell>
                <TableCell>{translate('kaoping.result.grade_change')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {diff.map(d => (
                <TableRow key={`${d.group}:${d.subject.code}`} data-testid={`diff-${d.subject.code}`}>
                  <TableCell>{d.subject.name} <Typography component="span" variant="caption" color="text.secondary">{d.subject.code}</Typography></TableCell>
                  <TableCell>{groupName(d.group)}</TableCell>
                  <TableCell align="right">{fmt(d.finalBefore)}</TableCell>
                  <TableCell align="right">{fmt(d.finalAfter)}</TableCell>
                  <TableCell align="right">{signed(d.finalDelta)}</TableCell>
                  <TableCell align="right">{d.rankBefore ?? '—'}</TableCell>
                  <TableCell align="right">{d.rankAfter ?? '—'}</TableCell>
                  <TableCell align="right">{signed(d.rankDelta, 0)}</TableCell>
                  <TableCell>
                    {d.gradeBefore === d.gradeAfter ? gradeName(labels, d.gradeAfter) : `${gradeName(labels, d.gradeBefore)} → ${gradeName(labels, d.gradeAfter)}`}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Box>
  );
};

const Body = () => {
  const record = useRecordContext<RunRecord>();
  const [labels, setLabels] = useState<SchemeLabels | undefined>();
  const [tab, setTab] = useState(0);
  useEffect(() => {
    if (!record?.schemeId) return;
    exportScheme(record.schemeId).then(d => setLabels(labelsOf(d)), () => setLabels(undefined));
  }, [record?.schemeId]);
  if (!record) return null;
  const groups = record.groups.map(g => g.group);
  const current = groups[Math.min(tab, groups.length - 1)];
  const groupName = (code: string) => labels?.groups.find(g => g.code === code)?.name ?? code;
  return (
    <Box sx={{ p: 2 }}>
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Labeled source="schemeId">
          <ReferenceField source="schemeId" reference="schemes"><TextField source="name" /></ReferenceField>
        </Labeled>
        <Labeled source="status"><RunStatusChip status={record.status} /></Labeled>
        <Labeled source="schemeVersion"><NumberField source="schemeVersion" /></Labeled>
        <Labeled source="createdAt"><DateField source="createdAt" showTime /></Labeled>
        <Labeled source="reviewedAt"><DateField source="reviewedAt" showTime emptyText="—" /></Labeled>
        <Labeled source="approvedAt"><DateField source="approvedAt" showTime emptyText="—" /></Labeled>
        <Labeled source="publishedAt"><DateField source="publishedAt" showTime emptyText="—" /></Labeled>
      </Stack>
      <LifecyclePanel record={record} />
      <Tabs value={Math.min(tab, Math.max(groups.length - 1, 0))} onChange={(_, v) => setTab(v)} variant="scrollable" sx={{ mt: 2, mb: 1 }}>
        {record.groups.map(g => (
          <Tab key={g.group} label={`${groupName(g.group)} (${g.count})`} data-testid={`group-tab-${g.group}`} />
        ))}
      </Tabs>
      {current && <GroupPanel key={`${record.id}:${current}`} run={record} group={current} labels={labels} />}
      <Compare run={record} labels={labels} />
    </Box>
  );
};

const ResultShow = () => (
  <Show actions={<Actions />}>
    <Body />
  </Show>
);

export default ResultShow;
