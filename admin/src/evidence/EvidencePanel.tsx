import AttachFileIcon from '@mui/icons-material/AttachFile';
import DeleteIcon from '@mui/icons-material/Delete';
import DescriptionIcon from '@mui/icons-material/Description';
import {
  Box,
  Button as MuiButton,
  IconButton,
  Link,
  List,
  ListItem,
  ListItemIcon,
  ListItemText,
  Typography,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useLocaleState, useNotify, useTranslate } from 'react-admin';
import { useAdjustmentRights } from '../adjustments/permissions';
import type { AdjustmentRecord } from '../adjustments/api';
import { useRead } from '../dataProvider/useRead';
import Spinner from '../layout/Spinner';
import { getUser } from '../session';
import {
  EVIDENCE_ACCEPT,
  EVIDENCE_LIMIT,
  deleteEvidence,
  downloadEvidence,
  sizeText,
  uploadEvidence,
  type EvidenceRecord,
} from './api';

/**
 * A claim's evidence files (证明材料): each opens (downloads) with the session's token. While the
 * claim is CLAIMED, those who may claim attach more; a file's uploader or an ADMIN deletes it
 * until the claim is VERIFIED. `readOnly`: the list only (the assessor's verify dialog).
 */
const EvidencePanel = ({
  adjustment,
  readOnly = false,
  onChange,
}: {
  adjustment: Pick<AdjustmentRecord, 'id' | 'status'>;
  readOnly?: boolean;
  onChange?: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const rights = useAdjustmentRights();
  const read = useRead('evidence', { adjustmentId: adjustment.id });
  // A refused read shows an empty list and says why.
  const files = read.error ? [] : (read.data ?? null);
  useEffect(() => {
    if (read.error) notify(read.error.message, { type: 'error' });
  }, [read.error, notify]);
  const [busy, setBusy] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const me = getUser()?.id;

  const queryClient = useQueryClient();
  const load = () => void queryClient.invalidateQueries({ queryKey: ['kaoping', 'evidence'] });

  const attach = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > EVIDENCE_LIMIT)
      return notify('kaoping.evidence.too_large', { type: 'error', messageArgs: { name: file.name } });
    setBusy(true);
    try {
      await uploadEvidence(adjustment.id, file);
      notify('kaoping.evidence.uploaded', { type: 'info', messageArgs: { name: file.name } });
      load();
      onChange?.();
    } catch (e) {
      notify(translate('kaoping.fmt.label', { label: file.name }) + (e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
      if (picker.current) picker.current.value = '';
    }
  };

  const remove = async (f: EvidenceRecord) => {
    if (!window.confirm(translate('kaoping.evidence.delete_confirm', { name: f.fileName }))) return;
    try {
      await deleteEvidence(f.id);
      notify('kaoping.evidence.deleted', { type: 'info', messageArgs: { name: f.fileName } });
      load();
      onChange?.();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };

  const open = (f: EvidenceRecord) => downloadEvidence(f).catch((e: Error) => notify(e.message, { type: 'error' }));
  const canAttach = !readOnly && rights.claim && adjustment.status === 'CLAIMED';
  const canDelete = (f: EvidenceRecord) =>
    !readOnly && adjustment.status !== 'VERIFIED' && (rights.deleteAnyEvidence || (!!me && f.uploadedBy === me));

  return (
    <Box data-testid="evidence-panel">
      <Typography variant="subtitle2">{translate('kaoping.evidence.title')}</Typography>
      {files === null ? (
        <Spinner size={20} />
      ) : files.length === 0 ? (
        <Typography variant="body2" color="text.secondary" data-testid="evidence-empty">
          {translate('kaoping.evidence.none')}
        </Typography>
      ) : (
        <List dense disablePadding>
          {files.map(f => (
            <ListItem
              key={f.id}
              disableGutters
              secondaryAction={
                canDelete(f) && (
                  <IconButton
                    edge="end"
                    aria-label={translate('kaoping.evidence.delete', { name: f.fileName })}
                    onClick={() => void remove(f)}
                    data-testid="evidence-delete"
                  >
                    <DeleteIcon fontSize="small" />
                  </IconButton>
                )
              }
            >
              <ListItemIcon sx={{ minWidth: 32 }}>
                <DescriptionIcon fontSize="small" />
              </ListItemIcon>
              <ListItemText
                primary={
                  <Link
                    component="button"
                    type="button"
                    onClick={() => void open(f)}
                    title={translate('kaoping.evidence.open')}
                    data-testid="evidence-file"
                  >
                    {f.fileName}
                  </Link>
                }
                secondary={translate('kaoping.evidence.meta', {
                  size: sizeText(f.size),
                  who: f.uploadedByName ?? '—',
                  at: new Date(f.uploadedAt).toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN'),
                })}
              />
            </ListItem>
          ))}
        </List>
      )}
      {canAttach && (
        <>
          <input
            ref={picker}
            type="file"
            hidden
            accept={EVIDENCE_ACCEPT}
            onChange={e => void attach(e.target.files?.[0])}
            data-testid="evidence-input"
          />
          <MuiButton
            size="small"
            startIcon={busy ? <Spinner size={16} /> : <AttachFileIcon />}
            disabled={busy}
            onClick={() => picker.current?.click()}
            data-testid="evidence-attach"
          >
            {translate('kaoping.evidence.attach')}
          </MuiButton>
          <Typography variant="caption" color="text.secondary" component="div">
            {translate('kaoping.evidence.help')}
          </Typography>
        </>
      )}
    </Box>
  );
};

export default EvidencePanel;
