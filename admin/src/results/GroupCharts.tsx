// Loaded lazily (recharts is big): grade counts and a score distribution for one group.
import { Box, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

const BANDS = [0, 60, 70, 80, 90, 100];

/** Counts of finals per 10-point band (below 60 together; 100 and above in the last band). */
export const distribution = (finals: number[]) =>
  BANDS.slice(0, -1).map((from, i) => {
    const to = BANDS[i + 1];
    const last = i === BANDS.length - 2;
    return { name: i === 0 ? `<${to}` : `${from}–${to}`, count: finals.filter(f => f >= (i === 0 ? -Infinity : from) && (last ? true : f < to)).length };
  });

const GroupCharts = ({ gradeCounts, finals }: { gradeCounts: { name: string; count: number }[]; finals: number[] }) => {
  const translate = useTranslate();
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mt: 2 }} data-testid="group-charts">
      <Box sx={{ flex: 1, minWidth: 280 }}>
        <Typography variant="subtitle2">{translate('kaoping.result.grade_counts')}</Typography>
        <ResponsiveContainer width="100%" height={200}>
          <BarChart data={gradeCounts}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar dataKey="count" name={translate('kaoping.result.count')} fill="#1976d2" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </Box>
      <Box sx={{ flex: 1, minWidth: 280 }}>
        <Typography variant="subtitle2">{translate('kaoping.result.distribution')}</Typography>
        <ResponsiveContainer width="100%" height={200}>
          <BarChart data={distribution(finals)}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar dataKey="count" name={translate('kaoping.result.count')} fill="#2e7d32" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </Box>
    </Stack>
  );
};

export default GroupCharts;
