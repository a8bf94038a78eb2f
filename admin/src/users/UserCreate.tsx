import {
  Create,
  FormDataConsumer,
  PasswordInput,
  SelectInput,
  SimpleForm,
  TextInput,
  email,
  minLength,
  required,
} from 'react-admin';
import { roleChoices } from '../roles';
import DepartmentInput from './DepartmentInput';

const UserCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ role: 'ASSESSOR' }}>
      <TextInput source="email" type="email" validate={[required(), email()]} autoComplete="off" />
      <TextInput source="name" validate={required()} />
      <PasswordInput source="password" validate={[required(), minLength(6)]} autoComplete="new-password" />
      <SelectInput source="role" choices={roleChoices()} validate={required()} />
      <FormDataConsumer>
        {({ formData }) => (
          <TextInput
            source="unit"
            helperText="resources.users.helper.unit"
            validate={formData.role === 'UNIT' ? required() : undefined}
          />
        )}
      </FormDataConsumer>
      <DepartmentInput />
    </SimpleForm>
  </Create>
);

export default UserCreate;
