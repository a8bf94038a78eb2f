import { FormDataConsumer, ReferenceInput, SelectInput } from 'react-admin';

/** A MONITOR user's department (it reports only the indicators its department owns); other roles have none. */
const DepartmentInput = () => (
  <FormDataConsumer>
    {({ formData }) =>
      formData.role === 'MONITOR' ? (
        <ReferenceInput
          source="departmentId"
          reference="departments"
          sort={{ field: 'code', order: 'ASC' }}
          perPage={200}
        >
          <SelectInput
            optionText={(d: { code: string; name: string }) => `${d.name}（${d.code}）`}
            helperText="resources.users.helper.departmentId"
            emptyText="—"
          />
        </ReferenceInput>
      ) : null
    }
  </FormDataConsumer>
);

export default DepartmentInput;
