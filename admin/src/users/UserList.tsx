import {
  BooleanField,
  Datagrid,
  EditButton,
  List,
  ReferenceField,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
} from 'react-admin';
import { roleChoices } from '../roles';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices({ includePlatform: false })} alwaysOn />,
];

const UserList = () => (
  <List filters={filters} sort={{ field: 'email', order: 'ASC' }} perPage={25} exporter={false}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="email" />
      <TextField source="name" />
      <SelectField source="role" choices={roleChoices({ includePlatform: true })} />
      <TextField source="unit" emptyText="—" />
      <ReferenceField source="departmentId" reference="departments" link={false} emptyText="—" sortable={false} />
      <BooleanField source="disabled" looseValue sortable={false} />
      <EditButton />
    </Datagrid>
  </List>
);

export default UserList;
