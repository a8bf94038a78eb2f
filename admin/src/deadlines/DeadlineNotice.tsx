// The entry grid's line about the chosen period's and source's deadline: due time, or closed.
import { Alert } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useRead } from '../dataProvider/useRead';

const DeadlineNotice = ({ schemeId, source, period }: { schemeId: string; source: string; period: string }) => {
  const translate = useTranslate();
  // A failed read shows no line (the grid works without it).
  const list = useRead('deadlines', { schemeId }).data ?? [];
  const d = list.find(x => x.period === period && x.source === source);
  if (!d) return null;
  const args = {
    period: translate(`dataEntry.period.${period}`),
    source: translate(`dataEntry.source.${source}`),
    due: d.dueLocal.replace('T', ' '),
    zone: d.timeZone,
  };
  return (
    <Alert
      severity={d.closed ? 'warning' : 'info'}
      sx={{ mb: 1 }}
      data-testid="entry-deadline"
      data-closed={d.closed ? 'true' : 'false'}
    >
      {translate(d.closed ? 'kaoping.deadlines.notice_closed' : 'kaoping.deadlines.notice_open', args)}
    </Alert>
  );
};

export default DeadlineNotice;
