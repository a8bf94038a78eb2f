import { Alert, Tab, Tabs } from '@mui/material';
import {
  CreateButton,
  Datagrid,
  FunctionField,
  NumberField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
  useGetOne,
  useListContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import CurrentSchemeList from '../schemes/CurrentSchemeList';
import { TemplateButton } from '../files/WorkbookButtons';
import { useCanManageSchemes } from '../schemes/permissions';
import { useSchemeGroups, type SchemeRecord, type SubjectRecord } from './api';
import ImportSubjectsButton from './ImportSubjectsButton';
import ImportSubjectsWorkbookButton from './ImportSubjectsWorkbookButton';

const filters = [
  <ReferenceInput key="schemeId" source="schemeId" reference="schemes" alwaysOn sort={{ field: 'year', order: 'DESC' }}>
    <SelectInput optionText="name" label="resources.subjects.fields.schemeId" />
  </ReferenceInput>,
  <SearchInput key="q" source="q" alwaysOn />,
];

/** New subjects only while the scheme is PUBLISHED (the server's rule); the ADMIN's. */
const Actions = () => {
  const { filterValues } = useListContext();
  const schemeId = filterValues?.schemeId as string | undefined;
  const canManage = useCanManageSchemes();
  const refresh = useRefresh();
  const { data: scheme } = useGetOne<SchemeRecord>('schemes', { id: schemeId ?? '' }, { enabled: !!schemeId });
  const open = canManage && scheme?.status === 'PUBLISHED';
  return (
    <TopToolbar>
      {open && (
        <CreateButton state={{ record: { schemeId, group: filterValues?.group } }} data-testid="subject-create" />
      )}
      {open && <ImportSubjectsButton schemeId={scheme.id} />}
      {open && <TemplateButton schemeId={scheme.id} source="REVIEW" code={scheme.code} />}
      {open && <ImportSubjectsWorkbookButton schemeId={scheme.id} onImported={refresh} />}
    </TopToolbar>
  );
};

/** 全部 and one tab per group of the scheme (the list's `group` filter). */
const GroupTabs = () => {
  const translate = useTranslate();
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const { groups, error } = useSchemeGroups(filterValues?.schemeId as string | undefined);
  if (error) return <Alert severity="error">{error}</Alert>;
  const value = (groups ?? []).some(g => g.code === filterValues?.group) ? filterValues.group : '';
  return (
    <Tabs
      value={value}
      onChange={(_, v) => setFilters({ ...filterValues, group: v || undefined }, displayedFilters)}
      variant="scrollable"
      sx={{ px: 2 }}
    >
      <Tab value="" label={translate('subjects.all_groups')} data-testid="subject-group-all" />
      {(groups ?? []).map(g => (
        <Tab key={g.code} value={g.code} label={g.name} data-testid={`subject-group-${g.code}`} />
      ))}
    </Tabs>
  );
};

const Grid = () => {
  const translate = useTranslate();
  const { filterValues, isPending, data } = useListContext();
  const { groups } = useSchemeGroups(filterValues?.schemeId as string | undefined);
  const groupName = (code: string) => groups?.find(g => g.code === code)?.name ?? code;
  return (
    <>
      <GroupTabs />
      {!isPending && data?.length === 0 && (
        <Alert severity="info" sx={{ m: 2 }} data-testid="subjects-empty">
          {translate('subjects.empty')}
        </Alert>
      )}
      <Datagrid rowClick="edit" bulkActionButtons={false} data-testid="subject-grid">
        <NumberField source="position" />
        <TextField source="code" />
        <TextField source="name" />
        <FunctionField<SubjectRecord> source="group" render={r => groupName(r.group)} />
        <FunctionField<SubjectRecord> source="kind" render={r => translate(`subjects.kind.${r.kind}`)} />
        <TextField source="unit" emptyText="—" />
      </Datagrid>
    </>
  );
};

/** 考核对象: one scheme's subjects (by default the current scheme's), by group; create, edit, delete, import. */
const SubjectList = () => (
  <CurrentSchemeList
    filters={filters}
    actions={<Actions />}
    sort={{ field: 'position', order: 'ASC' }}
    perPage={50}
    exporter={false}
    empty={false}
  >
    <Grid />
  </CurrentSchemeList>
);

export default SubjectList;
