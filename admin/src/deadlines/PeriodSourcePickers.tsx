// The period and source pickers a deadline is chosen by (the deadline panel and the not-submitted list).
import { MenuItem, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { DEADLINE_SOURCES, PERIODS } from './api';

const PeriodSourcePickers = (props: {
  period: string;
  source: string;
  onPeriod: (p: string) => void;
  onSource: (s: string) => void;
}) => {
  const translate = useTranslate();
  return (
    <>
      <TextField
        fullWidth={false}
        select
        size="small"
        label={translate('kaoping.deadlines.period')}
        value={props.period}
        onChange={e => props.onPeriod(e.target.value)}
        sx={{ minWidth: 120 }}
      >
        {PERIODS.map(p => (
          <MenuItem key={p} value={p}>
            {translate(`dataEntry.period.${p}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        fullWidth={false}
        select
        size="small"
        label={translate('kaoping.deadlines.source')}
        value={props.source}
        onChange={e => props.onSource(e.target.value)}
        sx={{ minWidth: 140 }}
      >
        {DEADLINE_SOURCES.map(s => (
          <MenuItem key={s} value={s}>
            {translate(`dataEntry.source.${s}`)}
          </MenuItem>
        ))}
      </TextField>
    </>
  );
};

export default PeriodSourcePickers;
