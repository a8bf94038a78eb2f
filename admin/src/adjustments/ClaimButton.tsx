import AddIcon from '@mui/icons-material/Add';
import {
  Alert,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
} from '@mui/material';
import { useMemo, useState } from 'react';
import { Button, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useRead } from '../dataProvider/useRead';
import { claimAdjustment, claimProblems, hasRange, type RuleDef, type SubjectOption } from './api';
import { useAdjustmentRights } from './permissions';
import { useSchemeRules } from './useSchemeRules';

/**
 * 申报加减分: subject, rule (those listing the subject's group), points within the rule's range
 * (range rules only), count and note, checked here as the server checks them. UNIT users choose
 * among their own unit and its members.
 */
const ClaimButton = ({ schemeId }: { schemeId: string }) => {
  const rights = useAdjustmentRights();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const scheme = useSchemeRules(schemeId);
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ subject: '', rule: '', points: '', count: '1', note: '' });
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);

  // read once the dialog opens; a UNIT user chooses among its own unit and its members
  const all = useRead('subjects', open ? { schemeId } : null);
  const unit = useRead('myUnit', open && rights.ownUnitOnly ? {} : null);
  const subjects: SubjectOption[] = useMemo(() => {
    if (!all.data || (rights.ownUnitOnly && unit.data === undefined)) return [];
    return rights.ownUnitOnly ? all.data.filter(s => s.code === unit.data || s.unit === unit.data) : all.data;
  }, [all.data, unit.data, rights.ownUnitOnly]);
  const readError = all.error?.message ?? unit.error?.message ?? null;

  const subject = subjects.find(s => s.code === form.subject);
  const rules: RuleDef[] = useMemo(
    () => (scheme?.rules ?? []).filter(r => !subject || r.groups.includes(subject.group)),
    [scheme, subject],
  );
  const rule = scheme?.rules.find(r => r.code === form.rule);
  const problems = claimProblems(rule, subject, form.count, form.points);
  const problem = (field: keyof typeof problems) =>
    submitted && problems[field] ? translate(problems[field][0], problems[field][1]) : undefined;

  if (!rights.claim) return null;
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm(f => ({ ...f, [field]: e.target.value }));
  const close = () => {
    setOpen(false);
    setSubmitted(false);
    setServerError(null);
    setForm({ subject: '', rule: '', points: '', count: '1', note: '' });
  };
  const submit = async () => {
    setSubmitted(true);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setServerError(null);
    try {
      await claimAdjustment({
        schemeId,
        subject: form.subject,
        rule: form.rule,
        count: Number(form.count),
        points: rule && hasRange(rule) ? Number(form.points) : null,
        note: form.note.trim() || null,
      });
      notify('kaoping.adjustment.claimed', { type: 'info' });
      close();
      refresh();
    } catch (e) {
      setServerError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const ruleHelp = rule
    ? hasRange(rule)
      ? translate('kaoping.adjustment.claim.range_help', { min: rule.minPoints ?? 0, max: rule.maxPoints ?? '∞' })
      : rule.kind === 'VETO'
        ? translate('kaoping.adjustment.veto_cap', {
            grade: (rule.maxGrade && scheme?.grades[rule.maxGrade]) || rule.maxGrade || '',
          })
        : translate('kaoping.adjustment.claim.fixed_help', { points: rule.points ?? 0 })
    : undefined;

  return (
    <>
      <Button label="kaoping.adjustment.claim.button" onClick={() => setOpen(true)} data-testid="adjustment-claim">
        <AddIcon />
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
        <DialogTitle>{translate('kaoping.adjustment.claim.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <TextField
              select
              label={translate('kaoping.adjustment.field.subject')}
              value={form.subject}
              onChange={e => setForm(f => ({ ...f, subject: e.target.value, rule: '' }))}
              error={!!problem('subject')}
              helperText={problem('subject')}
              slotProps={{
                select: { native: true },
                htmlInput: { 'data-testid': 'claim-subject' },
                inputLabel: { shrink: true },
              }}
            >
              <option value="" />
              {subjects.map(s => (
                <option key={s.code} value={s.code}>
                  {translate('kaoping.fmt.named', { name: s.name, code: s.code })}{' '}
                  {scheme?.groups.find(g => g.code === s.group)?.name ?? s.group}
                </option>
              ))}
            </TextField>
            <TextField
              select
              label={translate('kaoping.adjustment.field.rule')}
              value={form.rule}
              onChange={set('rule')}
              error={!!problem('rule')}
              helperText={problem('rule') ?? ruleHelp}
              slotProps={{
                select: { native: true },
                htmlInput: { 'data-testid': 'claim-rule' },
                inputLabel: { shrink: true },
              }}
            >
              <option value="" />
              {rules.map(r => (
                <option key={r.code} value={r.code}>
                  {translate('kaoping.fmt.label', { label: translate(`kaoping.adjustment.kind.${r.kind}`) })}
                  {r.name}
                </option>
              ))}
            </TextField>
            <Stack direction="row" spacing={2}>
              <TextField
                label={translate('kaoping.adjustment.field.points')}
                value={rule && hasRange(rule) ? form.points : rule?.points !== undefined ? String(rule.points) : ''}
                onChange={set('points')}
                disabled={!rule || !hasRange(rule)}
                error={!!problem('points')}
                helperText={problem('points')}
                slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': 'claim-points' } }}
              />
              <TextField
                label={translate('kaoping.adjustment.field.count')}
                value={form.count}
                onChange={set('count')}
                error={!!problem('count')}
                helperText={problem('count')}
                slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'claim-count' } }}
              />
            </Stack>
            <TextField
              label={translate('kaoping.adjustment.field.note')}
              value={form.note}
              onChange={set('note')}
              multiline
              minRows={2}
              helperText={translate('kaoping.adjustment.claim.note_help')}
              slotProps={{ htmlInput: { maxLength: 2000, 'data-testid': 'claim-note' } }}
            />
            {(serverError ?? readError) && (
              <Alert severity="error" data-testid="claim-error">
                {serverError ?? readError}
              </Alert>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton variant="contained" disabled={busy} onClick={() => void submit()} data-testid="claim-submit">
            {translate('kaoping.adjustment.claim.submit')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};

export default ClaimButton;
