// The inbox's messages (消息): each notification kind worded from its params, in zh and en.

const zh = {
  kaoping: {
    inbox: {
      title: '消息',
      menu: '消息',
      badge: '消息（%{count} 条未读）',
      empty: '没有消息',
      who: '%{name}：',
      unread_only: '只看未读',
      mark_read: '标为已读',
      mark_all: '全部标为已读',
      unread: '未读',
      marked: '已标为已读',
      more: '更多',
      period: {
        Q1: '第一季度',
        Q2: '第二季度',
        Q3: '第三季度',
        Q4: '第四季度',
        H1: '上半年',
        H2: '下半年',
        ANNUAL: '全年',
      },
      source: { SELF: '单位自报', MONITOR: '部门监测' },
      kind: {
        DEADLINE_REMINDER:
          '%{who}%{schemeName}的%{period}%{source}数据将于 %{dueLocal}（%{timeZone}）截止，尚有 %{missing} 项未填报。',
        RUN_AWAITS_REVIEW: '%{schemeName}已计算出新的考评结果，等待审核。',
        RUN_AWAITS_APPROVAL: '%{schemeName}的考评结果已审核，等待审定。',
        RUN_AWAITS_PUBLISH: '%{schemeName}的考评结果已审定，等待发布。',
        CLAIM_AWAITS_VERIFICATION: '%{subjectName}申报了加减分（%{ruleName}），等待核实。',
        RESULTS_PUBLISHED: '%{schemeName}的考评结果已发布。',
        other: '新通知',
      },
    },
  },
};

const en: typeof zh = {
  kaoping: {
    inbox: {
      title: 'Inbox',
      menu: 'Inbox',
      badge: 'Inbox (%{count} unread)',
      empty: 'No messages',
      who: '%{name}: ',
      unread_only: 'Unread only',
      mark_read: 'Mark read',
      mark_all: 'Mark all read',
      unread: 'Unread',
      marked: 'Marked read',
      more: 'More',
      period: { Q1: 'Q1', Q2: 'Q2', Q3: 'Q3', Q4: 'Q4', H1: 'first half', H2: 'second half', ANNUAL: 'annual' },
      source: { SELF: 'self-reported', MONITOR: 'monitoring' },
      kind: {
        DEADLINE_REMINDER:
          '%{who}%{schemeName}: %{period} %{source} figures are due at %{dueLocal} (%{timeZone}); %{missing} still missing.',
        RUN_AWAITS_REVIEW: '%{schemeName}: a new result run awaits review.',
        RUN_AWAITS_APPROVAL: '%{schemeName}: a reviewed result run awaits approval.',
        RUN_AWAITS_PUBLISH: '%{schemeName}: an approved result run awaits publication.',
        CLAIM_AWAITS_VERIFICATION:
          '%{subjectName} claimed a bonus or deduction (%{ruleName}) that awaits verification.',
        RESULTS_PUBLISHED: '%{schemeName}: results were published.',
        other: 'New notification',
      },
    },
  },
};

export default { zh, en };
