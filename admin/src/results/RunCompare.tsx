// Compare a run with another run of the same scheme: the subjects whose final, rank or grade
// changed. The diff is keyed by both runs, so picking another run never shows the last one's diff.
import {
  Alert,
  Box,
  MenuItem,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { useRead } from '../dataProvider/useRead';
import type { RunRecord } from './api';
import { fmt, gradeName, groupName, signed, type SchemeLabels } from './labels';

const RunCompare = ({ run, labels }: { run: RunRecord; labels?: SchemeLabels }) => {
  const translate = useTranslate();
  const [other, setOther] = useState('');
  const { data: all } = useRead('resultRuns', { schemeId: run.schemeId });
  // Before = the other run, after = this one.
  const { data: diff, error } = useRead('compareRuns', other ? { before: other, after: run.id } : null);
  const runs = (all ?? []).filter(x => x.id !== run.id);
  if (runs.length === 0) return null;
  const grades = (before: string | null, after: string | null) =>
    before === after ? gradeName(labels, after) : `${gradeName(labels, before)} → ${gradeName(labels, after)}`;
  return (
    <Box sx={{ mt: 3 }}>
      <Typography variant="h6">{translate('kaoping.result.compare')}</Typography>
      <TextField
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
            {new Date(r.createdAt).toLocaleString()} · {translate(`kaoping.result.status.${r.status}`)} · v
            {r.schemeVersion}
          </MenuItem>
        ))}
      </TextField>
      {other && error && <Alert severity="error">{error.message}</Alert>}
      {other && diff && diff.length === 0 && <Alert severity="info">{translate('kaoping.result.no_changes')}</Alert>}
      {other && diff && diff.length > 0 && (
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
                  <TableCell>
                    {d.subject.name}{' '}
                    <Typography component="span" variant="caption" color="text.secondary">
                      {d.subject.code}
                    </Typography>
                  </TableCell>
                  <TableCell>{groupName(labels, d.group)}</TableCell>
                  <TableCell align="right">{fmt(d.finalBefore)}</TableCell>
                  <TableCell align="right">{fmt(d.finalAfter)}</TableCell>
                  <TableCell align="right">{signed(d.finalDelta)}</TableCell>
                  <TableCell align="right">{d.rankBefore ?? '—'}</TableCell>
                  <TableCell align="right">{d.rankAfter ?? '—'}</TableCell>
                  <TableCell align="right">{signed(d.rankDelta, 0)}</TableCell>
                  <TableCell>{grades(d.gradeBefore, d.gradeAfter)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Box>
  );
};

export default RunCompare;
