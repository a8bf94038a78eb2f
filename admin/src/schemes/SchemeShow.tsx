import { Box, Stack, Typography } from '@mui/material';
import { lazy, Suspense } from 'react';
import { DateField, Labeled, NumberField, Show, TextField, useRecordContext } from 'react-admin';
import type { SchemeRecord } from './api';
import { useCanManageSchemes } from './permissions';
import SchemeActions from './SchemeActions';
import { StatusChip } from './status';
import Spinner from '../layout/Spinner';
import { useCan } from '../permissions';

// The tree editor and the scoring engine (@kaoping/shared) load only when a scheme is opened.
const SchemeEditor = lazy(() => import('./SchemeEditor'));
const DeadlinePanel = lazy(() => import('../deadlines/DeadlinePanel'));

const Body = () => {
  const record = useRecordContext<SchemeRecord>();
  const canManage = useCanManageSchemes();
  const can = useCan();
  if (!record) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Labeled source="code">
          <TextField source="code" />
        </Labeled>
        <Labeled source="name">
          <TextField source="name" />
        </Labeled>
        <Labeled source="year">
          <NumberField source="year" options={{ useGrouping: false }} />
        </Labeled>
        <Labeled source="status">
          <StatusChip status={record.status} />
        </Labeled>
        <Labeled source="version">
          <NumberField source="version" />
        </Labeled>
        <Labeled source="publishedAt">
          <DateField source="publishedAt" showTime emptyText="—" />
        </Labeled>
        <Labeled source="closedAt">
          <DateField source="closedAt" showTime emptyText="—" />
        </Labeled>
      </Stack>
      <Suspense
        fallback={
          <Typography sx={{ mt: 2 }}>
            <Spinner size={16} />
          </Typography>
        }
      >
        <SchemeEditor
          key={`${record.id}:${record.version}`}
          record={record}
          editable={canManage && record.status === 'DRAFT'}
        />
        {can('DEADLINE_MANAGE') && record.status !== 'DRAFT' && <DeadlinePanel schemeId={String(record.id)} />}
      </Suspense>
    </Box>
  );
};

const SchemeShow = () => (
  <Show actions={<SchemeActions />}>
    <Body />
  </Show>
);

export default SchemeShow;
