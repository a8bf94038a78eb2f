import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useRef, useState, type ChangeEvent } from 'react';
import { Button, useNotify, useRefresh, useTranslate } from 'react-admin';
import { importScheme, problemsOf, type ProblemLike } from './api';
import ProblemList from './ProblemList';

/** A file picker: the chosen JSON file goes to importScheme; problems are listed in a dialog. */
const ImportButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ title: string; message?: string; problems: ProblemLike[] } | null>(null);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    let definition: unknown;
    try {
      definition = JSON.parse(await file.text());
    } catch (err) {
      setFailure({ title: translate('kaoping.scheme.import_failed', { name: file.name }), message: translate('kaoping.scheme.invalid_json', { detail: (err as Error).message }), problems: [] });
      return;
    }
    setBusy(true);
    try {
      const scheme = await importScheme(definition);
      notify('kaoping.scheme.imported', { type: 'info', messageArgs: { code: scheme.code } });
      refresh();
    } catch (err) {
      const problems = problemsOf(err);
      setFailure({
        title: translate('kaoping.scheme.import_failed', { name: file.name }),
        message: problems.length > 0 ? translate('kaoping.scheme.problems_count', { smart_count: problems.length }) : (err as Error).message,
        problems,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <input ref={input} type="file" accept=".json,application/json" hidden data-testid="scheme-import-file" onChange={onFile} />
      <Button label="kaoping.scheme.import" onClick={() => input.current?.click()} disabled={busy}>
        <UploadFileIcon />
      </Button>
      <Dialog open={!!failure} onClose={() => setFailure(null)} maxWidth="md" fullWidth>
        <DialogTitle>{failure?.title}</DialogTitle>
        <DialogContent>
          {failure?.message && <Alert severity="error" sx={{ mb: 1 }}>{failure.message}</Alert>}
          {failure && failure.problems.length > 0 && <ProblemList problems={failure.problems} testId="import-problems" />}
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.close" onClick={() => setFailure(null)} />
        </DialogActions>
      </Dialog>
    </>
  );
};

export default ImportButton;
