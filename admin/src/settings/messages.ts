// The tenant settings page's messages (租户设置), merged into i18n/zh.ts and i18n/en.ts.

const zh = {
  kaoping: {
    settings: {
      title: '租户设置',
      menu: '设置',
      separation: '职责分离',
      separation_help: '开启后，同一轮考核结果的计算、审核、批准、发布须由不同的人完成（管理员也不例外）。默认关闭。',
      saved: '设置已保存',
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
      separation_help: 'When on, computing, reviewing, approving and publishing a result run must each be done by a different person (administrators included). Off by default.',
      saved: 'Settings saved',
      updated: 'Last changed: %{at}',
    },
  },
};

export default { zh, en };
