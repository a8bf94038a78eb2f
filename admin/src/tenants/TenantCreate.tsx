import { Create, PasswordInput, SimpleForm, TextInput, email, minLength, regex, required } from 'react-admin';

const TenantCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <TextInput source="code" validate={[required(), regex(/^[a-z0-9][a-z0-9-]*$/, 'a-z 0-9 -')]} />
      <TextInput source="name" validate={required()} />
      <TextInput source="adminEmail" type="email" validate={[required(), email()]} autoComplete="off" />
      <PasswordInput source="adminPassword" validate={[required(), minLength(4)]} autoComplete="new-password" />
    </SimpleForm>
  </Create>
);

export default TenantCreate;
