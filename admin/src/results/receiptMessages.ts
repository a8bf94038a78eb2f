// The receipt in a subject's breakdown (得分依据), merged into i18n/zh.ts and i18n/en.ts.

const zh = {
  kaoping: {
    receipt: {
      title: '得分依据',
      reasons: '排名、加减分与等次的依据',
      indicators: '各指标采用的数据',
      indicator: '指标',
      value: '采用的值',
      source: '来源',
      others: '其他来源',
      decision: '取值说明',
      none: '无数据',
      hashes: '本轮计算读取的方案 %{scheme}… 与数据 %{inputs}…',
      unavailable: '此轮结果计算于得分依据功能之前，没有得分依据。',
      source_name: { SELF: '自评', MONITOR: '监测', REVIEW: '复核' },
    },
  },
};

const en = {
  kaoping: {
    receipt: {
      title: 'Receipt',
      reasons: 'Why this rank, these adjustments and this grade',
      indicators: 'The values each indicator read',
      indicator: 'Indicator',
      value: 'Value used',
      source: 'Source',
      others: 'Other sources',
      decision: 'Why this value',
      none: 'no data',
      hashes: 'This run read scheme %{scheme}… and data %{inputs}…',
      unavailable: 'This run was computed before receipts existed; it has none.',
      source_name: { SELF: 'Self', MONITOR: 'Monitor', REVIEW: 'Review' },
    },
  },
};

export default { zh, en };
