import { Box, CircularProgress } from '@mui/material';
import { List, useGetList, type ListProps } from 'react-admin';
import { currentSchemeOf } from '../adjustments/api';
import type { SchemeRecord } from './api';

/** A list of one scheme's rows (a `schemeId` filter), by default the current scheme's once the schemes are known. */
const CurrentSchemeList = (props: ListProps) => {
  const { data: schemes, isPending } = useGetList<SchemeRecord>('schemes', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'year', order: 'DESC' },
  });
  if (isPending) {
    return (
      <Box sx={{ p: 4, textAlign: 'center' }}>
        <CircularProgress size={24} />
      </Box>
    );
  }
  const current = currentSchemeOf(schemes ?? []);
  return <List {...props} filterDefaultValues={current ? { schemeId: current.id } : {}} />;
};

export default CurrentSchemeList;
