import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useRef, type ChangeEvent } from 'react';
import { Button, useNotify, useRefresh } from 'react-admin';
import { useSchemeImport } from '../onboarding/useSchemeImport';
import ProblemList from './ProblemList';

/** A file picker: the chosen JSON file goes to importScheme; problems are listed in a dialog. */
const ImportButton = () => {
  const notify = useNotify();
  const refresh = useRefresh();
  const input = useRef<HTMLInputElement>(null);
  const { busy, failure, setFailure, importFile } = useSchemeImport();

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const scheme = await importFile(file);
    if (!scheme) return;
    notify('kaoping.scheme.imported', { type: 'info', messageArgs: { code: scheme.code } });
    refresh();
  };

  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="scheme-import-file"
        onChange={e => void onFile(e)}
      />
      <Button label="kaoping.scheme.import" onClick={() => input.current?.click()} disabled={busy}>
        <UploadFileIcon />
      </Button>
      <Dialog open={!!failure} onClose={() => setFailure(null)} maxWidth="md" fullWidth>
        <DialogTitle>{failure?.title}</DialogTitle>
        <DialogContent>
          {failure?.message && (
            <Alert severity="error" sx={{ mb: 1 }}>
              {failure.message}
            </Alert>
          )}
          {failure && failure.problems.length > 0 && (
            <ProblemList problems={failure.problems} testId="import-problems" />
          )}
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.close" onClick={() => setFailure(null)} />
        </DialogActions>
      </Dialog>
    </>
  );
};

export default ImportButton;
