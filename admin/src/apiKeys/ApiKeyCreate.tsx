import { useState } from 'react';
import { CheckboxGroupInput, Create, SimpleForm, TextInput, required, useRedirect } from 'react-admin';
import { scopeChoices } from './scopes';
import { takeSecret } from '../dataProvider/oneTimeSecrets';
import { SecretOnceDialog } from '../layout/SecretOnceDialog';

const ApiKeyCreate = () => {
  const [key, setKey] = useState<string | null>(null);
  const redirect = useRedirect();
  return (
    <>
      <Create mutationOptions={{ onSuccess: (data: { id: string }) => setKey(takeSecret(data.id) ?? '') }}>
        <SimpleForm defaultValues={{ scopes: ['results:read'] }}>
          <TextInput source="name" validate={required()} autoComplete="off" />
          <CheckboxGroupInput source="scopes" choices={scopeChoices} validate={required()} row={false} />
        </SimpleForm>
      </Create>
      <SecretOnceDialog
        value={key}
        title="kaoping.apiKey.created_title"
        warning="kaoping.apiKey.created_warning"
        label="resources.apiKeys.fields.key"
        testId="api-key-value"
        onClose={() => {
          setKey(null);
          redirect('list', 'apiKeys');
        }}
      />
    </>
  );
};

export default ApiKeyCreate;
