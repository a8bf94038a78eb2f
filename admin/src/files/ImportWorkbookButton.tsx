// 导入 Excel on the data-entry page: a filled template of one source (inputs.xlsx).
import { useTranslate } from 'react-admin';
import { inputsUrl, type ImportPreview, type Source } from './api';
import UploadWorkbookButton from './UploadWorkbookButton';

const COUNTS = ['subjects', 'inputs', 'ballots', 'adjustments', 'changed', 'unchanged'] as const;

const ImportWorkbookButton = ({
  schemeId,
  source,
  onImported,
  disabled,
}: {
  schemeId: string;
  source: Source;
  onImported?: () => void;
  disabled?: boolean;
}) => {
  const translate = useTranslate();
  return (
    <UploadWorkbookButton<ImportPreview>
      label="files.upload"
      urlFor={dryRun => inputsUrl(schemeId, source, dryRun)}
      counts={COUNTS}
      ready={r => ({
        message: translate('files.ready', { changed: r.changed, unchanged: r.unchanged }),
        changes: r.changed > 0,
      })}
      done={r => translate('files.imported', { smart_count: r.inputs, changed: r.changed })}
      onImported={onImported}
      disabled={disabled}
      idempotent
    />
  );
};

export default ImportWorkbookButton;
