// Loaded lazily (recharts is big): grade counts and a score distribution for one group — always
// the whole group (the server counts the bands), with a UNIT user's own subjects highlighted.
import { Alert, Box, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ownUnitOnly } from '../session';
import type { ScoreBand } from './api';
import { fmt } from './labels';
import { useRead } from '../dataProvider/useRead';

/** A UNIT user's own subject in the group: its grade's name and its final. */
export interface OwnResult {
  name: string;
  grade: string;
  final: number;
}

const bandName = (b: ScoreBand) => (b.from === null ? `<${b.to}` : b.to === null ? `≥${b.from}` : `${b.from}–${b.to}`);
const inBand = (b: ScoreBand, final: number) => (b.from === null || final >= b.from) && (b.to === null || final < b.to);

const COLORS = { grades: ['#1976d2', '#0d3c73'], bands: ['#2e7d32', '#124116'] };

const Chart = ({
  title,
  data,
  colors,
}: {
  title: string;
  data: { name: string; count: number; own: boolean }[];
  colors: string[];
}) => {
  const translate = useTranslate();
  return (
    <Box sx={{ flex: 1, minWidth: 0 }}>
      <Typography variant="subtitle2">{title}</Typography>
      <ResponsiveContainer width="100%" height={200}>
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Bar dataKey="count" name={translate('kaoping.result.count')} isAnimationActive={false}>
            {data.map(d => (
              <Cell key={d.name} fill={colors[d.own ? 1 : 0]} data-own={d.own ? 'true' : undefined} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
};

const GroupCharts = ({
  runId,
  group,
  gradeCounts,
  own,
}: {
  runId: string;
  group: string;
  gradeCounts: { name: string; count: number }[];
  own: OwnResult[];
}) => {
  const translate = useTranslate();
  const { data: bands, error } = useRead('scoreBands', { runId, group });
  // Only a UNIT user's rows are "its own"; everybody else sees the whole group unmarked.
  const mine = ownUnitOnly() ? own : [];
  return (
    <Box sx={{ mt: 2 }} data-testid="group-charts">
      {mine.length > 0 && (
        <Typography variant="body2" color="text.secondary" data-testid="charts-own">
          {translate('kaoping.result.own_highlight', {
            items: mine
              .map(o => translate('kaoping.result.own_item', { name: o.name, final: fmt(o.final), grade: o.grade }))
              .join(translate('kaoping.fmt.items')),
          })}
        </Typography>
      )}
      {error && <Alert severity="error">{error.message}</Alert>}
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <Chart
          title={translate('kaoping.result.grade_counts')}
          colors={COLORS.grades}
          data={gradeCounts.map(g => ({ ...g, own: mine.some(o => o.grade === g.name) }))}
        />
        {bands && (
          <Chart
            title={translate('kaoping.result.distribution')}
            colors={COLORS.bands}
            data={bands.map(b => ({ name: bandName(b), count: b.count, own: mine.some(o => inBand(b, o.final)) }))}
          />
        )}
      </Stack>
    </Box>
  );
};

export default GroupCharts;
