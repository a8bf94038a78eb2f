import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { RUN_STATUSES, type RunRecord, type RunStatus } from './api';

export const runStatusChoices = RUN_STATUSES.map(s => ({ id: s, name: `kaoping.result.status.${s}` }));

const COLORS: Record<RunStatus, 'default' | 'error' | 'info' | 'primary' | 'success' | 'warning'> = {
  DRAFT: 'warning',
  REVIEWED: 'info',
  APPROVED: 'primary',
  PUBLISHED: 'success',
  REJECTED: 'error',
  SUPERSEDED: 'default',
};

export const RunStatusChip = ({ status }: { status?: RunStatus }) => {
  const translate = useTranslate();
  if (!status) return null;
  return (
    <Chip
      size="small"
      color={COLORS[status]}
      label={translate(`kaoping.result.status.${status}`)}
      data-testid="run-status"
    />
  );
};

export const RunStatusField = (_props: { source?: string; label?: string; sortable?: boolean }) => {
  const record = useRecordContext<RunRecord>();
  return <RunStatusChip status={record?.status} />;
};
