import {
  BooleanInput,
  Edit,
  PasswordInput,
  SelectInput,
  SimpleForm,
  TextInput,
  minLength,
  required,
} from 'react-admin';
import { roleChoices } from '../roles';
import DepartmentInput from './DepartmentInput';

/** A new password only when one was typed (the form field is not the record's). */
const toUpdate = ({ newPassword, ...data }: Record<string, unknown>) =>
  newPassword ? { ...data, password: newPassword } : data;

const UserEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={toUpdate}>
    <SimpleForm>
      <TextInput source="email" disabled />
      <TextInput source="name" validate={required()} />
      <SelectInput source="role" choices={roleChoices()} validate={required()} />
      <TextInput source="unit" helperText="resources.users.helper.unit" />
      <DepartmentInput />
      <BooleanInput source="disabled" />
      <PasswordInput
        source="newPassword"
        helperText="resources.users.helper.newPassword"
        validate={minLength(6)}
        autoComplete="new-password"
      />
    </SimpleForm>
  </Edit>
);

export default UserEdit;
