import { CircularProgress, type CircularProgressProps } from '@mui/material';
import { useTranslate } from 'react-admin';

/** A loading spinner named for screen readers (a progress bar needs a name) in the reader's language. */
const Spinner = (props: CircularProgressProps) => {
  const translate = useTranslate();
  return <CircularProgress aria-label={translate('ra.page.loading')} {...props} />;
};

export default Spinner;
