// The scheme page's deadlines (ADMIN): set one per period and source in the tenant's local time,
// remove it, reopen it for one unit or department; a link to the not-submitted list.
import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useRead } from '../dataProvider/useRead';
import PeriodSourcePickers from './PeriodSourcePickers';
import { clearDeadline, reopenDeadline, setDeadline, type Deadline } from './api';

const local = (t: string) => t.replace('T', ' ');

const ReopenDialog = ({ deadline, onClose }: { deadline: Deadline; onClose: (changed: boolean) => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [kind, setKind] = useState<'UNIT' | 'DEPARTMENT'>(deadline.source === 'MONITOR' ? 'DEPARTMENT' : 'UNIT');
  const [code, setCode] = useState('');
  const [until, setUntil] = useState('');
  const save = async () => {
    try {
      await reopenDeadline(deadline.id, kind, code.trim(), until);
      notify('kaoping.deadlines.saved', { type: 'info' });
      onClose(true);
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  return (
    <Dialog open onClose={() => onClose(false)}>
      <DialogTitle>{translate('kaoping.deadlines.reopen_title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1, minWidth: 320 }}>
          <TextField
            fullWidth={false}
            select
            label={
              translate('kaoping.deadlines.target.UNIT') + ' / ' + translate('kaoping.deadlines.target.DEPARTMENT')
            }
            value={kind}
            onChange={e => setKind(e.target.value as 'UNIT' | 'DEPARTMENT')}
            size="small"
          >
            {(['UNIT', 'DEPARTMENT'] as const).map(k => (
              <MenuItem key={k} value={k}>
                {translate(`kaoping.deadlines.target.${k}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={translate('kaoping.deadlines.code')}
            value={code}
            onChange={e => setCode(e.target.value)}
            size="small"
            slotProps={{ htmlInput: { 'data-testid': 'reopen-code' } }}
          />
          <TextField
            fullWidth={false}
            type="datetime-local"
            label={translate('kaoping.deadlines.until')}
            value={until}
            onChange={e => setUntil(e.target.value)}
            size="small"
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>{translate('kaoping.deadlines.cancel')}</Button>
        <Button variant="contained" disabled={!code.trim() || !until} onClick={() => void save()}>
          {translate('kaoping.deadlines.reopen')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

const DeadlinePanel = ({ schemeId }: { schemeId: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const read = useRead('deadlines', { schemeId });
  const list = read.data ?? null;
  const error = read.error?.message ?? null;
  const [period, setPeriod] = useState<string>('ANNUAL');
  const [source, setSource] = useState<string>('SELF');
  const [due, setDue] = useState('');
  const [reopening, setReopening] = useState<Deadline | null>(null);
  const queryClient = useQueryClient();
  // A change reads the deadlines again here and in the entry grid's notice.
  const load = () => void queryClient.invalidateQueries({ queryKey: ['kaoping', 'deadlines'] });
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      notify('kaoping.deadlines.saved', { type: 'info' });
      load();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  return (
    <Box sx={{ mt: 3 }} data-testid="deadline-panel">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h2">
          {translate('kaoping.deadlines.title')}
        </Typography>
        {list?.[0] && (
          <Typography variant="caption" color="text.secondary">
            {translate('kaoping.deadlines.zone', { zone: list[0].timeZone })}
          </Typography>
        )}
        <Button component={Link} to={`/not-submitted?scheme=${schemeId}`} size="small">
          {translate('kaoping.deadlines.not_submitted')}
        </Button>
      </Stack>
      {error && <Alert severity="error">{error}</Alert>}
      {list && list.length === 0 && (
        <Typography color="text.secondary" sx={{ my: 1 }}>
          {translate('kaoping.deadlines.none')}
        </Typography>
      )}
      {list && list.length > 0 && (
        <Table size="small" sx={{ my: 1, maxWidth: 900 }}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('kaoping.deadlines.period')}</TableCell>
              <TableCell>{translate('kaoping.deadlines.source')}</TableCell>
              <TableCell>{translate('kaoping.deadlines.due')}</TableCell>
              <TableCell>{translate('kaoping.deadlines.state')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {list.map(d => (
              <TableRow key={d.id} data-testid={`deadline-${d.period}-${d.source}`}>
                <TableCell>{translate(`dataEntry.period.${d.period}`)}</TableCell>
                <TableCell>{translate(`dataEntry.source.${d.source}`)}</TableCell>
                <TableCell>{local(d.dueLocal)}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    color={d.closed ? 'warning' : 'success'}
                    label={translate(d.closed ? 'kaoping.deadlines.closed' : 'kaoping.deadlines.open')}
                  />
                  {d.extensions
                    .filter(x => new Date(x.until) > new Date())
                    .map(x => (
                      <Typography key={x.targetKind + x.code} variant="caption" component="div">
                        {translate('kaoping.deadlines.reopened', { code: x.code, until: local(x.untilLocal) })}
                      </Typography>
                    ))}
                </TableCell>
                <TableCell align="right">
                  <Button size="small" onClick={() => setReopening(d)}>
                    {translate('kaoping.deadlines.reopen')}
                  </Button>
                  <Button
                    size="small"
                    color="error"
                    onClick={() => void act(() => clearDeadline(schemeId, d.period, d.source))}
                  >
                    {translate('kaoping.deadlines.clear')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Stack direction="row" spacing={2} sx={{ mt: 1, flexWrap: 'wrap', alignItems: 'center' }} useFlexGap>
        <PeriodSourcePickers period={period} source={source} onPeriod={setPeriod} onSource={setSource} />
        <TextField
          fullWidth={false}
          type="datetime-local"
          size="small"
          label={translate('kaoping.deadlines.due')}
          value={due}
          onChange={e => setDue(e.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'deadline-due' } }}
        />
        <Button
          variant="contained"
          disabled={!due}
          onClick={() => void act(() => setDeadline(schemeId, period, source, due))}
          data-testid="deadline-set"
        >
          {translate('kaoping.deadlines.set')}
        </Button>
      </Stack>
      {reopening && (
        <ReopenDialog
          deadline={reopening}
          onClose={changed => {
            setReopening(null);
            if (changed) load();
          }}
        />
      )}
    </Box>
  );
};

export default DeadlinePanel;
