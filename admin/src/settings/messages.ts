// The tenant settings page's messages (租户设置), merged into i18n/zh.ts and i18n/en.ts.

const zh = {
  kaoping: {
    settings: {
      title: '租户设置',
      menu: '设置',
      separation: '职责分离',
      separation_help: '开启后，同一轮考核结果的计算、审核、批准、发布须由不同的人完成（管理员也不例外）。默认关闭。',
      saved: '设置已保存',
      time_zone: '时区',
      reminder_days: '提前提醒天数',
      save: '保存',
      deadline_help: '填报截止时间按此时区设置和显示；截止前这么多天，系统提醒尚未报齐的单位和部门（0 表示不提醒）。',
      updated: '最近修改：%{at}',
    },
  },
};

const en: typeof zh = {
  kaoping: {
    settings: {
      title: 'Tenant settings',
      menu: 'Settings',
      separation: 'Separation of duties',
      separation_help:
        'When on, computing, reviewing, approving and publishing a result run must each be done by a different person (administrators included). Off by default.',
      saved: 'Settings saved',
      time_zone: 'Time zone',
      reminder_days: 'Reminder days',
      save: 'Save',
      deadline_help:
        'Entry deadlines are set and shown in this time zone; this many days before a deadline, units and departments that have not submitted are reminded (0: no reminders).',
      updated: 'Last changed: %{at}',
    },
  },
};

export default { zh, en };
