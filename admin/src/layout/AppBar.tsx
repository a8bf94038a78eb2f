import { Chip, Typography, useMediaQuery, type Theme } from '@mui/material';
import {
  AppBar as RaAppBar,
  LoadingIndicator,
  LocalesMenuButton,
  Logout,
  TitlePortal,
  UserMenu,
  useGetIdentity,
  useTranslate,
} from 'react-admin';
import InboxButton from '../notifications/InboxButton';
import { getActingTenant, getUser } from '../session';

/** Title, the tenant a platform admin acts in (click to leave it), locale menu, user menu. */
const ActingTenant = () => {
  const translate = useTranslate();
  const code = getActingTenant();
  if (getUser()?.role !== 'PLATFORM_ADMIN' || !code) return null;
  return (
    <Chip
      color="warning"
      size="small"
      sx={{ mr: 1 }}
      label={translate('kaoping.tenant.acting', { code })}
      onDelete={() => void import('../tenants/SwitchIntoTenantButton').then(m => m.switchIntoTenant(null))}
      title={translate('kaoping.tenant.leave')}
    />
  );
};

/** The user menu, named with the user's name that its button shows (a name must contain the visible text, outside parentheses). */
const NamedUserMenu = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  // as react-admin decides: the name shows on the button from `sm` up; below, an icon (named 个人设置)
  const showsName = useMediaQuery((theme: Theme) => theme.breakpoints.up('sm'));
  return (
    <UserMenu
      label={
        showsName && identity?.fullName
          ? translate('kaoping.app.user_menu', { name: identity.fullName })
          : 'ra.auth.user_menu'
      }
    >
      <Logout />
    </UserMenu>
  );
};

const AppBar = () => {
  const translate = useTranslate();
  return (
    <RaAppBar
      userMenu={<NamedUserMenu />}
      toolbar={
        <>
          <ActingTenant />
          <InboxButton />
          <LocalesMenuButton />
          <LoadingIndicator aria-label={translate('ra.page.loading')} />
        </>
      }
    >
      {/* on a phone the page title alone: the controls on the right must stay on screen */}
      <Typography variant="h6" sx={{ mr: 2, whiteSpace: 'nowrap', display: { xs: 'none', sm: 'block' } }}>
        {translate('kaoping.app.title')}
      </Typography>
      {/* the page's title is its one level-one heading */}
      <TitlePortal component="h1" />
    </RaAppBar>
  );
};

export default AppBar;
