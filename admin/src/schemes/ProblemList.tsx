import { List, ListItem, ListItemText } from '@mui/material';
import type { ProblemLike } from './api';
import { useProblemText } from './editor/useProblemText';

/** Problems as a readable list: the text in the console's language (by code), and under it the JSON Pointer it concerns. */
const ProblemList = ({ problems, testId = 'problem-list' }: { problems: ProblemLike[]; testId?: string }) => {
  const text = useProblemText();
  return (
    <List dense data-testid={testId} sx={{ py: 0 }}>
      {problems.map((p, i) => {
        const shown = text(p);
        return (
          <ListItem key={i} disableGutters sx={{ py: 0 }}>
            <ListItemText
              primary={shown}
              secondary={p.path ? <span>{p.path}</span> : null}
              slotProps={{
                primary: { color: 'error', variant: 'body2' },
                secondary: { sx: { fontFamily: 'monospace', fontSize: 12 } },
              }}
            />
          </ListItem>
        );
      })}
    </List>
  );
};

export default ProblemList;
