import LoginIcon from '@mui/icons-material/Login';
import { Button, useRecordContext } from 'react-admin';
import { setActingTenant } from '../session';

/** Stores the tenant as X-Tenant for every later request and reloads the console inside it. */
export const switchIntoTenant = (code: string | null) => {
  setActingTenant(code);
  window.location.hash = '#/';
  window.location.reload();
};

const SwitchIntoTenantButton = () => {
  const record = useRecordContext<{ code: string }>();
  if (!record) return null;
  return (
    <Button
      label="kaoping.tenant.switch_into"
      onClick={e => {
        e.stopPropagation();
        switchIntoTenant(record.code);
      }}
    >
      <LoginIcon />
    </Button>
  );
};

export default SwitchIntoTenantButton;
