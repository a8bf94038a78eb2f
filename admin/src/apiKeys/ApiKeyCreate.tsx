import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, InputAdornment, TextField, Tooltip } from '@mui/material';
import { useState } from 'react';
import { CheckboxGroupInput, Create, SimpleForm, TextInput, required, useNotify, useRedirect, useTranslate } from 'react-admin';
import { scopeChoices } from './scopes';
import { takeSecret } from '../dataProvider/oneTimeSecrets';

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

/** Shows the new key once. Closing it leaves nothing behind: the list never has the key. */
const KeyOnceDialog = ({ value, onClose }: { value: string | null; onClose: () => void }) => {
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
      <DialogTitle>{translate('kaoping.apiKey.created_title')}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('kaoping.apiKey.created_warning')}
        </Alert>
        <TextField
          fullWidth
          value={value ?? ''}
          label={translate('resources.apiKeys.fields.key')}
          onFocus={e => e.target.select()}
          slotProps={{
            htmlInput: { readOnly: true, 'data-testid': 'api-key-value', style: { fontFamily: 'monospace' } },
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

const ApiKeyCreate = () => {
  const [key, setKey] = useState<string | null>(null);
  const redirect = useRedirect();
  return (
    <>
      <Create mutationOptions={{ onSuccess: (data: { id: string }) => setKey(takeSecret(data.id) ?? '') }}>
        <SimpleForm defaultValues={{ scopes: ['results:read'] }}>
          <TextInput source="name" validate={required()} autoComplete="off" />
          <CheckboxGroupInput source="scopes" choices={scopeChoices} validate={required()} row={false} />
        </SimpleForm>
      </Create>
      <KeyOnceDialog
        value={key}
        onClose={() => {
          setKey(null);
          redirect('list', 'apiKeys');
        }}
      />
    </>
  );
};

export default ApiKeyCreate;
