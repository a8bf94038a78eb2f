// The app bar's inbox button: the unread count as a badge, reloaded every minute and whenever the
// inbox changes on this page. Tenant users only (a platform administrator has no inbox).
import BellIcon from '@mui/icons-material/NotificationsNone';
import { Badge, Box, IconButton, Tooltip } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { usePermissions, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useRead } from '../dataProvider/useRead';
import { INBOX_CHANGED } from './api';
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
  const enabled = hasInbox(permissions);
  // A failed read keeps the last count shown.
  const count = useRead('unreadCount', enabled ? {} : null, { pollMs: POLL_MS }).data ?? 0;
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    const load = () => void queryClient.invalidateQueries({ queryKey: ['kaoping', 'unreadCount'] });
    window.addEventListener(INBOX_CHANGED, load);
    return () => window.removeEventListener(INBOX_CHANGED, load);
  }, [enabled, queryClient]);
  if (!enabled) return null;
  // No count, no badge text: MUI keeps a hidden badge's last content, and a hidden "0" (shown once
  // the read re-renders the button) would be text that the button's name does not hold.
  const label = translate('kaoping.inbox.badge', { count });
  return (
    <Tooltip title={label} describeChild>
      <IconButton color="inherit" component={Link} to="/inbox" data-testid="inbox-button">
        {/* the name is the hidden text (count included); the badge's digits repeat it for the eye only */}
        <Box component="span" sx={visuallyHidden}>
          {label}
        </Box>
        <Badge
          badgeContent={count || undefined}
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
