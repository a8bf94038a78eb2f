// Create or edit a webhook: its URL, the events it receives and a note. Checked in the page before
// sending (a URL, at least one event); the server's refusal (e.g. a private address) is shown as is.
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  TextField,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { WEBHOOK_EVENTS, type WebhookEvent, type WebhookRecord } from './api';

export interface WebhookValues {
  url: string;
  events: WebhookEvent[];
  description: string;
}

interface Props {
  open: boolean;
  /** The webhook edited; none: a new one. */
  webhook?: WebhookRecord | null;
  onCancel: () => void;
  /** Saves; a rejection's message is shown in the dialog, which stays open. */
  onSave: (values: WebhookValues) => Promise<void>;
}

const EMPTY: WebhookValues = { url: 'https://', events: ['RESULT_RUN_PUBLISHED'], description: '' };

const WebhookDialog = ({ open, webhook, onCancel, onSave }: Props) => {
  const translate = useTranslate();
  const [values, setValues] = useState<WebhookValues>(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!open) return;
    setValues(webhook ? { url: webhook.url, events: [...webhook.events], description: webhook.description } : EMPTY);
    setError(null);
  }, [open, webhook]);

  const urlOk = /^https?:\/\/[^/\s]+/i.test(values.url.trim());
  const eventsOk = values.events.length > 0;
  const toggle = (e: WebhookEvent, on: boolean) =>
    setValues(v => ({
      ...v,
      events: on ? WEBHOOK_EVENTS.filter(x => x === e || v.events.includes(x)) : v.events.filter(x => x !== e),
    }));
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await onSave({ ...values, url: values.url.trim(), description: values.description.trim() });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={(_e, reason) => reason !== 'backdropClick' && onCancel()} maxWidth="sm" fullWidth>
      <DialogTitle>{translate(webhook ? 'kaoping.webhooks.edit' : 'kaoping.webhooks.create')}</DialogTitle>
      <DialogContent>
        {error && (
          <Alert severity="error" sx={{ mb: 2 }} data-testid="webhook-error">
            {error}
          </Alert>
        )}
        <TextField
          fullWidth
          margin="dense"
          required
          label={translate('kaoping.webhooks.url')}
          value={values.url}
          onChange={e => setValues(v => ({ ...v, url: e.target.value }))}
          error={!urlOk}
          helperText={translate('kaoping.webhooks.url_help')}
          slotProps={{ htmlInput: { 'data-testid': 'webhook-url', inputMode: 'url', autoComplete: 'off' } }}
        />
        <FormControl component="fieldset" margin="normal" error={!eventsOk}>
          <FormLabel component="legend">{translate('kaoping.webhooks.events')}</FormLabel>
          <FormGroup>
            {WEBHOOK_EVENTS.map(e => (
              <FormControlLabel
                key={e}
                control={
                  <Checkbox
                    checked={values.events.includes(e)}
                    onChange={x => toggle(e, x.target.checked)}
                    slotProps={{ input: { 'data-testid': `webhook-event-${e}` } as object }}
                  />
                }
                label={translate('kaoping.fmt.named', { name: translate(`kaoping.webhooks.event.${e}`), code: e })}
              />
            ))}
          </FormGroup>
          {!eventsOk && <FormHelperText>{translate('kaoping.webhooks.events_required')}</FormHelperText>}
        </FormControl>
        <TextField
          fullWidth
          margin="dense"
          label={translate('kaoping.webhooks.description')}
          value={values.description}
          onChange={e => setValues(v => ({ ...v, description: e.target.value }))}
          slotProps={{ htmlInput: { maxLength: 500, 'data-testid': 'webhook-description' } }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={busy}>
          {translate('kaoping.webhooks.cancel')}
        </Button>
        <Button
          variant="contained"
          onClick={() => void save()}
          disabled={busy || !urlOk || !eventsOk}
          data-testid="webhook-save"
        >
          {translate('kaoping.webhooks.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

export default WebhookDialog;
