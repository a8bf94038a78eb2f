// A webhook's deliveries (#/webhooks/<id>), newest first: event, status, attempts, the last
// response code or error, and 重新投递 for a delivered or failed one (same id and body).
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import RefreshIcon from '@mui/icons-material/Refresh';
import ReplayIcon from '@mui/icons-material/Replay';
import {
  Alert,
  Button,
  Card,
  CardContent,
  Chip,
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { Link, useParams } from 'react-router-dom';
import { useRead } from '../dataProvider/useRead';
import Spinner from '../layout/Spinner';
import {
  DELIVERIES_PER_PAGE,
  DELIVERY_STATUSES,
  redeliverWebhook,
  type DeliveryRecord,
  type WebhookDeliveryStatus,
} from './api';

const STATUS_COLOR = { PENDING: 'warning', DELIVERED: 'success', FAILED: 'error' } as const;

const when = (at: string | null | undefined) => (at ? new Date(at).toLocaleString() : '—');

const DeliveriesPage = () => {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const notify = useNotify();
  const [status, setStatus] = useState<WebhookDeliveryStatus | ''>('');
  const [page, setPage] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);

  // The heading only: a failure to read it leaves the page without it.
  const webhook = useRead('webhooks', {}).data?.find(w => w.id === id) ?? null;
  // Another filter or page keeps the rows shown until its own arrive.
  const deliveries = useRead(
    'webhookDeliveries',
    { webhookId: id, status: status || undefined, page },
    { keepPrevious: true },
  );
  const rows = deliveries.data ?? null;
  const error = deliveries.error?.message ?? null;
  const queryClient = useQueryClient();
  const load = () => void queryClient.invalidateQueries({ queryKey: ['kaoping', 'webhookDeliveries'] });

  const redeliver = async (d: DeliveryRecord) => {
    setBusy(d.id);
    try {
      await redeliverWebhook(d.id);
      notify('kaoping.webhooks.delivery.redelivered', { type: 'info' });
      load();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(null);
    }
  };

  const t = (key: string, options?: Record<string, unknown>) => translate(`kaoping.webhooks.delivery.${key}`, options);
  return (
    <Card sx={{ mt: 1 }}>
      <Title title={t('title')} />
      <CardContent>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { sm: 'center' } }}>
          <Button
            component={Link}
            to="/webhooks"
            startIcon={<ArrowBackIcon />}
            sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
          >
            {t('back')}
          </Button>
          {webhook && (
            <Typography sx={{ wordBreak: 'break-all', flex: 1 }} data-testid="deliveries-webhook">
              {t('webhook', { url: webhook.url })}
            </Typography>
          )}
          <TextField
            select
            size="small"
            label={t('status_filter')}
            value={status}
            onChange={e => {
              setStatus(e.target.value as WebhookDeliveryStatus | '');
              setPage(0);
            }}
            sx={{ width: { sm: 160 }, flexShrink: 0 }}
          >
            <MenuItem value="">{t('all')}</MenuItem>
            {DELIVERY_STATUSES.map(s => (
              <MenuItem key={s} value={s}>
                {t(s)}
              </MenuItem>
            ))}
          </TextField>
          <Button
            startIcon={<RefreshIcon />}
            onClick={load}
            sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
            data-testid="deliveries-refresh"
          >
            {t('refresh')}
          </Button>
        </Stack>
        {error && <Alert severity="error">{error}</Alert>}
        {!rows && !error && <Spinner size={24} />}
        {rows && rows.length === 0 && <Typography color="text.secondary">{t('none')}</Typography>}
        {rows && rows.length > 0 && (
          <TableContainer component={Paper} variant="outlined" tabIndex={0} aria-label={t('title')}>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{t('occurred')}</TableCell>
                  <TableCell>{t('event')}</TableCell>
                  <TableCell>{t('status')}</TableCell>
                  <TableCell align="right">{t('attempts')}</TableCell>
                  <TableCell align="right">{t('last_code')}</TableCell>
                  <TableCell>{t('last_error')}</TableCell>
                  <TableCell>{t('next')}</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map(d => {
                  const last = d.attempts[d.attempts.length - 1];
                  return (
                    <TableRow key={d.id} data-testid="delivery-row" data-status={d.status}>
                      <TableCell>{when(d.createdAt)}</TableCell>
                      <TableCell>{translate(`kaoping.webhooks.event.${d.event}`)}</TableCell>
                      <TableCell>
                        <Chip
                          size="small"
                          variant="outlined"
                          color={STATUS_COLOR[d.status]}
                          label={t(d.status)}
                          data-testid="delivery-status"
                        />
                      </TableCell>
                      <TableCell align="right" data-testid="delivery-attempts">
                        {d.attempts.length}
                      </TableCell>
                      <TableCell align="right" data-testid="delivery-code">
                        {last ? (last.statusCode ?? t('no_answer')) : '—'}
                      </TableCell>
                      <TableCell sx={{ maxWidth: 260, wordBreak: 'break-word' }}>{last?.error ?? ''}</TableCell>
                      <TableCell>{d.status === 'DELIVERED' ? when(d.deliveredAt) : when(d.nextAttemptAt)}</TableCell>
                      <TableCell>
                        <Button
                          size="small"
                          startIcon={<ReplayIcon />}
                          disabled={d.status === 'PENDING' || busy === d.id}
                          onClick={() => void redeliver(d)}
                          aria-label={t('redeliver_label', { id: d.id })}
                          data-testid="delivery-redeliver"
                        >
                          {t('redeliver')}
                        </Button>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </TableContainer>
        )}
        {rows && (page > 0 || rows.length === DELIVERIES_PER_PAGE) && (
          <Stack direction="row" spacing={1} sx={{ mt: 1, alignItems: 'center' }}>
            <Button disabled={page === 0} onClick={() => setPage(p => p - 1)}>
              {t('previous')}
            </Button>
            <Typography variant="body2">{t('page', { page: page + 1 })}</Typography>
            <Button disabled={rows.length < DELIVERIES_PER_PAGE} onClick={() => setPage(p => p + 1)}>
              {t('following')}
            </Button>
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};

export default DeliveriesPage;
