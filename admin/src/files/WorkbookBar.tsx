// The data-entry page's Excel actions for the chosen scheme and source: the template, and an
// import of the filled workbook (only where the caller may write that source).
import { Stack } from '@mui/material';
import type { Source } from './api';
import ImportWorkbookButton from './ImportWorkbookButton';
import { TemplateButton } from './WorkbookButtons';

const WorkbookBar = ({
  schemeId,
  code,
  source,
  canImport,
  onImported,
}: {
  schemeId: string;
  code?: string;
  source: Source;
  canImport: boolean;
  onImported: () => void;
}) => (
  <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} data-testid="workbook-bar">
    <TemplateButton schemeId={schemeId} source={source} code={code} />
    {canImport && <ImportWorkbookButton schemeId={schemeId} source={source} onImported={onImported} />}
  </Stack>
);

export default WorkbookBar;
