import GroupsIcon from '@mui/icons-material/Groups';
import { Button } from 'react-admin';
import { Link } from 'react-router-dom';

/** 考核对象 of a scheme: the subjects list filtered to it. */
const SubjectsLink = ({ schemeId }: { schemeId: string }) => (
  <Button label="resources.subjects.name" component={Link} to={{ pathname: '/subjects', search: `filter=${encodeURIComponent(JSON.stringify({ schemeId }))}` }} data-testid="scheme-subjects">
    <GroupsIcon />
  </Button>
);

export default SubjectsLink;
