// The what-if page's right side: grade counts before → after, the score distribution, who moved, distance to the next grade.
import {
  Alert,
  Box,
  CircularProgress,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { lazy, Suspense, useState } from 'react';
import { useTranslate } from 'react-admin';
import type { Scheme, WhatIfSubject } from '@kaoping/shared';
import { distributionOf, type Outcome } from './model';

const DistributionChart = lazy(() => import('./DistributionChart'));

const fmt = (n: number) => String(Number(n.toFixed(4)));
/** Rows of a table re-rendered on every change: beyond these, narrow by name or code. */
const MAX_ROWS = 200;

const Results = ({
  outcome,
  definition,
  names,
  group,
  onGroup,
}: {
  outcome: Outcome;
  definition: Scheme;
  names: Map<string, string>;
  group: string;
  onGroup: (g: string) => void;
}) => {
  const translate = useTranslate();
  const named = (name: string, code: string) => translate('kaoping.fmt.named', { name, code });
  const gradeName = (code: string) => definition.grades.find(g => g.code === code)?.name ?? code;
  const groupName = (code: string) => definition.groups.find(g => g.code === code)?.name ?? code;
  const subjectCell = (s: WhatIfSubject) => named(names.get(s.subject) ?? s.subject, s.subject);
  const u = outcome.unmatched;
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const byDistance = outcome.subjects
    .filter(
      s =>
        s.group === group &&
        (!q || s.subject.toLowerCase().includes(q) || (names.get(s.subject) ?? '').toLowerCase().includes(q)),
    )
    .sort((a, b) => (a.toNextGrade ?? Infinity) - (b.toNextGrade ?? Infinity));
  return (
    <Box>
      {(u.subjects.length > 0 || u.indicators.length > 0 || u.rules.length > 0) && (
        <Alert severity="info" sx={{ mb: 1 }} data-testid="whatif-unmatched">
          {translate('kaoping.whatif.unmatched')}
          {(['subjects', 'indicators', 'rules'] as const)
            .filter(k => u[k].length)
            .map(k => (
              <div key={k}>
                {translate('kaoping.fmt.label', { label: translate(`kaoping.whatif.unmatched_${k}`) })}
                {u[k].join(translate('kaoping.fmt.list'))}
              </div>
            ))}
        </Alert>
      )}
      <Typography variant="subtitle1">{translate('kaoping.whatif.summary')}</Typography>
      <Table size="small" data-testid="whatif-summary">
        <TableHead>
          <TableRow>
            <TableCell />
            {definition.grades.map(g => (
              <TableCell key={g.code} align="center">
                {g.name}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {outcome.groups.map(g => (
            <TableRow key={g.group} data-testid={`summary-${g.group}`}>
              <TableCell>{groupName(g.group)}</TableCell>
              {definition.grades.map(gr => {
                const b = g.before[gr.code] ?? 0;
                const a = g.after[gr.code] ?? 0;
                return (
                  <TableCell
                    key={gr.code}
                    align="center"
                    sx={{
                      fontWeight: a !== b ? 700 : 400,
                      color: a > b ? 'success.main' : a < b ? 'error.main' : undefined,
                    }}
                  >
                    {b === a ? a : `${b} → ${a}`}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>

      <Typography variant="subtitle1" sx={{ mt: 2 }}>
        {translate('kaoping.whatif.moved')}{' '}
        {outcome.moved.length > 0 && (
          <small>{translate('kaoping.whatif.moved_count', { count: outcome.moved.length })}</small>
        )}
      </Typography>
      {outcome.moved.length === 0 ? (
        <Typography variant="body2" color="text.secondary" data-testid="whatif-none-moved">
          {translate('kaoping.whatif.none_moved')}
        </Typography>
      ) : (
        <Table size="small" data-testid="whatif-moved">
          <TableHead>
            <TableRow>
              <TableCell>{translate('kaoping.whatif.subject')}</TableCell>
              <TableCell>{translate('kaoping.whatif.group')}</TableCell>
              <TableCell>{translate('kaoping.whatif.grade')}</TableCell>
              <TableCell>{translate('kaoping.whatif.rank')}</TableCell>
              <TableCell>{translate('kaoping.whatif.final')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {outcome.moved.slice(0, MAX_ROWS).map(s => (
              <TableRow key={s.subject} data-testid={`moved-${s.subject}`}>
                <TableCell>{subjectCell(s)}</TableCell>
                <TableCell>{groupName(s.group)}</TableCell>
                <TableCell sx={{ fontWeight: s.before!.grade !== s.grade ? 700 : 400 }}>
                  {s.before!.grade === s.grade
                    ? gradeName(s.grade)
                    : `${gradeName(s.before!.grade)} → ${gradeName(s.grade)}`}
                </TableCell>
                <TableCell>{s.before!.rank === s.rank ? s.rank : `${s.before!.rank} → ${s.rank}`}</TableCell>
                <TableCell>{`${fmt(s.before!.final)} → ${fmt(s.final)}`}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}

      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mt: 2 }}>
        <Typography variant="subtitle1" sx={{ whiteSpace: 'nowrap' }}>
          {translate('kaoping.whatif.distribution')}
        </Typography>
        <TextField
          select
          size="small"
          label={translate('kaoping.whatif.group')}
          value={group}
          onChange={e => onGroup(e.target.value)}
          sx={{ minWidth: 220 }}
        >
          {definition.groups.map(g => (
            <MenuItem key={g.code} value={g.code}>
              {named(g.name, g.code)}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      <Box data-testid="whatif-chart" sx={{ mt: 1 }}>
        <Suspense fallback={<CircularProgress size={16} />}>
          <DistributionChart rows={distributionOf(outcome.subjects, group)} />
        </Suspense>
      </Box>

      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mt: 2 }}>
        <Typography variant="subtitle1">{translate('kaoping.whatif.subjects')}</Typography>
        <TextField
          size="small"
          variant="standard"
          label={translate('kaoping.whatif.find')}
          value={query}
          onChange={e => setQuery(e.target.value)}
        />
        {byDistance.length > MAX_ROWS && (
          <Typography variant="body2" color="text.secondary">
            {translate('kaoping.whatif.shown', { shown: MAX_ROWS, count: byDistance.length })}
          </Typography>
        )}
      </Box>
      <Table size="small" data-testid="whatif-distance">
        <TableHead>
          <TableRow>
            <TableCell>{translate('kaoping.whatif.subject')}</TableCell>
            <TableCell>{translate('kaoping.whatif.final')}</TableCell>
            <TableCell>{translate('kaoping.whatif.grade')}</TableCell>
            <TableCell>{translate('kaoping.whatif.to_next')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {byDistance.slice(0, MAX_ROWS).map(s => (
            <TableRow key={s.subject} data-testid={`distance-${s.subject}`}>
              <TableCell>{subjectCell(s)}</TableCell>
              <TableCell>{fmt(s.final)}</TableCell>
              <TableCell>{gradeName(s.grade)}</TableCell>
              <TableCell>
                {s.toNextGrade !== null
                  ? translate('kaoping.whatif.points_value', { points: fmt(s.toNextGrade) })
                  : translate(`kaoping.whatif.block.${s.nextGradeBlock}`)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

export default Results;
