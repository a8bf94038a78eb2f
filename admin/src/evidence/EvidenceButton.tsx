import AttachFileIcon from '@mui/icons-material/AttachFile';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import { useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { AdjustmentRecord } from '../adjustments/api';
import EvidencePanel from './EvidencePanel';

/** The claims list's 证明材料 column: how many files, and a dialog to open, attach and delete them. */
const EvidenceButton = (_props: { label?: string }) => {
  const record = useRecordContext<AdjustmentRecord & { evidence?: { id: string }[] }>();
  const translate = useTranslate();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [changed, setChanged] = useState(false);
  if (!record) return null;
  const count = record.evidence?.length ?? 0;
  const close = () => {
    setOpen(false);
    if (changed) refresh();
    setChanged(false);
  };
  return (
    // Clicks must not reach the row.
    <span onClick={e => e.stopPropagation()}>
      <MuiButton
        size="small"
        startIcon={<AttachFileIcon />}
        onClick={() => setOpen(true)}
        aria-label={translate('kaoping.evidence.count', { smart_count: count })}
        title={translate('kaoping.evidence.count', { smart_count: count })}
        sx={{ whiteSpace: 'nowrap', minWidth: 0 }}
        data-testid="evidence-button"
      >
        {count}
      </MuiButton>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
        <DialogTitle>
          {translate('kaoping.evidence.dialog_title', {
            subject: translate('kaoping.fmt.named', { name: record.subjectName, code: record.subject }),
            rule: record.ruleName ?? record.rule,
          })}
        </DialogTitle>
        <DialogContent>
          <EvidencePanel adjustment={record} onChange={() => setChanged(true)} />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close}>{translate('ra.action.close')}</MuiButton>
        </DialogActions>
      </Dialog>
    </span>
  );
};

export default EvidenceButton;
