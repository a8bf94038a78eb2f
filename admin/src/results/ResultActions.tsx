// A run page's toolbar: compute again, the next lifecycle step, send back, feedback sheets, Excel.
import { TopToolbar, useRecordContext } from 'react-admin';
import { FeedbackButton } from '../feedback';
import { ResultsWorkbookButton } from '../files/WorkbookButtons';
import type { RunRecord } from './api';
import ComputeButton from './ComputeButton';
import { RejectButton, StepButton } from './RunLifecycle';

const ResultActions = () => {
  const record = useRecordContext<RunRecord>();
  if (!record) return <TopToolbar />;
  return (
    <TopToolbar>
      <ComputeButton schemeId={record.schemeId} />
      <StepButton record={record} />
      <RejectButton record={record} />
      <FeedbackButton runId={record.id} />
      <ResultsWorkbookButton runId={record.id} />
    </TopToolbar>
  );
};

export default ResultActions;
