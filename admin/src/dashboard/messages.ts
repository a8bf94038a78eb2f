// The workbench's "where the year stands" messages, deep-merged into `kaoping.dashboard` of
// i18n/zh.ts and i18n/en.ts (the identity card's keys stay there).

const zh = {
  kaoping: {
    dashboard: {
      no_scheme: '还没有考核方案。管理员可在“考核方案”中导入本年度方案。',
      scheme_title: '%{year} 年度考核',
      choose_scheme: '考核方案',
      open_discrepancies: '待复核的数据差异',
      discrepancies_hint: '自报与监测差异共 %{total} 项；考核组录入复核值后即为已处理',
      claimed_adjustments: '待核实的加减分',
      claimed_hint: '由考核组核实或驳回',
      latest_run: '最新考核结果',
      no_run: '尚无考核结果',
      next_step: '下一步：',
      your_turn: '待您处理',
      by_roles: '（%{roles}）',
      or: '或',
      step: {
        publish_scheme: '发布考核方案',
        compute: '计算结果',
        review: '审核结果',
        approve: '批准结果',
        publish: '发布结果',
        done: '结果已发布，已反馈各单位',
        closed: '方案已关闭',
      },
      source: { SELF: '单位自报', MONITOR: '部门监测', REVIEW: '考核组核定' },
      completeness: {
        title: '数据完整度',
        subtitle: '各考核组：考核对象 × 需录入的指标；有效值按 复核 > 监测 > 自报 取用',
        group: '考核组',
        expected: '应录入',
        effective: '有效数据',
        expected_hint: '%{subjects} 个考核对象 × %{indicators} 项指标',
        not_applicable: '其中 %{smart_count} 项不适用',
        bar: '%{group}，%{what}：%{n}/%{of}',
      },
      departments: {
        title: '各部门填报进度',
        subtitle: '各部门负责的指标：考核对象 × 指标应填数、部门已填报的监测数据、已有任一来源数据',
        department: '部门',
        indicators: '负责指标',
        expected: '应填',
        entered: '部门已填报',
        effective: '已有数据',
      },
    },
  },
};

const en: typeof zh = {
  kaoping: {
    dashboard: {
      no_scheme: 'No assessment scheme yet. An administrator can import this year\'s scheme under "Schemes".',
      scheme_title: 'Assessment %{year}',
      choose_scheme: 'Scheme',
      open_discrepancies: 'Discrepancies to review',
      discrepancies_hint: '%{total} SELF/MONITOR discrepancies in all; settled once the assessors enter a REVIEW value',
      claimed_adjustments: 'Adjustments to verify',
      claimed_hint: 'Verified or rejected by the assessors',
      latest_run: 'Latest result run',
      no_run: 'No results yet',
      next_step: 'Next step: ',
      your_turn: 'Your turn',
      by_roles: ' (%{roles})',
      or: ' or ',
      step: {
        publish_scheme: 'publish the scheme',
        compute: 'compute the results',
        review: 'review the results',
        approve: 'approve the results',
        publish: 'publish the results',
        done: 'results published and fed back to the units',
        closed: 'the scheme is closed',
      },
      source: { SELF: 'Self-reported', MONITOR: 'Monitoring', REVIEW: 'Review' },
      completeness: {
        title: 'Data completeness',
        subtitle:
          'Per group: subjects × indicators that take an input; the effective value is REVIEW over MONITOR over SELF',
        group: 'Group',
        expected: 'Expected',
        effective: 'Effective',
        expected_hint: '%{subjects} subjects × %{indicators} indicators',
        not_applicable: 'of which %{smart_count} not applicable',
        bar: '%{group}, %{what}: %{n}/%{of}',
      },
      departments: {
        title: 'Reporting by department',
        subtitle:
          'The indicators each department owns: subjects × indicators expected, monitoring values the department entered, values from any source',
        department: 'Department',
        indicators: 'Owned indicators',
        expected: 'Expected',
        entered: 'Entered by the department',
        effective: 'Any value',
      },
    },
  },
};

export default { zh, en };
export { zh, en };
