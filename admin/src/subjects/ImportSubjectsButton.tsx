// 粘贴导入: rows pasted from Excel/WPS (the template's subject columns: code, name, and a member's
// unit) into one group; checked here line by line, then written in one importDataset call
// (upserted by code, all or nothing; the server's problems are listed as well). A whole template
// workbook goes through ImportSubjectsWorkbookButton instead.
import PlaylistAddIcon from '@mui/icons-material/PlaylistAdd';
import {
  Alert,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useMemo, useState } from 'react';
import { Button, useNotify, useRefresh, useTranslate } from 'react-admin';
import { problemsOf } from '../schemes/api';
import ProblemList from '../schemes/ProblemList';
import { useRead } from '../dataProvider/useRead';
import { importSubjects, parseSubjectBlock, useSchemeGroups, type UnitRef } from './api';

const ImportSubjectsButton = ({ schemeId }: { schemeId: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { groups } = useSchemeGroups(schemeId);
  const [open, setOpen] = useState(false);
  const [groupCode, setGroupCode] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ message: string; problems: { path?: string; message: string }[] } | null>(
    null,
  );
  const group = groups?.find(g => g.code === groupCode) ?? groups?.[0];

  const read = useRead('units', open ? { schemeId } : null);
  const units: UnitRef[] = useMemo(() => read.data ?? [], [read.data]);

  const parsed = useMemo(
    () => (group ? parseSubjectBlock(text, group, new Set(units.map(u => u.code))) : { rows: [], issues: [] }),
    [text, group, units],
  );

  const close = () => {
    setOpen(false);
    setFailure(null);
  };

  const submit = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await importSubjects(schemeId, parsed.rows, units);
      notify(translate('subjects.imported', { smart_count: parsed.rows.length }), { type: 'success' });
      close();
      setText('');
      refresh();
    } catch (e) {
      setFailure({ message: (e as Error).message, problems: problemsOf(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button label="subjects.import" onClick={() => setOpen(true)} data-testid="subject-import">
        <PlaylistAddIcon />
      </Button>
      <Dialog open={open} onClose={close} maxWidth="md" fullWidth>
        <DialogTitle>{translate('subjects.import_title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Typography variant="body2" color="text.secondary">
              {translate(group?.kind === 'MEMBER' ? 'subjects.import_hint_member' : 'subjects.import_hint')}
            </Typography>
            <TextField
              select
              size="small"
              label={translate('resources.subjects.fields.group')}
              value={group?.code ?? ''}
              onChange={e => setGroupCode(e.target.value)}
              slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'subject-import-group' } as object } }}
            >
              {(groups ?? []).map(g => (
                <MenuItem key={g.code} value={g.code}>
                  {g.name}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              multiline
              minRows={8}
              maxRows={20}
              label={translate('subjects.paste_label')}
              value={text}
              onChange={e => setText(e.target.value)}
              slotProps={{ htmlInput: { 'data-testid': 'subject-import-text', style: { fontFamily: 'monospace' } } }}
            />
            <Typography variant="body2" data-testid="subject-import-count">
              {translate('subjects.parsed', { smart_count: parsed.rows.length })}
            </Typography>
            {parsed.issues.length > 0 && (
              <Alert severity="error" data-testid="subject-import-issues">
                {parsed.issues.slice(0, 20).map((i, n) => (
                  <div key={n}>
                    {translate('subjects.line', {
                      line: i.line,
                      message: translate(`subjects.issue.${i.key}`, i.params),
                    })}
                  </div>
                ))}
              </Alert>
            )}
            {busy && <LinearProgress />}
            {failure && (
              <Alert severity="error" data-testid="subject-import-failed">
                {failure.problems.length > 0 ? translate('kaoping.error.BAD_USER_INPUT') : failure.message}
                {failure.problems.length > 0 && <ProblemList problems={failure.problems} />}
              </Alert>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={close} />
          <Button
            label="subjects.import_confirm"
            variant="contained"
            disabled={busy || parsed.rows.length === 0 || parsed.issues.length > 0}
            onClick={() => void submit()}
            data-testid="subject-import-confirm"
          />
        </DialogActions>
      </Dialog>
    </>
  );
};

export default ImportSubjectsButton;
