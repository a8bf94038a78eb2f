import { List, ListItem, ListItemText } from '@mui/material';
import type { ProblemLike } from './api';

/** Problems as a readable list: the message, and under it the JSON Pointer it concerns. */
const ProblemList = ({ problems, testId = 'problem-list' }: { problems: ProblemLike[]; testId?: string }) => (
  <List dense data-testid={testId} sx={{ py: 0 }}>
    {problems.map((p, i) => (
      <ListItem key={i} disableGutters sx={{ py: 0 }}>
        <ListItemText
          primary={p.message}
          secondary={p.path || undefined}
          slotProps={{ primary: { color: 'error', variant: 'body2' }, secondary: { sx: { fontFamily: 'monospace', fontSize: 12 } } }}
        />
      </ListItem>
    ))}
  </List>
);

export default ProblemList;
