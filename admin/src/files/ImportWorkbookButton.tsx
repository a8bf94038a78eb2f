// 导入 Excel: a filled workbook is uploaded as a dry run (progress while the bytes go, then while
// the server reads it), the preview shows what would change and every bad cell; only a clean
// preview can be confirmed, which uploads the same file again for real (all or nothing).
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert, Box, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress, List, ListItem, ListItemText, Table, TableBody, TableCell, TableRow, Typography,
} from '@mui/material';
import { useRef, useState, type ChangeEvent } from 'react';
import { Button, useNotify, useTranslate } from 'react-admin';
import { inputsUrl, uploadWorkbook, type ImportPreview, type Source } from './api';

type Phase =
  | { kind: 'idle' }
  | { kind: 'sending'; dryRun: boolean; sent: number; total: number }
  | { kind: 'reading'; dryRun: boolean }
  | { kind: 'preview'; result: ImportPreview }
  | { kind: 'failed'; message: string };

const COUNTS = ['subjects', 'inputs', 'ballots', 'adjustments', 'changed', 'unchanged'] as const;
/** How many problems the dialog lists (the rest are counted). */
const SHOWN = 200;

export const ProblemCells = ({ result }: { result: ImportPreview }) => {
  const translate = useTranslate();
  return (
    <List dense data-testid="workbook-problems" sx={{ py: 0, maxHeight: 320, overflow: 'auto' }}>
      {result.problems.slice(0, SHOWN).map((p, i) => (
        <ListItem key={i} disableGutters sx={{ py: 0 }}>
          <ListItemText
            // the server words the message in the console's language (sent as Accept-Language)
            primary={translate('files.problem', { cell: p.cell ? `${p.sheet}!${p.cell}` : p.sheet, message: p.message })}
            secondary={p.code}
            slotProps={{ primary: { color: 'error', variant: 'body2' }, secondary: { sx: { fontFamily: 'monospace', fontSize: 11 } } }}
          />
        </ListItem>
      ))}
      {result.problems.length > SHOWN && <Typography variant="caption">{translate('files.more_problems', { smart_count: result.problems.length - SHOWN })}</Typography>}
    </List>
  );
};

const ImportWorkbookButton = ({ schemeId, source, onImported, disabled }: { schemeId: string; source: Source; onImported?: () => void; disabled?: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const abort = useRef<(() => void) | null>(null);
  // one key per chosen file: a confirm sent twice (a retry after a lost answer) is written once
  const key = useRef('');

  const send = async (f: File, dryRun: boolean) => {
    setPhase({ kind: 'sending', dryRun, sent: 0, total: f.size });
    const upload = uploadWorkbook(
      inputsUrl(schemeId, source, dryRun),
      f,
      (sent, total) => setPhase(sent >= total ? { kind: 'reading', dryRun } : { kind: 'sending', dryRun, sent, total }),
      dryRun ? undefined : key.current,
    );
    abort.current = upload.abort;
    try {
      const result = await upload.promise;
      if (!dryRun && result.problems.length === 0) {
        notify(translate('files.imported', { smart_count: result.inputs, changed: result.changed }), { type: 'success' });
        setPhase({ kind: 'idle' });
        setFile(null);
        onImported?.();
        return;
      }
      setPhase({ kind: 'preview', result });
    } catch (e) {
      setPhase({ kind: 'failed', message: (e as Error).message });
    } finally {
      abort.current = null;
    }
  };

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (!f) return;
    setFile(f);
    key.current = `${f.name}:${f.size}:${f.lastModified}:${Date.now()}`;
    void send(f, true);
  };

  const close = () => {
    abort.current?.();
    setPhase({ kind: 'idle' });
    setFile(null);
  };

  const busy = phase.kind === 'sending' || phase.kind === 'reading';
  const preview = phase.kind === 'preview' ? phase.result : null;
  const percent = phase.kind === 'sending' && phase.total > 0 ? Math.round((100 * phase.sent) / phase.total) : 100;

  return (
    <>
      <input ref={input} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" hidden data-testid="workbook-file" onChange={onFile} />
      <Button label="files.upload" onClick={() => input.current?.click()} disabled={disabled || busy} data-testid="upload-workbook">
        <UploadFileIcon />
      </Button>
      <Dialog open={phase.kind !== 'idle'} onClose={busy ? undefined : close} maxWidth="md" fullWidth>
        <DialogTitle>{translate('files.upload_title', { name: file?.name ?? '' })}</DialogTitle>
        <DialogContent data-testid="workbook-dialog">
          {busy && (
            <Box data-testid="upload-progress" sx={{ my: 2 }}>
              <Typography variant="body2" sx={{ mb: 1 }}>
                {phase.kind === 'sending'
                  ? translate('files.sending', { percent })
                  : translate(phase.dryRun ? 'files.reading' : 'files.writing')}
              </Typography>
              <LinearProgress variant={phase.kind === 'sending' ? 'determinate' : 'indeterminate'} value={percent} data-percent={percent} />
            </Box>
          )}
          {phase.kind === 'failed' && <Alert severity="error">{phase.message}</Alert>}
          {preview && (
            <>
              {preview.problems.length > 0 ? (
                <Alert severity="error" sx={{ mb: 1 }} data-testid="workbook-refused">
                  {translate('files.refused', { smart_count: preview.problems.length })}
                </Alert>
              ) : (
                <Alert severity="info" sx={{ mb: 1 }} data-testid="workbook-ready">
                  {translate('files.ready', { changed: preview.changed, unchanged: preview.unchanged })}
                </Alert>
              )}
              <Table size="small" data-testid="workbook-counts" sx={{ maxWidth: 420, mb: 1 }}>
                <TableBody>
                  {COUNTS.map(c => (
                    <TableRow key={c}>
                      <TableCell>{translate(`files.count.${c}`)}</TableCell>
                      <TableCell align="right" data-testid={`count-${c}`}>{preview[c]}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              {preview.problems.length > 0 && <ProblemCells result={preview} />}
            </>
          )}
        </DialogContent>
        <DialogActions>
          <Button label={busy ? 'ra.action.cancel' : 'ra.action.close'} onClick={close} />
          {preview && preview.problems.length === 0 && (
            <Button label="files.confirm" variant="contained" disabled={!file || preview.changed === 0} onClick={() => file && send(file, false)} data-testid="workbook-confirm" />
          )}
        </DialogActions>
      </Dialog>
    </>
  );
};

export default ImportWorkbookButton;
