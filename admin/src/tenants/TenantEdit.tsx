import { BooleanInput, DateField, Edit, SimpleForm, TextInput, required } from 'react-admin';

const TenantEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm>
      <TextInput source="code" disabled />
      <TextInput source="name" validate={required()} />
      <BooleanInput source="disabled" />
      <DateField source="createdAt" showTime />
    </SimpleForm>
  </Edit>
);

export default TenantEdit;
