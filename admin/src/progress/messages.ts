// Messages of the progress page (督查), merged into i18n/zh.ts and en.ts under the top-level key
// `progress` (keys `progress.*`).
export const zh = {
  menu: '督查进度',
  title: '督查进度（季度与半年）',
  pick: { period: '督查期间', level: '预警等级', unit: '单位', department: '责任部门', all: '全部' },
  period: { Q1: '第一季度', Q2: '第二季度', Q3: '第三季度', Q4: '第四季度', H1: '上半年', H2: '下半年' },
  level: { ON_TRACK: '正常', BEHIND: '滞后', FAR_BEHIND: '严重滞后' },
  note: { NO_VALUE: '未报送', NOT_APPLICABLE: '不适用', NO_TARGET: '无年度目标', TARGET_NOT_POSITIVE: '目标须大于 0' },
  col: { subject: '考核对象', indicator: '指标', owners: '责任部门', actual: '至今完成值', target: '年度目标', completion: '完成率', expected: '时序进度', gap: '落后时序', level: '预警' },
  lower: '越低越好：完成率为已用额度',
  points: '%{n} 个百分点',
  schedule: '时序进度 %{pct}；落后 %{behind} 个百分点为“滞后”，%{far} 个百分点为“严重滞后”（值为截至本期的累计数，年度数据仍为计分依据）',
  counts: '滞后 %{behind} 项，严重滞后 %{far} 项，未报送 %{missing} 项',
  show_missing: '列出未报送的',
  none: '没有符合条件的指标',
  download: '下载督查报告',
  downloaded: '已下载 %{name}',
  level_label: '预警等级：%{level}',
};

export const en: typeof zh = {
  menu: 'Progress',
  title: 'Progress through the year (quarters and half-years)',
  pick: { period: 'Period', level: 'Level', unit: 'Unit', department: 'Department', all: 'All' },
  period: { Q1: 'Q1', Q2: 'Q2', Q3: 'Q3', Q4: 'Q4', H1: 'First half', H2: 'Second half' },
  level: { ON_TRACK: 'On track', BEHIND: 'Behind', FAR_BEHIND: 'Far behind' },
  note: { NO_VALUE: 'Not reported', NOT_APPLICABLE: 'Not applicable', NO_TARGET: 'No annual target', TARGET_NOT_POSITIVE: 'Target must be above 0' },
  col: { subject: 'Subject', indicator: 'Indicator', owners: 'Departments', actual: 'Value to date', target: 'Annual target', completion: 'Completion', expected: 'Schedule', gap: 'Behind schedule', level: 'Level' },
  lower: 'Lower is better: completion is the share of the ceiling used',
  points: '%{n} points',
  schedule: 'Schedule %{pct}; %{behind} points behind is "Behind", %{far} points "Far behind" (values are cumulative to the period; the annual values are still what is scored)',
  counts: '%{behind} behind, %{far} far behind, %{missing} not reported',
  show_missing: 'List those not reported',
  none: 'No indicator matches',
  download: 'Download supervision report',
  downloaded: 'Downloaded %{name}',
  level_label: 'Level: %{level}',
};
