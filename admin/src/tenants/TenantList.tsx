import { BooleanField, Datagrid, DateField, List, SearchInput, TextField } from 'react-admin';
import SwitchIntoTenantButton from './SwitchIntoTenantButton';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

const TenantList = () => (
  <List filters={filters} sort={{ field: 'code', order: 'ASC' }} exporter={false}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="code" />
      <TextField source="name" />
      <DateField source="createdAt" showTime />
      <BooleanField source="disabled" looseValue sortable={false} />
      <SwitchIntoTenantButton />
    </Datagrid>
  </List>
);

export default TenantList;
