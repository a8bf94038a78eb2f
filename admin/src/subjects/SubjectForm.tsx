import { Alert } from '@mui/material';
import { useEffect } from 'react';
import { useFormContext } from 'react-hook-form';
import {
  FormDataConsumer,
  SelectInput,
  SimpleForm,
  TextInput,
  maxLength,
  regex,
  required,
  useRecordContext,
  useRecordFromLocation,
  useTranslate,
  type SimpleFormProps,
} from 'react-admin';
import { useRead } from '../dataProvider/useRead';
import { useSchemeGroups, type SubjectRecord } from './api';

/** The unit choices: the scheme's UNIT subjects (a member belongs to one; all of them, not a page). */
const UnitInput = ({ schemeId, self }: { schemeId: string; self?: string }) => {
  const translate = useTranslate();
  // a failed read offers no unit (the server names what is wrong on saving)
  const { data: units, isPending } = useRead('units', { schemeId });
  const choices = (units ?? [])
    .filter(u => u.code !== self)
    .map(u => ({ id: u.code, name: translate('kaoping.fmt.named', { name: u.name, code: u.code }) }));
  return <SelectInput source="unit" choices={choices} validate={required()} isLoading={isPending} />;
};

/** A unit group's subject names no unit: a unit left from a member group is cleared. */
const NoUnit = ({ unit }: { unit?: string | null }) => {
  const { setValue } = useFormContext();
  useEffect(() => {
    if (unit) setValue('unit', null, { shouldDirty: true });
  }, [unit, setValue]);
  return null;
};

/**
 * Code (create only: the key inputs and adjustments refer to), name, group from the scheme, and
 * for a member group the unit it belongs to.
 */
const SubjectForm = ({ creating, ...props }: { creating?: boolean } & Omit<SimpleFormProps, 'children'>) => {
  const translate = useTranslate();
  const record = useRecordContext<SubjectRecord>();
  // a new subject's scheme comes with the create link (the list's chosen scheme)
  const fromLink = useRecordFromLocation();
  const schemeId = (record?.schemeId ?? fromLink?.schemeId) as string | undefined;
  const { groups, error } = useSchemeGroups(schemeId);
  if (!schemeId)
    return (
      <Alert severity="warning" sx={{ m: 2 }}>
        {translate('subjects.pick_scheme')}
      </Alert>
    );
  return (
    <SimpleForm {...props}>
      {error && <Alert severity="error">{error}</Alert>}
      <TextInput
        source="code"
        disabled={!creating}
        validate={creating ? [required(), maxLength(64), regex(/^\S+$/, 'subjects.issue.bad_code')] : undefined}
      />
      <TextInput source="name" validate={[required(), maxLength(200)]} />
      <SelectInput
        source="group"
        choices={(groups ?? []).map(g => ({ id: g.code, name: g.name }))}
        validate={required()}
        isLoading={!groups}
      />
      <FormDataConsumer<SubjectRecord>>
        {({ formData }) =>
          groups?.find(g => g.code === formData.group)?.kind === 'MEMBER' ? (
            <UnitInput schemeId={schemeId} self={formData.code} />
          ) : (
            <NoUnit unit={formData.unit} />
          )
        }
      </FormDataConsumer>
    </SimpleForm>
  );
};

export default SubjectForm;
