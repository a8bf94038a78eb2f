import {
  Datagrid,
  DateField,
  List,
  NumberField,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  TextField,
  TopToolbar,
  useGetOne,
  useListContext,
} from 'react-admin';
import type { SchemeRecord } from '../schemes/api';
import ComputeButton from './ComputeButton';
import { RunStatusField, runStatusChoices } from './status';

const filters = [
  <ReferenceInput key="schemeId" source="schemeId" reference="schemes" alwaysOn sort={{ field: 'year', order: 'DESC' }}>
    <SelectInput optionText="name" label="resources.results.fields.schemeId" />
  </ReferenceInput>,
  <SelectInput key="status" source="status" choices={runStatusChoices} alwaysOn />,
];

/** 计算结果 appears once a PUBLISHED scheme is selected. */
const Actions = () => {
  const { filterValues } = useListContext();
  const schemeId = filterValues?.schemeId as string | undefined;
  const { data: scheme } = useGetOne<SchemeRecord>('schemes', { id: schemeId ?? '' }, { enabled: !!schemeId });
  return (
    <TopToolbar>
      {scheme?.status === 'PUBLISHED' && <ComputeButton schemeId={scheme.id} schemeName={scheme.name} />}
    </TopToolbar>
  );
};

const ResultList = () => (
  <List
    filters={filters}
    actions={<Actions />}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
  >
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <ReferenceField source="schemeId" reference="schemes" link={false} sortable={false}>
        <TextField source="name" />
      </ReferenceField>
      <RunStatusField source="status" label="resources.results.fields.status" />
      <DateField source="createdAt" showTime />
      <NumberField source="schemeVersion" />
      <DateField source="publishedAt" showTime emptyText="—" sortable={false} />
    </Datagrid>
  </List>
);

export default ResultList;
