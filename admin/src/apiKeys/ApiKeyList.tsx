import BlockIcon from '@mui/icons-material/Block';
import { Chip, Stack } from '@mui/material';
import type { ApiKey } from '../generated/graphql';
import {
  Datagrid,
  DateField,
  DeleteWithConfirmButton,
  FunctionField,
  List,
  TextField,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';

type ApiKeyRecord = Pick<ApiKey, 'id' | 'name'> & Partial<Pick<ApiKey, 'scopes' | 'revokedAt'>>;

const isRevoked = (r?: ApiKeyRecord) => !!r?.revokedAt;

const Scopes = () => {
  const record = useRecordContext<ApiKeyRecord>();
  return (
    <Stack direction="row" spacing={0.5}>
      {(record?.scopes ?? []).map(s => (
        <Chip key={s} size="small" label={s} />
      ))}
    </Stack>
  );
};

const RevokeButton = () => {
  const record = useRecordContext<ApiKeyRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!record || isRevoked(record)) return null;
  return (
    <DeleteWithConfirmButton
      label="kaoping.apiKey.revoke"
      icon={<BlockIcon />}
      mutationMode="pessimistic"
      confirmTitle={translate('kaoping.apiKey.revoke_title', { name: record.name })}
      confirmContent="kaoping.apiKey.revoke_content"
      redirect={false}
      mutationOptions={{
        onSuccess: () => {
          notify('kaoping.apiKey.revoked_done', { type: 'info' });
          refresh();
        },
      }}
    />
  );
};

const ApiKeyList = () => {
  const translate = useTranslate();
  return (
    <List sort={{ field: 'createdAt', order: 'DESC' }} exporter={false}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="name" />
        <TextField source="lookupId" sortable={false} emptyText="—" sx={{ fontFamily: 'monospace' }} />
        <FunctionField source="scopes" sortable={false} render={() => <Scopes />} />
        <DateField source="createdAt" showTime />
        <DateField source="lastUsedAt" showTime emptyText="—" />
        <FunctionField
          label="resources.apiKeys.fields.status"
          render={(r: ApiKeyRecord) =>
            isRevoked(r) ? translate('kaoping.apiKey.revoked') : translate('kaoping.apiKey.active')
          }
        />
        <RevokeButton />
      </Datagrid>
    </List>
  );
};

export default ApiKeyList;
