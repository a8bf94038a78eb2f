// The app bar's inbox button: the unread count as a badge, reloaded every minute and whenever the
// inbox changes on this page. Tenant users only (a platform administrator has no inbox).
import BellIcon from '@mui/icons-material/NotificationsNone';
import { Badge, Box, IconButton, Tooltip } from '@mui/material';
import { useEffect, useState } from 'react';
import { usePermissions, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { INBOX_CHANGED, unreadCount } from './api';
import { hasInbox } from '.';

const POLL_MS = 60_000;
/** On screen for assistive technology only. */
const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

const InboxButton = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions<string[]>();
  const [count, setCount] = useState(0);
  const enabled = hasInbox(permissions);
  useEffect(() => {
    if (!enabled) return;
    let alive = true;
    // The count is a hint: a failed poll keeps the last one.
    const load = (): void => {
      void unreadCount().then(
        n => alive && setCount(n),
        () => undefined,
      );
    };
    load();
    const timer = window.setInterval(load, POLL_MS);
    window.addEventListener(INBOX_CHANGED, load);
    return () => {
      alive = false;
      window.clearInterval(timer);
      window.removeEventListener(INBOX_CHANGED, load);
    };
  }, [enabled]);
  if (!enabled) return null;
  const label = translate('kaoping.inbox.badge', { count });
  return (
    <Tooltip title={label} describeChild>
      <IconButton color="inherit" component={Link} to="/inbox" data-testid="inbox-button">
        {/* the name is the hidden text (count included); the badge's digits repeat it for the eye only */}
        <Box component="span" sx={visuallyHidden}>
          {label}
        </Box>
        <Badge
          badgeContent={count}
          color="error"
          max={99}
          data-testid="inbox-badge"
          data-count={count}
          slotProps={{ badge: { 'aria-hidden': true } }}
        >
          <BellIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
};

export default InboxButton;
