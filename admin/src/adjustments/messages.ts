// The adjustments page's messages (加减分核实), merged into i18n/zh.ts and i18n/en.ts.

const zh = {
  kaoping: {
    adjustment: {
      status: { CLAIMED: '待核实', VERIFIED: '已核实', REJECTED: '已驳回' },
      kind: { BONUS: '加分', DEDUCTION: '扣分', VETO: '否决' },
      actions: '操作',
      imported: '数据导入',
      veto_cap: '等次最高为%{grade}',
      reason_label: '驳回理由：',
      verify: '核实',
      reject: '驳回',
      verify_title: '核实 %{subject} 的“%{rule}”',
      verify_content: '核实后此项计入 %{subject} 的得分。确定核实吗？',
      reject_title: '驳回 %{subject} 的“%{rule}”',
      reject_content: '请填写驳回理由，申报单位可以看到。驳回后此项不计分。',
      reason: '驳回理由',
      verified: '已核实',
      rejected: '已驳回',
      conflict: '操作冲突：这条加减分已被他人或另一个窗口处理。列表已刷新，请查看当前状态。',
      claimed: '已申报，等待考核组核实',
      field: { subject: '考核对象', rule: '加减分项目', points: '分值', count: '次数', note: '依据说明' },
      claim: {
        button: '申报加减分',
        title: '申报加减分',
        submit: '提交申报',
        required: '必填',
        rule_group: '此项目不适用于该考核对象所在的考核组',
        count_invalid: '次数须为不小于 1 的整数',
        points_range: '分值须在 %{min} 到 %{max} 之间',
        range_help: '每次分值 %{min}–%{max} 分，由申报填写',
        fixed_help: '每次 %{points} 分',
        note_help: '如表彰文件、通报文号等证明材料',
      },
    },
  },
  resources: {
    adjustments: {
      name: '加减分核实 |||| 加减分核实',
      fields: {
        schemeId: '考核方案',
        subject: '考核对象',
        group: '考核组',
        kind: '类别',
        rule: '加减分项目',
        points: '分值',
        note: '依据说明',
        status: '状态',
        claimedBy: '申报人 / 时间',
        decidedBy: '核实人 / 时间',
        createdAt: '申报时间',
      },
    },
  },
};

const en: typeof zh = {
  kaoping: {
    adjustment: {
      status: { CLAIMED: 'Claimed', VERIFIED: 'Verified', REJECTED: 'Rejected' },
      kind: { BONUS: 'Bonus', DEDUCTION: 'Deduction', VETO: 'Veto' },
      actions: 'Actions',
      imported: 'Data import',
      veto_cap: 'Grade at best %{grade}',
      reason_label: 'Rejected because: ',
      verify: 'Verify',
      reject: 'Reject',
      verify_title: 'Verify "%{rule}" for %{subject}',
      verify_content: 'Once verified, this item counts in the score of %{subject}. Verify it?',
      reject_title: 'Reject "%{rule}" for %{subject}',
      reject_content: 'Give the reason; the claiming unit can see it. A rejected item does not count.',
      reason: 'Reason',
      verified: 'Verified',
      rejected: 'Rejected',
      conflict:
        'Conflict: this adjustment was decided meanwhile by someone else or in another window. The list was refreshed; check its current status.',
      claimed: 'Claimed; waiting for the assessors to verify it',
      field: { subject: 'Subject', rule: 'Bonus/deduction item', points: 'Points', count: 'Count', note: 'Evidence' },
      claim: {
        button: 'Claim adjustment',
        title: 'Claim a bonus or deduction',
        submit: 'Submit claim',
        required: 'Required',
        rule_group: "This item does not apply to the subject's group",
        count_invalid: 'The count must be a whole number of at least 1',
        points_range: 'Points must be between %{min} and %{max}',
        range_help: '%{min}–%{max} points per event, stated by the claim',
        fixed_help: '%{points} points per event',
        note_help: 'E.g. the award document or the criticism notice',
      },
    },
  },
  resources: {
    adjustments: {
      name: 'Adjustment |||| Adjustments',
      fields: {
        schemeId: 'Scheme',
        subject: 'Subject',
        group: 'Group',
        kind: 'Kind',
        rule: 'Item',
        points: 'Points',
        note: 'Evidence',
        status: 'Status',
        claimedBy: 'Claimed by / at',
        decidedBy: 'Decided by / at',
        createdAt: 'Claimed at',
      },
    },
  },
};

export default { zh, en };
export { zh, en };
