import { Create, SimpleForm, TextInput, regex, required } from 'react-admin';

/** The scheme format's code rule: `owners` names departments by these codes. */
export const CODE_RULE = [required(), regex(/^[A-Za-z0-9_-]{1,64}$/, 'resources.departments.helper.code')];

const DepartmentCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <TextInput source="code" validate={CODE_RULE} helperText="resources.departments.helper.code" />
      <TextInput source="name" validate={required()} />
    </SimpleForm>
  </Create>
);

export default DepartmentCreate;
