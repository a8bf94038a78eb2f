import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DownloadIcon from '@mui/icons-material/Download';
import LockIcon from '@mui/icons-material/Lock';
import PublishIcon from '@mui/icons-material/Publish';
import {
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Stack,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import {
  Button,
  Confirm,
  TopToolbar,
  useNotify,
  useRecordContext,
  useRedirect,
  useRefresh,
  useTranslate,
} from 'react-admin';
import {
  cloneScheme,
  closeScheme,
  codeOf,
  downloadJson,
  exportScheme,
  forYear,
  publishScheme,
  type SchemeRecord,
} from './api';
import { useCanManageSchemes } from './permissions';
import ComputeButton from '../results/ComputeButton';
import SubjectsLink from '../subjects/SubjectsLink';
import { SchemeTemplateButton } from '../files/WorkbookButtons';
import WhatIfButton from '../whatif/WhatIfButton';

const ExportButton = ({ record }: { record: SchemeRecord }) => {
  const notify = useNotify();
  const download = async () => {
    try {
      downloadJson(`${record.code}.json`, await exportScheme(record.id));
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  return (
    <Button label="kaoping.scheme.export" onClick={() => void download()}>
      <DownloadIcon />
    </Button>
  );
};

const CloneButton = ({ record }: { record: SchemeRecord }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const [open, setOpen] = useState(false);
  const [year, setYear] = useState(String(record.year + 1));
  // Code and name follow the year field until the user types in them.
  const [code, setCode] = useState<string | null>(null);
  const [name, setName] = useState<string | null>(null);
  const shownCode = code ?? forYear(record.code, record.year, year);
  const shownName = name ?? forYear(record.name, record.year, year);
  const [copyTargets, setCopyTargets] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      const created = await cloneScheme(record.id, Number(year), shownCode.trim(), shownName.trim(), copyTargets);
      notify('kaoping.scheme.cloned', { type: 'info', messageArgs: { code: created.code } });
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
      <Button label="kaoping.scheme.clone" onClick={() => setOpen(true)}>
        <ContentCopyIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)}>
        <DialogTitle>{translate('kaoping.scheme.clone_title', { code: record.code })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1, minWidth: 320 }}>
            <MuiTextField
              label={translate('resources.schemes.fields.year')}
              type="number"
              value={year}
              onChange={e => setYear(e.target.value)}
              slotProps={{ htmlInput: { 'data-testid': 'clone-year' } }}
            />
            <MuiTextField
              label={translate('resources.schemes.fields.code')}
              value={shownCode}
              onChange={e => setCode(e.target.value)}
              slotProps={{ htmlInput: { 'data-testid': 'clone-code' } }}
            />
            <MuiTextField
              label={translate('resources.schemes.fields.name')}
              value={shownName}
              onChange={e => setName(e.target.value)}
              slotProps={{ htmlInput: { 'data-testid': 'clone-name' } }}
            />
            <Typography variant="body2" color="text.secondary">
              {translate('kaoping.scheme.clone_subjects')}
            </Typography>
            <FormControlLabel
              control={
                <Checkbox
                  checked={copyTargets}
                  onChange={e => setCopyTargets(e.target.checked)}
                  data-testid="clone-copy-targets"
                />
              }
              label={translate('kaoping.scheme.clone_targets')}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
          <Button
            label="ra.action.confirm"
            onClick={() => void submit()}
            disabled={busy || !shownCode.trim() || !shownName.trim() || !/^\d{4}$/.test(year)}
            variant="contained"
          />
        </DialogActions>
      </Dialog>
    </>
  );
};

const TransitionButton = ({ record, kind }: { record: SchemeRecord; kind: 'publish' | 'close' }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await (kind === 'publish' ? publishScheme : closeScheme)(record.id);
      notify(kind === 'publish' ? 'kaoping.scheme.published' : 'kaoping.scheme.closed', { type: 'info' });
      setOpen(false);
      refresh();
    } catch (e) {
      // the dialog closes either way: the notification says why nothing changed
      setOpen(false);
      // closing a year needs its published result
      notify(
        kind === 'close' && codeOf(e) === 'CONFLICT' ? 'kaoping.scheme.close_needs_result' : (e as Error).message,
        { type: 'error' },
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button label={`kaoping.scheme.${kind}`} onClick={() => setOpen(true)}>
        {kind === 'publish' ? <PublishIcon /> : <LockIcon />}
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title={translate(`kaoping.scheme.${kind}_title`, { code: record.code })}
        content={translate(`kaoping.scheme.${kind}_content`)}
        onConfirm={() => void run()}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

const SchemeActions = () => {
  const record = useRecordContext<SchemeRecord>();
  const canManage = useCanManageSchemes();
  if (!record) return <TopToolbar />;
  return (
    <TopToolbar>
      <ExportButton record={record} />
      <SubjectsLink schemeId={record.id} />
      {record.status === 'PUBLISHED' && <SchemeTemplateButton schemeId={record.id} code={record.code} />}
      {canManage && <CloneButton record={record} />}
      {canManage && record.status === 'DRAFT' && <TransitionButton record={record} kind="publish" />}
      <WhatIfButton record={record} />
      {record.status === 'PUBLISHED' && <ComputeButton schemeId={record.id} schemeName={record.name} />}
      {canManage && record.status === 'PUBLISHED' && <TransitionButton record={record} kind="close" />}
    </TopToolbar>
  );
};

export default SchemeActions;
