// The results lifecycle's messages (退回, 缺失数据确认, 各步骤经办人), merged into i18n/zh.ts and i18n/en.ts.

const zh = {
  kaoping: {
    result: {
      status: { REJECTED: '已退回', SUPERSEDED: '已被取代' },
      step_forbidden: '不允许此操作：已开启职责分离（同一人不能完成同一轮结果的两个步骤），或方案已关闭。',
      ack_title: '发布前确认缺失数据',
      ack_content:
        '本轮结果有 %{smart_count} 项数据缺失，缺失项按 0 分计。发布后结果对被考核单位和外部系统可见，且不能再更改。',
      ack_check: '我已知悉以上 %{smart_count} 项缺失数据，仍要发布',
      missing_indicator: '缺失数据的指标',
      missing_notice: '本轮结果有 %{smart_count} 项数据缺失（按 0 分计；发布前须确认）：',
      reject: '退回',
      reject_title: '退回本轮结果',
      reject_content:
        '退回后本轮结果作废（不能再审核、批准或发布）；修正数据后重新计算，得到新一轮结果。请写明退回理由。',
      reject_reason: '退回理由',
      reason_too_long: '理由最多 %{max} 个字',
      rejected: '结果已退回',
      rejected_because: '本轮结果已退回，理由：%{reason}',
      superseded_notice: '本轮结果曾经发布，已于 %{at} 被新发布的一轮取代（外部系统不再看到它）。',
      open_newer: '查看取代它的一轮',
      newer_exists: '此方案已有更新的一轮结果：只有最新一轮可以继续审核、批准和发布。',
      who: {
        computed: '%{name} 于 %{at} 计算',
        reviewed: '%{name} 于 %{at} 审核',
        approved: '%{name} 于 %{at} 批准',
        published: '%{name} 于 %{at} 发布',
        rejected: '%{name} 于 %{at} 退回',
      },
      system: '系统',
    },
    scheme: {
      close_needs_result: '不能关闭：此方案还没有已发布的考核结果。请先计算、审核、批准并发布一轮结果，再关闭年度。',
      close_content: '关闭后方案不再接收数据，结果也不能再计算、审核或发布（已发布的结果保留）。确定要关闭吗？',
    },
  },
  resources: { results: { fields: { rejectedAt: '退回时间', rejectReason: '退回理由', missingInputs: '缺失数据' } } },
};

const en: typeof zh = {
  kaoping: {
    result: {
      status: { REJECTED: 'Sent back', SUPERSEDED: 'Superseded' },
      step_forbidden:
        'Not allowed: separation of duties is on (one person cannot take two steps of the same run), or the scheme is closed.',
      ack_title: 'Acknowledge missing data before publishing',
      ack_content:
        'This run has %{smart_count} missing input, scored as 0. |||| This run has %{smart_count} missing inputs, scored as 0.',
      ack_check:
        'I acknowledge the missing input and publish anyway |||| I acknowledge the %{smart_count} missing inputs and publish anyway',
      missing_indicator: 'Indicator without data',
      missing_notice:
        'This run has %{smart_count} missing input (scored as 0); publishing asks for an acknowledgement: |||| This run has %{smart_count} missing inputs (scored as 0); publishing asks for an acknowledgement:',
      reject: 'Send back',
      reject_title: 'Send this run back',
      reject_content:
        'A run sent back is final (it can no longer be reviewed, approved or published); correct the data and compute again for a new run. Give the reason.',
      reject_reason: 'Reason',
      reason_too_long: 'At most %{max} characters',
      rejected: 'Run sent back',
      rejected_because: 'This run was sent back: %{reason}',
      superseded_notice:
        'This run was published and was superseded on %{at} by a newer publication (external systems no longer see it).',
      open_newer: 'Open the run that superseded it',
      newer_exists: 'The scheme has a newer run: only the newest run can be reviewed, approved and published.',
      who: {
        computed: 'computed by %{name} on %{at}',
        reviewed: 'reviewed by %{name} on %{at}',
        approved: 'approved by %{name} on %{at}',
        published: 'published by %{name} on %{at}',
        rejected: 'sent back by %{name} on %{at}',
      },
      system: 'the system',
    },
    scheme: {
      close_needs_result:
        'Cannot close: the scheme has no published result yet. Compute, review, approve and publish a run first, then close the year.',
      close_content:
        'A closed scheme takes no more data, and its results can no longer be computed, reviewed or published (the published one stays). Close it?',
    },
  },
  resources: {
    results: { fields: { rejectedAt: 'Sent back', rejectReason: 'Reason', missingInputs: 'Missing inputs' } },
  },
};

export default { zh, en };
