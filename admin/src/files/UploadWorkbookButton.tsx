// An upload of a filled workbook in two steps: a dry run (progress while the bytes go, then while
// the server reads it) whose preview shows what would change and every bad cell; only a clean
// preview can be confirmed, which uploads the same file again for real (all or nothing).
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  List,
  ListItem,
  ListItemText,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Typography,
} from '@mui/material';
import { useRef, useState, type ChangeEvent } from 'react';
import { Button, useNotify, useTranslate } from 'react-admin';
import { uploadWorkbook, type UploadReport } from './api';

type Phase<R> =
  | { kind: 'idle' }
  | { kind: 'sending'; dryRun: boolean; sent: number; total: number }
  | { kind: 'reading'; dryRun: boolean }
  | { kind: 'preview'; result: R }
  | { kind: 'failed'; message: string };

/** How many problems the dialog lists (the rest are counted). */
const SHOWN = 200;

const ProblemCells = ({ result }: { result: UploadReport }) => {
  const translate = useTranslate();
  return (
    <List dense data-testid="workbook-problems" sx={{ py: 0, maxHeight: 320, overflow: 'auto' }}>
      {result.problems.slice(0, SHOWN).map((p, i) => (
        <ListItem key={i} disableGutters sx={{ py: 0 }}>
          <ListItemText
            // the server words the message in the console's language (sent as Accept-Language)
            primary={translate('files.problem', {
              cell: p.cell ? `${p.sheet}!${p.cell}` : p.sheet,
              message: p.message,
            })}
            secondary={p.code}
            slotProps={{
              primary: { color: 'error', variant: 'body2' },
              secondary: { sx: { fontFamily: 'monospace', fontSize: 11 } },
            }}
          />
        </ListItem>
      ))}
      {result.problems.length > SHOWN && (
        <Typography variant="caption">
          {translate('files.more_problems', { smart_count: result.problems.length - SHOWN })}
        </Typography>
      )}
    </List>
  );
};

export interface UploadWorkbookProps<R extends UploadReport> {
  /** The route for a dry run or the real import. */
  urlFor: (dryRun: boolean) => string;
  /** The report's counts shown in the preview, as `files.count.<key>`. */
  counts: readonly (keyof R & string)[];
  /** The clean preview's words, and whether it would change anything. */
  ready: (r: R) => { message: string; changes: boolean };
  /** Said once written. */
  done: (r: R) => string;
  onImported?: () => void;
  label: string;
  disabled?: boolean;
  /** Send one Idempotency-Key per chosen file with the confirm (a retry after a lost answer is written once). */
  idempotent?: boolean;
}

function UploadWorkbookButton<R extends UploadReport>({
  urlFor,
  counts,
  ready,
  done,
  onImported,
  label,
  disabled,
  idempotent,
}: UploadWorkbookProps<R>) {
  const translate = useTranslate();
  const notify = useNotify();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase<R>>({ kind: 'idle' });
  const abort = useRef<(() => void) | null>(null);
  const key = useRef('');

  const send = async (f: File, dryRun: boolean) => {
    setPhase({ kind: 'sending', dryRun, sent: 0, total: f.size });
    const upload = uploadWorkbook<R>(
      urlFor(dryRun),
      f,
      (sent, total) => setPhase(sent >= total ? { kind: 'reading', dryRun } : { kind: 'sending', dryRun, sent, total }),
      dryRun || !idempotent ? undefined : key.current,
    );
    abort.current = upload.abort;
    try {
      const result = await upload.promise;
      if (!dryRun && result.problems.length === 0) {
        notify(done(result), { type: 'success' });
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
  const clean = preview && preview.problems.length === 0 ? ready(preview) : null;
  const percent = phase.kind === 'sending' && phase.total > 0 ? Math.round((100 * phase.sent) / phase.total) : 100;

  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        hidden
        data-testid="workbook-file"
        onChange={onFile}
      />
      <Button
        label={label}
        onClick={() => input.current?.click()}
        disabled={disabled || busy}
        data-testid="upload-workbook"
      >
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
              <LinearProgress
                variant={phase.kind === 'sending' ? 'determinate' : 'indeterminate'}
                value={percent}
                data-percent={percent}
              />
            </Box>
          )}
          {phase.kind === 'failed' && (
            <Alert severity="error" data-testid="workbook-failed">
              {phase.message}
            </Alert>
          )}
          {preview && (
            <>
              {clean ? (
                <Alert severity="info" sx={{ mb: 1 }} data-testid="workbook-ready">
                  {clean.message}
                </Alert>
              ) : (
                <Alert severity="error" sx={{ mb: 1 }} data-testid="workbook-refused">
                  {translate('files.refused', { smart_count: preview.problems.length })}
                </Alert>
              )}
              <Table size="small" data-testid="workbook-counts" sx={{ maxWidth: 420, mb: 1 }}>
                <TableBody>
                  {counts.map(c => (
                    <TableRow key={c}>
                      <TableCell>{translate(`files.count.${c}`)}</TableCell>
                      <TableCell align="right" data-testid={`count-${c}`}>
                        {String(preview[c])}
                      </TableCell>
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
          {clean && (
            <Button
              label="files.confirm"
              variant="contained"
              disabled={!file || !clean.changes}
              onClick={() => file && void send(file, false)}
              data-testid="workbook-confirm"
            />
          )}
        </DialogActions>
      </Dialog>
    </>
  );
}

export default UploadWorkbookButton;
