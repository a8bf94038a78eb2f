// 未报送名单: for a scheme, period and source, the units (and, for MONITOR, the owner departments)
// that have not entered all expected inputs, with the deadline.
import {
  Alert,
  Box,
  Card,
  CardContent,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { useRead } from '../dataProvider/useRead';
import PeriodSourcePickers from './PeriodSourcePickers';
import { type Submission } from './api';

const Rows = ({ rows, label }: { rows: Submission[]; label: string }) => {
  const translate = useTranslate();
  return (
    <Table size="small" sx={{ maxWidth: 800, mb: 2 }}>
      <TableHead>
        <TableRow>
          <TableCell>{label}</TableCell>
          <TableCell align="right">{translate('kaoping.not_submitted.entered')}</TableCell>
          <TableCell align="right">{translate('kaoping.not_submitted.expected')}</TableCell>
          <TableCell>{translate('kaoping.not_submitted.reopened')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(r => (
          <TableRow key={r.unit ?? r.code} data-testid="not-submitted-row">
            <TableCell>
              {r.name}{' '}
              <Typography component="span" variant="caption" color="text.secondary">
                {r.unit ?? r.code}
              </Typography>
            </TableCell>
            <TableCell align="right">{r.entered}</TableCell>
            <TableCell align="right">{r.expected}</TableCell>
            <TableCell>{r.reopenedUntil ? new Date(r.reopenedUntil).toLocaleString() : '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const NotSubmittedPage = () => {
  const translate = useTranslate();
  const [params, setParams] = useSearchParams();
  const schemeList = useRead('schemes', {});
  const schemes = schemeList.data ?? [];
  const schemeId = params.get('scheme') ?? schemes[0]?.id ?? '';
  const [period, setPeriod] = useState('ANNUAL');
  const [source, setSource] = useState('SELF');
  const list = useRead('notSubmitted', schemeId ? { schemeId, period, source } : null);
  const data = list.data ?? null;
  const error = (list.error ?? schemeList.error)?.message ?? null;
  return (
    <Card sx={{ mt: 1 }}>
      <Title title={translate('kaoping.not_submitted.title')} />
      <CardContent>
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mb: 2 }}>
          <TextField
            fullWidth={false}
            select
            size="small"
            label={translate('dataEntry.pick.scheme')}
            value={schemeId}
            onChange={e => setParams({ scheme: e.target.value })}
            sx={{ minWidth: 240 }}
          >
            {schemes.map(s => (
              <MenuItem key={s.id} value={s.id}>
                {s.name}
              </MenuItem>
            ))}
          </TextField>
          <PeriodSourcePickers period={period} source={source} onPeriod={setPeriod} onSource={setSource} />
        </Box>
        {error && <Alert severity="error">{error}</Alert>}
        {data && (
          <>
            <Alert severity={data.deadline?.closed ? 'warning' : 'info'} sx={{ mb: 2 }}>
              {data.deadline
                ? translate(
                    data.deadline.closed ? 'kaoping.deadlines.notice_closed' : 'kaoping.deadlines.notice_open',
                    {
                      period: translate(`dataEntry.period.${period}`),
                      source: translate(`dataEntry.source.${source}`),
                      due: data.deadline.dueLocal.replace('T', ' '),
                      zone: data.deadline.timeZone,
                    },
                  )
                : translate('kaoping.not_submitted.no_deadline')}
            </Alert>
            <Typography variant="subtitle1" component="h2">
              {translate('kaoping.not_submitted.units', { missing: data.missing.length, total: data.units })}
            </Typography>
            {data.missing.length ? (
              <Rows rows={data.missing} label={translate('kaoping.not_submitted.unit')} />
            ) : (
              <Typography sx={{ mb: 2 }}>{translate('kaoping.not_submitted.all_in')}</Typography>
            )}
            {source === 'MONITOR' && data.departments > 0 && (
              <>
                <Typography variant="subtitle1" component="h2">
                  {translate('kaoping.not_submitted.departments', {
                    missing: data.missingDepartments.length,
                    total: data.departments,
                  })}
                </Typography>
                {data.missingDepartments.length ? (
                  <Rows rows={data.missingDepartments} label={translate('kaoping.not_submitted.department')} />
                ) : (
                  <Typography>{translate('kaoping.not_submitted.all_in')}</Typography>
                )}
              </>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
};

export default NotSubmittedPage;
