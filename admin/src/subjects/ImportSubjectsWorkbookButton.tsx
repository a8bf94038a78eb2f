// 从模板导入: every group sheet's subject columns of a template workbook (subjects.xlsx): a dry run
// lists what would be created or renamed and every bad cell; confirming writes it (upserted by code).
import { useTranslate } from 'react-admin';
import { subjectsUrl, type SubjectsPreview } from '../files/api';
import UploadWorkbookButton from '../files/UploadWorkbookButton';

const COUNTS = ['subjects', 'created', 'updated', 'unchanged'] as const;

const ImportSubjectsWorkbookButton = ({ schemeId, onImported }: { schemeId: string; onImported: () => void }) => {
  const translate = useTranslate();
  return (
    <UploadWorkbookButton<SubjectsPreview>
      label="subjects.from_workbook"
      urlFor={dryRun => subjectsUrl(schemeId, dryRun)}
      counts={COUNTS}
      ready={r => ({
        message: translate('subjects.workbook_ready', {
          created: r.created,
          updated: r.updated,
          unchanged: r.unchanged,
        }),
        changes: r.created + r.updated > 0,
      })}
      done={r => translate('subjects.workbook_done', { created: r.created, updated: r.updated })}
      onImported={onImported}
    />
  );
};

export default ImportSubjectsWorkbookButton;
