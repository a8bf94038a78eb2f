import { Datagrid, DateField, List, TextField } from 'react-admin';
import SwitchIntoTenantButton from './SwitchIntoTenantButton';

const TenantList = () => (
  <List sort={{ field: 'code', order: 'ASC' }} exporter={false}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="code" />
      <TextField source="name" />
      <DateField source="createdAt" showTime />
      <SwitchIntoTenantButton />
    </Datagrid>
  </List>
);

export default TenantList;
