import { BooleanInput, Edit, SelectInput, SimpleForm, TextInput, required } from 'react-admin';
import { roleChoices } from '../roles';

const UserEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm>
      <TextInput source="email" disabled />
      <TextInput source="name" validate={required()} />
      <SelectInput source="role" choices={roleChoices()} validate={required()} />
      <TextInput source="unit" helperText="resources.users.helper.unit" />
      <BooleanInput source="disabled" />
    </SimpleForm>
  </Edit>
);

export default UserEdit;
