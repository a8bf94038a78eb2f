import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { SchemeRecord, SchemeStatus } from './api';

export const STATUSES: SchemeStatus[] = ['DRAFT', 'PUBLISHED', 'CLOSED'];
export const statusChoices = STATUSES.map(s => ({ id: s, name: `kaoping.scheme.status.${s}` }));

const COLORS: Record<SchemeStatus, 'default' | 'success' | 'warning'> = {
  DRAFT: 'warning',
  PUBLISHED: 'success',
  CLOSED: 'default',
};

export const StatusChip = ({ status }: { status?: SchemeStatus }) => {
  const translate = useTranslate();
  if (!status) return null;
  return (
    <Chip
      size="small"
      color={COLORS[status]}
      label={translate(`kaoping.scheme.status.${status}`)}
      data-testid="scheme-status"
    />
  );
};

/** For Datagrid columns. */
export const StatusField = (_props: { source?: string; label?: string; sortable?: boolean }) => {
  const record = useRecordContext<SchemeRecord>();
  return <StatusChip status={record?.status} />;
};
