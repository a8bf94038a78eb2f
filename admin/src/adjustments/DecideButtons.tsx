import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import {
  Box,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { Button, Confirm, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import EvidencePanel from '../evidence/EvidencePanel';
import { codeOf } from '../schemes/api';
import { rejectAdjustment, verifyAdjustment, type AdjustmentRecord } from './api';
import { useAdjustmentRights } from './permissions';

/**
 * 核实 / 驳回 a CLAIMED adjustment (ADMIN, ASSESSOR), each confirmed with the claim's evidence files in view, with the row's version: a
 * decision taken meanwhile elsewhere answers CONFLICT → a readable message and a refreshed list.
 */
const DecideButtons = (_props: { label?: string }) => {
  const record = useRecordContext<AdjustmentRecord>();
  const rights = useAdjustmentRights();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState<'verify' | 'reject' | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  if (!record || !rights.decide || record.status !== 'CLAIMED') return null;
  const what = {
    subject: translate('kaoping.fmt.named', { name: record.subjectName, code: record.subject }),
    rule: record.ruleName ?? record.rule,
  };

  const decide = async (action: 'verify' | 'reject') => {
    setBusy(true);
    try {
      if (action === 'verify') await verifyAdjustment(record.id, record.version);
      else await rejectAdjustment(record.id, record.version, reason.trim());
      notify(action === 'verify' ? 'kaoping.adjustment.verified' : 'kaoping.adjustment.rejected', { type: 'info' });
    } catch (e) {
      notify(codeOf(e) === 'CONFLICT' ? 'kaoping.adjustment.conflict' : (e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
      setOpen(null);
      setReason('');
      refresh();
    }
  };

  return (
    // Clicks on the buttons must not reach the row.
    <Stack direction="row" spacing={0.5} onClick={e => e.stopPropagation()}>
      <Button label="kaoping.adjustment.verify" onClick={() => setOpen('verify')} data-testid="adjustment-verify">
        <CheckIcon />
      </Button>
      <Button
        label="kaoping.adjustment.reject"
        onClick={() => setOpen('reject')}
        color="error"
        data-testid="adjustment-reject"
      >
        <CloseIcon />
      </Button>
      <Confirm
        isOpen={open === 'verify'}
        loading={busy}
        title={translate('kaoping.adjustment.verify_title', what)}
        content={
          <>
            <DialogContentText sx={{ mb: 2 }}>{translate('kaoping.adjustment.verify_content', what)}</DialogContentText>
            {open === 'verify' && <EvidencePanel adjustment={record} readOnly />}
          </>
        }
        onConfirm={() => void decide('verify')}
        onClose={() => setOpen(null)}
      />
      <Dialog open={open === 'reject'} onClose={() => setOpen(null)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('kaoping.adjustment.reject_title', what)}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate('kaoping.adjustment.reject_content')}</DialogContentText>
          {open === 'reject' && (
            <Box sx={{ mb: 2 }}>
              <EvidencePanel adjustment={record} readOnly />
            </Box>
          )}
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={2}
            required
            label={translate('kaoping.adjustment.reason')}
            value={reason}
            onChange={e => setReason(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 2000, 'data-testid': 'reject-reason' } }}
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(null)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton
            color="error"
            variant="contained"
            disabled={busy || reason.trim() === ''}
            onClick={() => void decide('reject')}
            data-testid="reject-confirm"
          >
            {translate('kaoping.adjustment.reject')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </Stack>
  );
};

export default DecideButtons;
