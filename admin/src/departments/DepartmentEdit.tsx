import { DeleteButton, Edit, SaveButton, SimpleForm, TextInput, Toolbar, required } from 'react-admin';
import { CODE_RULE } from './DepartmentCreate';

// deletion is refused (and the reason shown) while users belong to it or a scheme names it
const EditToolbar = () => (
  <Toolbar sx={{ justifyContent: 'space-between' }}>
    <SaveButton />
    <DeleteButton mutationMode="pessimistic" />
  </Toolbar>
);

const DepartmentEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm toolbar={<EditToolbar />}>
      <TextInput source="code" validate={CODE_RULE} helperText="resources.departments.helper.codeEdit" />
      <TextInput source="name" validate={required()} />
    </SimpleForm>
  </Edit>
);

export default DepartmentEdit;
