// 消息: the caller's notifications, newest first, worded in the reader's language; mark one or all read.
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  CircularProgress,
  FormControlLabel,
  List,
  ListItem,
  ListItemText,
  Switch,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useRead } from '../dataProvider/useRead';
import { markRead } from './api';
import { notificationLink, notificationText } from './words';

const PAGE = 20;

const InboxPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  // Another filter or length keeps the list shown until its own arrives.
  const read = useRead('inbox', { unreadOnly, limit, offset: 0 }, { keepPrevious: true });
  const items = read.data?.items ?? null;
  const unread = read.data?.unread ?? 0;
  const error = read.error?.message ?? null;
  const queryClient = useQueryClient();
  const load = () => void queryClient.invalidateQueries({ queryKey: ['kaoping', 'inbox'] });
  const mark = async (ids: string[] | 'all') => {
    try {
      await markRead(ids);
      notify('kaoping.inbox.marked', { type: 'info' });
      load();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  return (
    <Card sx={{ mt: 1 }}>
      <Title title={translate('kaoping.inbox.title')} />
      <CardContent>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <FormControlLabel
            control={<Switch checked={unreadOnly} onChange={e => setUnreadOnly(e.target.checked)} />}
            label={translate('kaoping.inbox.unread_only')}
          />
          <Button
            variant="outlined"
            size="small"
            disabled={unread === 0}
            onClick={() => void mark('all')}
            data-testid="inbox-mark-all"
          >
            {translate('kaoping.inbox.mark_all')}
          </Button>
        </Box>
        {error && <Alert severity="error">{error}</Alert>}
        {!items && !error && <CircularProgress size={24} />}
        {items && items.length === 0 && (
          <Alert severity="info" sx={{ mt: 2 }}>
            {translate('kaoping.inbox.empty')}
          </Alert>
        )}
        {items && items.length > 0 && (
          <List data-testid="inbox-list">
            {items.map(n => {
              const to = notificationLink(n);
              const text = notificationText(n, translate);
              return (
                <ListItem
                  key={n.id}
                  divider
                  data-testid="inbox-item"
                  data-read={n.readAt ? 'true' : 'false'}
                  sx={{ bgcolor: n.readAt ? undefined : 'action.hover' }}
                  secondaryAction={
                    !n.readAt && (
                      <Button size="small" onClick={() => void mark([n.id])} data-testid="inbox-mark-read">
                        {translate('kaoping.inbox.mark_read')}
                      </Button>
                    )
                  }
                >
                  <ListItemText
                    primary={
                      <>
                        {!n.readAt && (
                          <Chip size="small" color="primary" label={translate('kaoping.inbox.unread')} sx={{ mr: 1 }} />
                        )}
                        {to ? <Link to={to}>{text}</Link> : text}
                      </>
                    }
                    secondary={new Date(n.createdAt).toLocaleString()}
                    sx={{ pr: 12 }}
                  />
                </ListItem>
              );
            })}
          </List>
        )}
        {items && items.length === limit && (
          <Button onClick={() => setLimit(l => l + PAGE)}>{translate('kaoping.inbox.more')}</Button>
        )}
      </CardContent>
    </Card>
  );
};

export default InboxPage;
