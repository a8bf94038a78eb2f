// The tenant administration pages that are not react-admin resources: the audit log (操作日志),
// the tenant settings (租户设置) and the webhooks (Webhook 推送, src/webhooks); lazily loaded routes
// and their menu items, for a tenant ADMIN.
import HistoryIcon from '@mui/icons-material/History';
import WebhookIcon from '@mui/icons-material/Webhook';
import SettingsIcon from '@mui/icons-material/Settings';
import { lazy, Suspense } from 'react';
import { Loading, Menu, useTranslate } from 'react-admin';
import { Route } from 'react-router-dom';
import { has, type Granted } from '../permissions';

const AuditPage = lazy(() => import('./AuditPage'));
const SettingsPage = lazy(() => import('../settings/SettingsPage'));
const WebhooksPage = lazy(() => import('../webhooks/WebhooksPage'));
const DeliveriesPage = lazy(() => import('../webhooks/DeliveriesPage'));

const page = (Page: React.ComponentType) => (
  <Suspense fallback={<Loading />}>
    <Page />
  </Suspense>
);

export const adminRoutes = (granted: Granted) => [
  has(granted, 'AUDIT_READ') && <Route key="audit" path="/audit" element={page(AuditPage)} />,
  has(granted, 'SETTINGS_EDIT') && <Route key="settings" path="/settings" element={page(SettingsPage)} />,
  has(granted, 'WEBHOOK_MANAGE') && <Route key="webhooks" path="/webhooks" element={page(WebhooksPage)} />,
  has(granted, 'WEBHOOK_MANAGE') && <Route key="deliveries" path="/webhooks/:id" element={page(DeliveriesPage)} />,
];

export const AdminMenuItems = ({ granted }: { granted: Granted }) => {
  const translate = useTranslate();
  return (
    <>
      {has(granted, 'AUDIT_READ') && (
        <Menu.Item
          to="/audit"
          primaryText={translate('kaoping.audit.menu')}
          leftIcon={<HistoryIcon />}
          data-testid="menu-audit"
        />
      )}
      {has(granted, 'WEBHOOK_MANAGE') && (
        <Menu.Item
          to="/webhooks"
          primaryText={translate('kaoping.webhooks.menu')}
          leftIcon={<WebhookIcon />}
          data-testid="menu-webhooks"
        />
      )}
      {has(granted, 'SETTINGS_EDIT') && (
        <Menu.Item
          to="/settings"
          primaryText={translate('kaoping.settings.menu')}
          leftIcon={<SettingsIcon />}
          data-testid="menu-settings"
        />
      )}
    </>
  );
};
