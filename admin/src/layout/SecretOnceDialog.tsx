// A secret the server shows once (a new API key, a webhook's signing secret), with a copy button.
// Closing it leaves nothing behind: no list or cache ever holds the secret.
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  InputAdornment,
  TextField,
  Tooltip,
} from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';

const copyText = async (text: string): Promise<void> => {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Plain-http deployments have no async clipboard: fall back to a selected textarea.
  const area = document.createElement('textarea');
  area.value = text;
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand('copy');
  document.body.removeChild(area);
  if (!ok) throw new Error('copy failed');
};

export interface SecretOnceProps {
  value: string | null;
  onClose: () => void;
  /** Message keys of the title, the warning and the field's label; data-testid of the field. */
  title: string;
  warning: string;
  label: string;
  testId: string;
}

export const SecretOnceDialog = ({ value, onClose, title, warning, label, testId }: SecretOnceProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const copy = async () => {
    try {
      await copyText(value ?? '');
      notify('kaoping.apiKey.copied', { type: 'success' });
    } catch {
      notify('kaoping.apiKey.copy_failed', { type: 'warning' });
    }
  };
  return (
    <Dialog open={!!value} onClose={(_e, reason) => reason !== 'backdropClick' && onClose()} maxWidth="sm" fullWidth>
      <DialogTitle>{translate(title)}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate(warning)}
        </Alert>
        <TextField
          fullWidth
          value={value ?? ''}
          label={translate(label)}
          onFocus={e => e.target.select()}
          slotProps={{
            htmlInput: { readOnly: true, 'data-testid': testId, style: { fontFamily: 'monospace' } },
            input: {
              endAdornment: (
                <InputAdornment position="end">
                  <Tooltip title={translate('kaoping.apiKey.copy')}>
                    <IconButton onClick={() => void copy()} aria-label={translate('kaoping.apiKey.copy')}>
                      <ContentCopyIcon />
                    </IconButton>
                  </Tooltip>
                </InputAdornment>
              ),
            },
          }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={() => void copy()} startIcon={<ContentCopyIcon />}>
          {translate('kaoping.apiKey.copy')}
        </Button>
        <Button variant="contained" onClick={onClose}>
          {translate('kaoping.apiKey.done')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
