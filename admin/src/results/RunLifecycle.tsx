// A run's lifecycle in the console: the next step (with the missing-data acknowledgement before
// publishing), sending a run back with a reason, and who did what and when.
import CheckIcon from '@mui/icons-material/Check';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import PublishIcon from '@mui/icons-material/Publish';
import UndoIcon from '@mui/icons-material/Undo';
import {
  Alert,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Button, Confirm, Link, useNotify, useRefresh, useTranslate } from 'react-admin';
import { codeOf } from '../schemes/api';
import { NEXT_STEP, rejectRun, stepRun, type RunActor, type RunRecord, type Step } from './api';
import { useRead } from '../dataProvider/useRead';
import { useResultRights } from './permissions';

const STEP_ICONS: Record<Step, React.ReactElement> = {
  review: <CheckIcon />,
  approve: <DoneAllIcon />,
  publish: <PublishIcon />,
};
const REASON_MAX = 1000;

/** A failed step or send-back → a readable message (CONFLICT: changed meanwhile or a newer run; FORBIDDEN: duties or a closed year). */
const useFailure = () => {
  const notify = useNotify();
  return (e: unknown) => {
    const c = codeOf(e);
    notify(
      c === 'CONFLICT'
        ? 'kaoping.result.step_conflict'
        : c === 'FORBIDDEN'
          ? 'kaoping.result.step_forbidden'
          : (e as Error).message,
      { type: 'error' },
    );
  };
};

