import { List, ListItem, ListItemText } from '@mui/material';
import { useLocaleState } from 'react-admin';
import type { ProblemLike } from './api';
import { useProblemText } from './editor/useProblemText';

/**
 * Problems as a readable list: the message in the console's language, and under it the JSON
 * Pointer it concerns (in Chinese also the validator's own English wording, as a reference).
 */
const ProblemList = ({ problems, testId = 'problem-list' }: { problems: ProblemLike[]; testId?: string }) => {
  const text = useProblemText();
  const [locale] = useLocaleState();
  return (
    <List dense data-testid={testId} sx={{ py: 0 }}>
      {problems.map((p, i) => {
        const shown = text(p);
        return (
          <ListItem key={i} disableGutters sx={{ py: 0 }}>
            <ListItemText
              primary={shown}
              secondary={
                <>
                  {locale !== 'en' && shown !== p.message ? <span>{p.message}</span> : null}
                  {locale !== 'en' && shown !== p.message && p.path ? '　' : null}
                  {p.path ? <span>{p.path}</span> : null}
                </>
              }
              slotProps={{ primary: { color: 'error', variant: 'body2' }, secondary: { sx: { fontFamily: 'monospace', fontSize: 12 } } }}
            />
          </ListItem>
        );
      })}
    </List>
  );
};

export default ProblemList;
