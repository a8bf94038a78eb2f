// "Save as a new DRAFT scheme": the variant (rules switched off left out) imported under a new code.
import SaveIcon from '@mui/icons-material/SaveAs';
import { Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, useNotify, useRedirect, useTranslate } from 'react-admin';
import type { Scheme } from '@kaoping/shared';
import { importScheme } from '../schemes/api';

const SaveButton = ({ definition, disabled }: { definition: Scheme; disabled: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const start = () => {
    setCode(`${definition.code}-whatif`);
    setName(definition.name);
    setOpen(true);
  };
  const save = async () => {
    setBusy(true);
    try {
      const created = await importScheme({ ...definition, code: code.trim(), name: name.trim() });
      notify('kaoping.whatif.saved', { type: 'info', messageArgs: { code: created.code } });
      setOpen(false);
      redirect('show', 'schemes', created.id);
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button label="kaoping.whatif.save" onClick={start} disabled={disabled} variant="outlined">
        <SaveIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)}>
        <DialogTitle>{translate('kaoping.whatif.save_title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1, minWidth: 360 }}>
            <TextField
              label={translate('kaoping.whatif.code')}
              value={code}
              onChange={e => setCode(e.target.value)}
              slotProps={{ htmlInput: { 'data-testid': 'whatif-save-code' } }}
            />
            <TextField
              label={translate('kaoping.whatif.name')}
              value={name}
              onChange={e => setName(e.target.value)}
              slotProps={{ htmlInput: { 'data-testid': 'whatif-save-name' } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
          <Button
            label="ra.action.confirm"
            onClick={() => void save()}
            disabled={busy || !code.trim() || !name.trim()}
            variant="contained"
          />
        </DialogActions>
      </Dialog>
    </>
  );
};

export default SaveButton;