/** The missing inputs of a run, listed (subject, indicator). */
export const MissingList = ({ run }: { run: RunRecord }) => {
  const translate = useTranslate();
  // A refused read shows no list (the count on the page still says how many are missing).
  const { data: rows } = useRead('runMissing', run.missingInputs ? { runId: run.id } : null);
  if (!run.missingInputs || !rows || rows.length === 0) return null;
  return (
    <TableContainer component={Paper} variant="outlined" sx={{ maxHeight: 240, mt: 1 }} data-testid="missing-list">
      <Table size="small" stickyHeader>
        <TableHead>
          <TableRow>
            <TableCell>{translate('kaoping.result.subject')}</TableCell>
            <TableCell>{translate('kaoping.result.missing_indicator')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(m => (
            <TableRow key={`${m.subject.code}:${m.indicator}`}>
              <TableCell>
                {m.subject.name}{' '}
                <Typography component="span" variant="caption" color="text.secondary">
                  {m.subject.code}
                </Typography>
              </TableCell>
              <TableCell>
                {m.indicatorName}{' '}
                <Typography component="span" variant="caption" color="text.secondary">
                  {m.indicator}
                </Typography>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};

/** The run's next step, for the roles that may take it; publishing a run with missing inputs asks for an acknowledgement first. */
export const StepButton = ({ record }: { record: RunRecord }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const failed = useFailure();
  const rights = useResultRights();
  const [open, setOpen] = useState(false);
  const [ack, setAck] = useState(false);
  const [busy, setBusy] = useState(false);
  const step = NEXT_STEP[record.status];
  if (!step || !rights.step(step) || record.newest === false) return null;
  const missing = step === 'publish' ? (record.missingInputs ?? 0) : 0;
  const close = () => {
    setOpen(false);
    setAck(false);
  };
  const run = async () => {
    setBusy(true);
    try {
      await stepRun(step, record.id, missing > 0 && ack);
      notify(`kaoping.result.done.${step}`, { type: 'info' });
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
      close();
      refresh();
    }
  };
  return (
    <>
      <Button label={`kaoping.result.step.${step}`} onClick={() => setOpen(true)} data-testid={`run-${step}`}>
        {STEP_ICONS[step]}
      </Button>
      {missing > 0 ? (
        <Dialog open={open} onClose={close} maxWidth="md" fullWidth>
          <DialogTitle>{translate('kaoping.result.ack_title')}</DialogTitle>
          <DialogContent data-testid="ack-dialog">
            <Alert severity="warning">{translate('kaoping.result.ack_content', { smart_count: missing })}</Alert>
            <MissingList run={record} />
            <FormControlLabel
              sx={{ mt: 1 }}
              control={<Checkbox checked={ack} onChange={e => setAck(e.target.checked)} data-testid="ack-missing" />}
              label={translate('kaoping.result.ack_check', { smart_count: missing })}
            />
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={close} />
            <Button
              label="kaoping.result.step.publish"
              variant="contained"
              disabled={!ack || busy}
              onClick={() => void run()}
              data-testid="ack-publish"
            />
          </DialogActions>
        </Dialog>
      ) : (
        <Confirm
          isOpen={open}
          loading={busy}
          title={translate(`kaoping.result.step.${step}`)}
          content={translate(`kaoping.result.confirm.${step}`)}
          onConfirm={() => void run()}
          onClose={close}
        />
      )}
    </>
  );
};

/** 退回: a DRAFT, REVIEWED or APPROVED run goes back with a reason (final; a corrected recompute makes a new run). */
export const RejectButton = ({ record }: { record: RunRecord }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const failed = useFailure();
  const rights = useResultRights();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  if (!rights.reject(record.status)) return null;
  const trimmed = reason.trim();
  const submit = async () => {
    setBusy(true);
    try {
      await rejectRun(record.id, trimmed);
      notify('kaoping.result.rejected', { type: 'info' });
      setOpen(false);
      setReason('');
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
      refresh();
    }
  };
  return (
    <>
      <Button label="kaoping.result.reject" onClick={() => setOpen(true)} data-testid="run-reject">
        <UndoIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{translate('kaoping.result.reject_title')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('kaoping.result.reject_content')}
          </Typography>
          <MuiTextField
            autoFocus
            fullWidth
            multiline
            minRows={3}
            label={translate('kaoping.result.reject_reason')}
            value={reason}
            onChange={e => setReason(e.target.value)}
            error={reason.length > REASON_MAX}
            helperText={
              reason.length > REASON_MAX ? translate('kaoping.result.reason_too_long', { max: REASON_MAX }) : ' '
            }
            slotProps={{ htmlInput: { 'data-testid': 'reject-reason' } }}
          />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
          <Button
            label="kaoping.result.reject"
            variant="contained"
            color="error"
            disabled={!trimmed || reason.length > REASON_MAX || busy}
            onClick={() => void submit()}
            data-testid="reject-submit"
          />
        </DialogActions>
      </Dialog>
    </>
  );
};

const when = (at: string | null | undefined) => (at ? new Date(at).toLocaleString() : '—');

/** Who took each step and when; the reason of a sent-back run; where a superseded run went; a newer run's notice; missing inputs. */
export const LifecyclePanel = ({ record }: { record: RunRecord }) => {
  const translate = useTranslate();
  const rows: [string, RunActor | null | undefined, string | null | undefined][] = [
    ['computed', record.createdBy, record.createdAt],
    ['reviewed', record.reviewedBy, record.reviewedAt],
    ['approved', record.approvedBy, record.approvedAt],
    ['published', record.publishedBy, record.publishedAt],
    ['rejected', record.rejectedBy, record.rejectedAt],
  ];
  const taken = rows.filter(([, , at]) => at);
  return (
    <>
      {record.status === 'REJECTED' && (
        <Alert severity="error" sx={{ mt: 2 }} data-testid="reject-reason-shown">
          {translate('kaoping.result.rejected_because', { reason: record.rejectReason ?? '' })}
        </Alert>
      )}
      {record.status === 'SUPERSEDED' && (
        <Alert severity="info" sx={{ mt: 2 }} data-testid="superseded-notice">
          {translate('kaoping.result.superseded_notice', { at: when(record.supersededAt) })}{' '}
          {record.supersededBy && (
            <Link to={`/results/${record.supersededBy}/show`}>{translate('kaoping.result.open_newer')}</Link>
          )}
        </Alert>
      )}
      {record.newest === false && ['DRAFT', 'REVIEWED', 'APPROVED'].includes(record.status) && (
        <Alert severity="info" sx={{ mt: 2 }}>
          {translate('kaoping.result.newer_exists')}
        </Alert>
      )}
      {(record.missingInputs ?? 0) > 0 && (
        <Alert severity="warning" sx={{ mt: 2 }} data-testid="missing-notice">
          {translate('kaoping.result.missing_notice', { smart_count: record.missingInputs })}
          <MissingList run={record} />
        </Alert>
      )}
      <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }} data-testid="run-steps">
        {taken
          .map(([step, by, at]) =>
            translate(`kaoping.result.who.${step}`, {
              name: by?.name ?? translate('kaoping.result.system'),
              at: when(at),
            }),
          )
          .join(translate('kaoping.fmt.items'))}
      </Typography>
    </>
  );
};
