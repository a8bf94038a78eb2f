import type { Notification } from './api';

type Translate = (key: string, options?: Record<string, unknown>) => string;

const KINDS = [
  'DEADLINE_REMINDER',
  'RUN_AWAITS_REVIEW',
  'RUN_AWAITS_APPROVAL',
  'RUN_AWAITS_PUBLISH',
  'CLAIM_AWAITS_VERIFICATION',
  'RESULTS_PUBLISHED',
];

/** A notification in the reader's language, from its kind and params (the server stores no words). */
export const notificationText = (n: Notification, translate: Translate): string => {
  if (!KINDS.includes(n.kind)) return translate('kaoping.inbox.kind.other');
  const p = n.params;
  const who = p.unitName ?? p.departmentName;
  return translate(`kaoping.inbox.kind.${n.kind}`, {
    ...p,
    who: who ? translate('kaoping.inbox.who', { name: who }) : '',
    period: p.period ? translate(`kaoping.inbox.period.${String(p.period)}`) : '',
    source: p.source ? translate(`kaoping.inbox.source.${String(p.source)}`) : '',
    subjectName: p.subjectName ?? p.subject ?? '',
    ruleName: p.ruleName ?? p.rule ?? '',
  });
};

/** Where a notification leads in the console. */
export const notificationLink = (n: Notification): string | null => {
  if (n.kind === 'DEADLINE_REMINDER') return '/data-entry';
  if (n.kind === 'CLAIM_AWAITS_VERIFICATION') return '/adjustments';
  if (n.kind.startsWith('RUN_') || n.kind === 'RESULTS_PUBLISHED') return '/results';
  return null;
};
