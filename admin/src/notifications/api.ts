// The inbox over the fetch helper: the caller's own notifications (kind + params, worded here).
import { gqlFetch, type FetchOptions } from '../dataProvider/fetch';

export interface Notification {
  id: string;
  kind: string;
  params: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

/** Fired after the inbox changes here, so the app bar's badge reloads at once. */
export const INBOX_CHANGED = 'kaoping:inbox-changed';

export const unreadCount = async (opts?: FetchOptions): Promise<number> =>
  (
    await gqlFetch<{ unreadNotificationCount: number }>(
      `query unreadNotificationCount { unreadNotificationCount }`,
      {},
      opts,
    )
  ).unreadNotificationCount;

export const inbox = async (
  unreadOnly: boolean,
  limit: number,
  offset: number,
  opts?: FetchOptions,
): Promise<{ items: Notification[]; unread: number }> => {
  const d = await gqlFetch<{ notifications: Notification[]; unreadNotificationCount: number }>(
    `query inbox($u: Boolean, $l: Int, $o: Int) { notifications(unreadOnly: $u, limit: $l, offset: $o) { id kind params createdAt readAt } unreadNotificationCount }`,
    { u: unreadOnly, l: limit, o: offset },
    opts,
  );
  return { items: d.notifications, unread: d.unreadNotificationCount };
};

export const markRead = async (ids: string[] | 'all'): Promise<number> => {
  const d = await gqlFetch<{ markNotificationsRead: number }>(
    `mutation markNotificationsRead($ids: [ID!], $all: Boolean) { markNotificationsRead(ids: $ids, all: $all) }`,
    ids === 'all' ? { all: true } : { ids },
  );
  window.dispatchEvent(new Event(INBOX_CHANGED));
  return d.markNotificationsRead;
};
