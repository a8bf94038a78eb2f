// One group's ranking in a run, ordered by rank; a row opens the subject's breakdown. The charts
// (recharts) load only when a group is shown.
import {
  Alert,
  Chip,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { lazy, Suspense, useState } from 'react';
import { useTranslate } from 'react-admin';
import { useRead } from '../dataProvider/useRead';
import Spinner from '../layout/Spinner';
import type { RunRecord, SubjectResult } from './api';
import { fmt, gradeName, ruleName, type SchemeLabels } from './labels';
import { Breakdown } from './Receipt';

const GroupCharts = lazy(() => import('./GroupCharts'));

const GroupPanel = ({ run, group, labels }: { run: RunRecord; group: string; labels?: SchemeLabels }) => {
  const translate = useTranslate();
  const [open, setOpen] = useState<SubjectResult | null>(null);
  const { data: rows, error } = useRead('rankings', { schemeId: run.schemeId, group, runId: run.id });
  if (error) return <Alert severity="error">{error.message}</Alert>;
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
              <TableRow
                key={r.subject.code}
                hover
                sx={{ cursor: 'pointer' }}
                onClick={() => setOpen(r)}
                data-testid={`row-${r.subject.code}`}
              >
                <TableCell>{r.rank}</TableCell>
                <TableCell>
                  {r.subject.name}{' '}
                  <Typography component="span" variant="caption" color="text.secondary">
                    {r.subject.code}
                  </Typography>
                  {r.warnings.length > 0 && (
                    <Chip
                      size="small"
                      color="warning"
                      variant="outlined"
                      sx={{ ml: 1 }}
                      label={translate('kaoping.result.has_warnings')}
                    />
                  )}
                </TableCell>
                <TableCell align="right">{fmt(r.base)}</TableCell>
                <TableCell align="right">{fmt(r.bonus)}</TableCell>
                <TableCell align="right">{fmt(r.deduction)}</TableCell>
                <TableCell align="right" data-testid={`final-${r.subject.code}`}>
                  <b>{fmt(r.final)}</b>
                </TableCell>
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

export default GroupPanel;
