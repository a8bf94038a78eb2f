import GroupsIcon from '@mui/icons-material/Groups';
import { Button, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';

/** 考核对象 of a scheme: the subjects list filtered to it. */
const SubjectsLink = ({ schemeId }: { schemeId: string }) => {
  const translate = useTranslate();
  // the resource name has singular and plural forms: pick one, or both show ("考核对象 |||| 考核对象")
  return (
    <Button
      label={translate('resources.subjects.name', { smart_count: 2 })}
      component={Link}
      to={{ pathname: '/subjects', search: `filter=${encodeURIComponent(JSON.stringify({ schemeId }))}` }}
      data-testid="scheme-subjects"
    >
      <GroupsIcon />
    </Button>
  );
};

export default SubjectsLink;
