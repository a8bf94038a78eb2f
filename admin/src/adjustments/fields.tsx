import { Chip, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import {
  ADJUSTMENT_STATUSES,
  RULE_KINDS,
  hasRange,
  type AdjustmentRecord,
  type AdjustmentStatus,
  type RuleDef,
  type RuleKind,
} from './api';

export const statusChoices = ADJUSTMENT_STATUSES.map(s => ({ id: s, name: `kaoping.adjustment.status.${s}` }));
export const kindChoices = RULE_KINDS.map(k => ({ id: k, name: `kaoping.adjustment.kind.${k}` }));

const STATUS_COLORS: Record<AdjustmentStatus, 'warning' | 'success' | 'default'> = {
  CLAIMED: 'warning',
  VERIFIED: 'success',
  REJECTED: 'default',
};
const KIND_COLORS: Record<RuleKind, 'success' | 'error' | 'secondary'> = {
  BONUS: 'success',
  DEDUCTION: 'error',
  VETO: 'secondary',
};

export const AdjustmentStatusChip = ({ status }: { status?: AdjustmentStatus }) => {
  const translate = useTranslate();
  if (!status) return null;
  return (
    <Chip
      size="small"
      color={STATUS_COLORS[status]}
      variant={status === 'REJECTED' ? 'outlined' : 'filled'}
      label={translate(`kaoping.adjustment.status.${status}`)}
      data-testid="adjustment-status"
    />
  );
};

export const StatusField = (_props: { label?: string; sortBy?: string }) => {
  const record = useRecordContext<AdjustmentRecord>();
  return <AdjustmentStatusChip status={record?.status} />;
};

export const KindChip = ({ kind }: { kind?: RuleKind | null }) => {
  const translate = useTranslate();
  if (!kind) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={KIND_COLORS[kind]}
      label={translate(`kaoping.adjustment.kind.${kind}`)}
    />
  );
};

/** The rule by its name in the scheme definition, with its kind. */
export const RuleField = (_props: { label?: string; sortBy?: string }) => {
  const record = useRecordContext<AdjustmentRecord>();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <KindChip kind={record.kind} />
      <span title={record.rule}>{record.ruleName ?? record.rule}</span>
    </Stack>
  );
};

/** Points claimed: the stated points (range rules) or the rule's fixed points, times the count; a veto caps the grade instead. */
export const PointsField = ({
  rules,
  grades,
}: {
  rules?: RuleDef[];
  grades?: Record<string, string>;
  label?: string;
  sortable?: boolean;
}) => {
  const translate = useTranslate();
  const record = useRecordContext<AdjustmentRecord>();
  if (!record) return null;
  const rule = rules?.find(r => r.code === record.rule);
  if (record.kind === 'VETO')
    return (
      <Typography variant="body2">
        {translate('kaoping.adjustment.veto_cap', {
          grade: (rule?.maxGrade && grades?.[rule.maxGrade]) || rule?.maxGrade || '',
        })}
      </Typography>
    );
  const each = record.points ?? (rule && !hasRange(rule) ? rule.points : undefined);
  if (each === undefined || each === null) return <span>—</span>;
  const sign = record.kind === 'DEDUCTION' ? '−' : '+';
  return (
    <span data-testid="adjustment-points">
      {sign}
      {Number(each.toFixed(4))}
      {record.count > 1 ? ` × ${record.count}` : ''}
    </span>
  );
};

/** Who claimed and when (imported rows have no user: the import). */
export const ClaimedField = (_props: { label?: string; sortBy?: string }) => {
  const translate = useTranslate();
  const record = useRecordContext<AdjustmentRecord>();
  if (!record) return null;
  return (
    <Stack>
      <Typography variant="body2">{record.claimedByName ?? translate('kaoping.adjustment.imported')}</Typography>
      <Typography variant="caption" color="text.secondary">
        {new Date(record.createdAt).toLocaleString()}
      </Typography>
    </Stack>
  );
};

/** Who decided, when, and why a rejection. */
export const DecisionField = (_props: { label?: string; sortBy?: string }) => {
  const translate = useTranslate();
  const record = useRecordContext<AdjustmentRecord>();
  if (!record || record.status === 'CLAIMED') return null;
  return (
    <Stack>
      <Typography variant="body2">{record.decidedByName ?? translate('kaoping.adjustment.imported')}</Typography>
      {record.decidedAt && (
        <Typography variant="caption" color="text.secondary">
          {new Date(record.decidedAt).toLocaleString()}
        </Typography>
      )}
      {record.reason && (
        <Typography variant="caption" data-testid="adjustment-reason">
          {translate('kaoping.adjustment.reason_label')}
          {record.reason}
        </Typography>
      )}
    </Stack>
  );
};
