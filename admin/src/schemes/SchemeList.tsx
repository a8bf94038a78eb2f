import {
  Datagrid,
  DateField,
  List,
  NumberField,
  NumberInput,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
} from 'react-admin';
import { lazy, Suspense } from 'react';
import ImportButton from './ImportButton';
import { useCanManageSchemes } from './permissions';
import { StatusField, statusChoices } from './status';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <NumberInput key="year" source="year" alwaysOn min={1900} max={9999} />,
  <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />,
];

const Actions = () => {
  const canManage = useCanManageSchemes();
  return <TopToolbar>{canManage && <ImportButton />}</TopToolbar>;
};

// A tenant without schemes sees its first steps instead of an empty list.
const Onboarding = lazy(() => import('../onboarding/Onboarding'));
const Empty = () => (
  <Suspense fallback={null}>
    <Onboarding />
  </Suspense>
);

const SchemeList = () => (
  <List
    filters={filters}
    actions={<Actions />}
    empty={<Empty />}
    sort={{ field: 'year', order: 'DESC' }}
    perPage={25}
    exporter={false}
  >
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="code" />
      <TextField source="name" />
      <NumberField source="year" options={{ useGrouping: false }} />
      <StatusField source="status" label="resources.schemes.fields.status" />
      <NumberField source="version" sortable={false} />
      <DateField source="publishedAt" showTime emptyText="—" sortable={false} />
    </Datagrid>
  </List>
);

export default SchemeList;
