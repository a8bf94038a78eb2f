// Loaded lazily (recharts is big): the score distribution before and after, side by side per band.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslate } from 'react-admin';

const DistributionChart = ({ rows }: { rows: { name: string; before: number; after: number }[] }) => {
  const translate = useTranslate();
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={rows}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="name" />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend />
        <Bar dataKey="before" name={translate('kaoping.whatif.before')} fill="#90a4ae" isAnimationActive={false} />
        <Bar dataKey="after" name={translate('kaoping.whatif.after')} fill="#1976d2" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
};

export default DistributionChart;
