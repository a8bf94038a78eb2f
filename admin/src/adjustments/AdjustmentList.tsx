import {
  Datagrid,
  FunctionField,
  ReferenceInput,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  useGetOne,
  useListContext,
  useTranslate,
} from 'react-admin';
import type { SchemeRecord } from '../schemes/api';
import CurrentSchemeList from '../schemes/CurrentSchemeList';
import type { AdjustmentRecord } from './api';
import ClaimButton from './ClaimButton';
import DecideButtons from './DecideButtons';
import EvidenceButton from '../evidence/EvidenceButton';
import { ClaimedField, DecisionField, PointsField, RuleField, StatusField, kindChoices, statusChoices } from './fields';
import { useSchemeRules } from './useSchemeRules';

/** Group choices from the selected scheme's definition. */
const GroupInput = (props: { source: string; alwaysOn?: boolean; label?: string }) => {
  const { filterValues } = useListContext();
  const scheme = useSchemeRules(filterValues?.schemeId as string | undefined);
  return <SelectInput {...props} choices={(scheme?.groups ?? []).map(g => ({ id: g.code, name: g.name }))} />;
};

const filters = [
  <ReferenceInput key="schemeId" source="schemeId" reference="schemes" alwaysOn sort={{ field: 'year', order: 'DESC' }}>
    <SelectInput optionText="name" label="resources.adjustments.fields.schemeId" />
  </ReferenceInput>,
  <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />,
  <SelectInput key="kind" source="kind" choices={kindChoices} alwaysOn />,
  <GroupInput key="group" source="group" alwaysOn />,
  <TextInput key="subject" source="subject" alwaysOn resettable />,
];

/** 申报加减分 appears for a PUBLISHED scheme (data collection open), to the roles that may claim. */
const Actions = () => {
  const { filterValues } = useListContext();
  const schemeId = filterValues?.schemeId as string | undefined;
  const { data: scheme } = useGetOne<SchemeRecord>('schemes', { id: schemeId ?? '' }, { enabled: !!schemeId });
  return <TopToolbar>{scheme?.status === 'PUBLISHED' && <ClaimButton schemeId={scheme.id} />}</TopToolbar>;
};

const Grid = () => {
  const translate = useTranslate();
  const { filterValues } = useListContext();
  const scheme = useSchemeRules(filterValues?.schemeId as string | undefined);
  const groupName = (code: string) => scheme?.groups.find(g => g.code === code)?.name ?? code;
  return (
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <FunctionField<AdjustmentRecord>
        source="subject"
        render={r => translate('kaoping.fmt.named', { name: r.subjectName, code: r.subject })}
      />
      <FunctionField<AdjustmentRecord> source="group" render={r => groupName(r.group)} />
      <RuleField label="resources.adjustments.fields.rule" sortBy="rule" />
      <PointsField
        label="resources.adjustments.fields.points"
        sortable={false}
        rules={scheme?.rules}
        grades={scheme?.grades}
      />
      <TextField source="note" sortable={false} emptyText="—" />
      <EvidenceButton label="kaoping.evidence.column" />
      <StatusField label="resources.adjustments.fields.status" sortBy="status" />
      <ClaimedField label="resources.adjustments.fields.claimedBy" sortBy="createdAt" />
      <DecisionField label="resources.adjustments.fields.decidedBy" sortBy="decidedAt" />
      <DecideButtons label="kaoping.adjustment.actions" />
    </Datagrid>
  );
};

/**
 * 加减分核实: the adjustments of one scheme (by default the current one) with their subject, rule,
 * points, evidence note and files, who claimed and who decided; verify / reject; claim.
 */
const AdjustmentList = () => (
  <CurrentSchemeList
    filters={filters}
    actions={<Actions />}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
  >
    <Grid />
  </CurrentSchemeList>
);

export default AdjustmentList;
