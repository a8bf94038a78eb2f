import { BooleanField, Datagrid, EmailField, List, SelectField, SelectInput, TextField, EditButton } from 'react-admin';
import { roleChoices } from '../roles';

const filters = [
  <SelectInput key="role" source="role" choices={roleChoices({ includePlatform: false })} alwaysOn />,
];

const UserList = () => (
  <List filters={filters} sort={{ field: 'email', order: 'ASC' }} perPage={25} exporter={false}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <EmailField source="email" />
      <TextField source="name" />
      <SelectField source="role" choices={roleChoices({ includePlatform: true })} />
      <TextField source="unit" emptyText="—" />
      <BooleanField source="disabled" looseValue />
      <EditButton />
    </Datagrid>
  </List>
);

export default UserList;
