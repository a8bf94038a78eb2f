// A result run's page: what and when, the lifecycle, a tab per group with its ranking, and the
// comparison with another run of the scheme.
import { Box, Stack, Tab, Tabs } from '@mui/material';
import { useState } from 'react';
import { DateField, Labeled, NumberField, ReferenceField, Show, TextField, useRecordContext } from 'react-admin';
import { useRead } from '../dataProvider/useRead';
import type { RunRecord } from './api';
import GroupPanel from './GroupPanel';
import { groupName, labelsOf } from './labels';
import ResultActions from './ResultActions';
import RunCompare from './RunCompare';
import { LifecyclePanel } from './RunLifecycle';
import { RunStatusChip } from './status';

const RunBody = () => {
  const record = useRecordContext<RunRecord>();
  const [tab, setTab] = useState(0);
  const { data: definition } = useRead('schemeDefinition', record?.schemeId ? { schemeId: record.schemeId } : null);
  const labels = definition ? labelsOf(definition) : undefined;
  if (!record) return null;
  const groups = record.groups.map(g => g.group);
  const current = groups[Math.min(tab, groups.length - 1)];
  return (
    <Box sx={{ p: 2 }}>
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Labeled source="schemeId">
          <ReferenceField source="schemeId" reference="schemes">
            <TextField source="name" />
          </ReferenceField>
        </Labeled>
        <Labeled source="status">
          <RunStatusChip status={record.status} />
        </Labeled>
        <Labeled source="schemeVersion">
          <NumberField source="schemeVersion" />
        </Labeled>
        <Labeled source="createdAt">
          <DateField source="createdAt" showTime />
        </Labeled>
        <Labeled source="reviewedAt">
          <DateField source="reviewedAt" showTime emptyText="—" />
        </Labeled>
        <Labeled source="approvedAt">
          <DateField source="approvedAt" showTime emptyText="—" />
        </Labeled>
        <Labeled source="publishedAt">
          <DateField source="publishedAt" showTime emptyText="—" />
        </Labeled>
      </Stack>
      <LifecyclePanel record={record} />
      <Tabs
        value={Math.min(tab, Math.max(groups.length - 1, 0))}
        onChange={(_, v: number) => setTab(v)}
        variant="scrollable"
        sx={{ mt: 2, mb: 1 }}
      >
        {record.groups.map(g => (
          <Tab
            key={g.group}
            label={`${groupName(labels, g.group)} (${g.count})`}
            data-testid={`group-tab-${g.group}`}
          />
        ))}
      </Tabs>
      {current && <GroupPanel key={`${record.id}:${current}`} run={record} group={current} labels={labels} />}
      <RunCompare run={record} labels={labels} />
    </Box>
  );
};

const ResultShow = () => (
  <Show actions={<ResultActions />}>
    <RunBody />
  </Show>
);

export default ResultShow;
