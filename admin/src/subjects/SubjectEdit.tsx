import { DeleteWithConfirmButton, Edit, SaveButton, Toolbar, useRecordContext, useTranslate } from 'react-admin';
import type { SubjectRecord } from './api';
import SubjectForm from './SubjectForm';

const EditToolbar = () => {
  const translate = useTranslate();
  const record = useRecordContext<SubjectRecord>();
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      <DeleteWithConfirmButton
        mutationMode="pessimistic"
        confirmTitle={translate('subjects.delete_title', { name: record?.name ?? '', code: record?.code ?? '' })}
        confirmContent="subjects.delete_content"
        data-testid="subject-delete"
      />
    </Toolbar>
  );
};

/** Name, group and unit; the version read is sent back, so a change made meanwhile is refused (CONFLICT). */
const SubjectEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SubjectForm toolbar={<EditToolbar />} />
  </Edit>
);

export default SubjectEdit;
