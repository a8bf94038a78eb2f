// Webhook 推送: the tenant's webhooks (ADMIN): create (the signing secret shown once), edit URL,
// events and note, activate/deactivate, delete, and each one's deliveries (#/webhooks/<id>).
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import ListAltIcon from '@mui/icons-material/ListAlt';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  IconButton,
  Paper,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Confirm, Title, useNotify, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useRead } from '../dataProvider/useRead';
import Spinner from '../layout/Spinner';
import { SecretOnceDialog } from '../layout/SecretOnceDialog';
import { createWebhook, deleteWebhook, updateWebhook, type WebhookRecord } from './api';
import WebhookDialog, { type WebhookValues } from './WebhookDialog';

const WebhooksPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const webhooks = useRead('webhooks', {});
  const rows = webhooks.data ?? null;
  const error = webhooks.error?.message ?? null;
  const [editing, setEditing] = useState<WebhookRecord | null | 'new'>(null);
  const [deleting, setDeleting] = useState<WebhookRecord | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const queryClient = useQueryClient();
  // After a change, the list (and a deliveries page's heading) reads again.
  const load = () => void queryClient.invalidateQueries({ queryKey: ['kaoping', 'webhooks'] });

  const save = async (v: WebhookValues) => {
    if (editing === 'new') {
      const created = await createWebhook({ url: v.url, events: v.events, description: v.description || undefined });
      setEditing(null);
      setSecret(created.secret);
    } else if (editing) {
      await updateWebhook(editing.id, { url: v.url, events: v.events, description: v.description });
      setEditing(null);
      notify('kaoping.webhooks.saved', { type: 'info' });
    }
    load();
  };

  const setActive = async (w: WebhookRecord, active: boolean) => {
    setBusy(w.id);
    try {
      await updateWebhook(w.id, { active });
      notify(active ? 'kaoping.webhooks.activated' : 'kaoping.webhooks.deactivated', { type: 'info' });
      load();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(null);
    }
  };

  const remove = async () => {
    const w = deleting;
    setDeleting(null);
    if (!w) return;
    try {
      await deleteWebhook(w.id);
      notify('kaoping.webhooks.deleted', { type: 'info' });
      load();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };

  return (
    <Card sx={{ mt: 1 }}>
      <Title title={translate('kaoping.webhooks.title')} />
      <CardContent>
        <Stack
          direction={{ xs: 'column', sm: 'row' }}
          spacing={2}
          sx={{ mb: 2, alignItems: { sm: 'center' }, justifyContent: 'space-between' }}
        >
          <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 720 }}>
            {translate('kaoping.webhooks.intro')}
          </Typography>
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            onClick={() => setEditing('new')}
            data-testid="webhook-create"
          >
            {translate('kaoping.webhooks.create')}
          </Button>
        </Stack>
        {error && <Alert severity="error">{error}</Alert>}
        {!rows && !error && <Spinner size={24} />}
        {rows && rows.length === 0 && (
          <Typography color="text.secondary">{translate('kaoping.webhooks.empty')}</Typography>
        )}
        {rows && rows.length > 0 && (
          <TableContainer
            component={Paper}
            variant="outlined"
            tabIndex={0}
            aria-label={translate('kaoping.webhooks.title')}
          >
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('kaoping.webhooks.url')}</TableCell>
                  <TableCell>{translate('kaoping.webhooks.events')}</TableCell>
                  <TableCell>{translate('kaoping.webhooks.description')}</TableCell>
                  <TableCell>{translate('kaoping.webhooks.active')}</TableCell>
                  <TableCell>{translate('kaoping.webhooks.created_at')}</TableCell>
                  <TableCell>{translate('kaoping.webhooks.actions')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map(w => (
                  <TableRow key={w.id} data-testid="webhook-row">
                    <TableCell sx={{ wordBreak: 'break-all', fontFamily: 'monospace' }}>{w.url}</TableCell>
                    <TableCell>
                      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
                        {w.events.map(e => (
                          <Chip key={e} size="small" label={translate(`kaoping.webhooks.event.${e}`)} />
                        ))}
                      </Box>
                    </TableCell>
                    <TableCell>{w.description}</TableCell>
                    <TableCell>
                      <Switch
                        checked={w.active}
                        disabled={busy === w.id}
                        onChange={e => void setActive(w, e.target.checked)}
                        slotProps={{
                          input: {
                            'aria-label': translate('kaoping.webhooks.active_label', { url: w.url }),
                            'data-testid': 'webhook-active',
                          } as object,
                        }}
                      />
                    </TableCell>
                    <TableCell>{new Date(w.createdAt).toLocaleString()}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      <Button
                        size="small"
                        component={Link}
                        to={`/webhooks/${w.id}`}
                        startIcon={<ListAltIcon />}
                        data-testid="webhook-deliveries"
                      >
                        {translate('kaoping.webhooks.deliveries')}
                      </Button>
                      <Tooltip title={translate('kaoping.webhooks.edit')}>
                        <IconButton
                          size="small"
                          aria-label={translate('kaoping.webhooks.edit')}
                          onClick={() => setEditing(w)}
                          data-testid="webhook-edit"
                        >
                          <EditIcon fontSize="small" />
                        </IconButton>
                      </Tooltip>
                      <Tooltip title={translate('kaoping.webhooks.delete')}>
                        <IconButton
                          size="small"
                          aria-label={translate('kaoping.webhooks.delete')}
                          onClick={() => setDeleting(w)}
                          data-testid="webhook-delete"
                        >
                          <DeleteIcon fontSize="small" />
                        </IconButton>
                      </Tooltip>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </CardContent>
      <WebhookDialog
        open={editing !== null}
        webhook={editing === 'new' ? null : editing}
        onCancel={() => setEditing(null)}
        onSave={save}
      />
      <Confirm
        isOpen={deleting !== null}
        title="kaoping.webhooks.delete_title"
        content="kaoping.webhooks.delete_content"
        translateOptions={{ url: deleting?.url ?? '' }}
        onConfirm={() => void remove()}
        onClose={() => setDeleting(null)}
      />
      <SecretOnceDialog
        value={secret}
        title="kaoping.webhooks.secret_title"
        warning="kaoping.webhooks.secret_warning"
        label="kaoping.webhooks.secret"
        testId="webhook-secret"
        onClose={() => setSecret(null)}
      />
    </Card>
  );
};

export default WebhooksPage;
