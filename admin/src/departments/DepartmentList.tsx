import { Datagrid, DateField, EditButton, List, SearchInput, TextField } from 'react-admin';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

const DepartmentList = () => (
  <List filters={filters} sort={{ field: 'code', order: 'ASC' }} perPage={25} exporter={false}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="code" />
      <TextField source="name" />
      <DateField source="createdAt" showTime={false} />
      <EditButton />
    </Datagrid>
  </List>
);

export default DepartmentList;
