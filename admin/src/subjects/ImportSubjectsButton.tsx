// 导入考核对象: rows pasted from Excel/WPS (the template's subject columns: code, name, and a
// member's unit) into one group, or every group's subject columns read from a template workbook;
// checked here line by line, then written in one importDataset call (upserted by code, all or
// nothing; the server's problems are listed as well).
import PlaylistAddIcon from '@mui/icons-material/PlaylistAdd';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { Button, useNotify, useRefresh, useTranslate } from 'react-admin';
import { problemsOf } from '../schemes/api';
import ProblemList from '../schemes/ProblemList';
import { importSubjects, listUnits, parseBlocks, useSchemeGroups, type Block, type UnitRef } from './api';
import { readSubjectSheets } from './workbook';

const ImportSubjectsButton = ({ schemeId }: { schemeId: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { groups } = useSchemeGroups(schemeId);
  const fileInput = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [groupCode, setGroupCode] = useState('');
  const [text, setText] = useState('');
  // blocks read from a workbook (one per group sheet); null: the pasted text
  const [sheets, setSheets] = useState<{ blocks: Block[]; skipped: string[]; name: string } | null>(null);
  const [units, setUnits] = useState<UnitRef[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ message: string; problems: { path?: string; message: string }[] } | null>(null);
  const group = groups?.find(g => g.code === groupCode) ?? groups?.[0];

  useEffect(() => {
    if (!open) return;
    listUnits(schemeId).then(setUnits, () => setUnits([]));
  }, [open, schemeId]);

  const parsed = useMemo(() => {
    const blocks: Block[] = sheets ? sheets.blocks : group ? [{ group, text }] : [];
    return parseBlocks(blocks, new Set(units.map(u => u.code)));
  }, [sheets, group, text, units]);

  const onWorkbook = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file || !groups) return;
    setFailure(null);
    setBusy(true);
    try {
      const read = await readSubjectSheets(file, groups);
      setSheets({ blocks: read.blocks.map(b => ({ group: b.group, text: b.text, label: b.sheet })), skipped: read.unknownSheets, name: file.name });
    } catch (err) {
      setFailure({ message: translate('subjects.workbook_unreadable', { name: file.name, detail: (err as Error).message }), problems: [] });
    } finally {
      setBusy(false);
    }
  };

  const close = () => {
    setOpen(false);
    setSheets(null);
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
            {sheets ? (
              <Alert severity="info" data-testid="subject-import-sheets">
                {translate('subjects.workbook_read', { name: sheets.name })}
                {sheets.blocks.map(b => (
                  <div key={b.label}>{translate('subjects.sheet_group', { sheet: b.label ?? '', group: b.group.name })}</div>
                ))}
                {sheets.skipped.length > 0 && <div>{translate('subjects.sheets_skipped', { sheets: sheets.skipped.join(translate('kaoping.fmt.list')) })}</div>}
              </Alert>
            ) : (
              <>
                <Typography variant="body2" color="text.secondary">
                  {translate(group?.kind === 'MEMBER' ? 'subjects.import_hint_member' : 'subjects.import_hint')}
                </Typography>
                <TextField select size="small" label={translate('resources.subjects.fields.group')} value={group?.code ?? ''} onChange={e => setGroupCode(e.target.value)} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'subject-import-group' } as object } }}>
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
              </>
            )}
            <Typography variant="body2" data-testid="subject-import-count">
              {translate('subjects.parsed', { smart_count: parsed.rows.length })}
            </Typography>
            {parsed.issues.length > 0 && (
              <Alert severity="error" data-testid="subject-import-issues">
                {parsed.issues.slice(0, 20).map((i, n) => (
                  <div key={n}>{translate(i.label ? 'subjects.sheet_line' : 'subjects.line', { sheet: i.label ?? '', line: i.line, message: translate(`subjects.issue.${i.key}`, i.params) })}</div>
                ))}
              </Alert>
            )}
            {failure && (
              <Alert severity="error" data-testid="subject-import-failed">
                {failure.problems.length > 0 ? translate('kaoping.error.BAD_USER_INPUT') : failure.message}
                {failure.problems.length > 0 && <ProblemList problems={failure.problems} />}
              </Alert>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <input ref={fileInput} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" hidden data-testid="subject-import-file" onChange={onWorkbook} />
          {sheets ? (
            <Button label="subjects.back_to_paste" onClick={() => setSheets(null)} sx={{ mr: 'auto' }} />
          ) : (
            <Button label="subjects.from_workbook" onClick={() => fileInput.current?.click()} disabled={busy || !groups} sx={{ mr: 'auto' }}>
              <UploadFileIcon />
            </Button>
          )}
          <Button label="ra.action.cancel" onClick={close} />
          <Button label="subjects.import_confirm" variant="contained" disabled={busy || parsed.rows.length === 0 || parsed.issues.length > 0} onClick={submit} data-testid="subject-import-confirm" />
        </DialogActions>
      </Dialog>
    </>
  );
};

export default ImportSubjectsButton;
