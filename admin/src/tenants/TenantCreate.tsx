import { Create, PasswordInput, SimpleForm, TextInput, email, minLength, regex, required } from 'react-admin';

const TenantCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <TextInput
        source="code"
        helperText="resources.tenants.helper.code"
        validate={[required(), regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'resources.tenants.helper.code')]}
      />
      <TextInput source="name" validate={required()} />
      <TextInput source="adminEmail" type="email" validate={[required(), email()]} autoComplete="off" />
      <PasswordInput source="adminPassword" validate={[required(), minLength(6)]} autoComplete="new-password" />
    </SimpleForm>
  </Create>
);

export default TenantCreate;
