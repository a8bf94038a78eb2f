import { Create } from 'react-admin';
import SubjectForm from './SubjectForm';

const SubjectCreate = () => (
  <Create redirect="list">
    <SubjectForm creating />
  </Create>
);

export default SubjectCreate;
