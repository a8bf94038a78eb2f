// 反馈单 (feedback sheet) messages, merged into i18n/zh.ts and i18n/en.ts.

const zh = {
  feedback: {
    open: '反馈单',
    back: '返回结果',
    print: '打印 / 存为 PDF',
    title: '%{scheme}考核结果反馈单',
    doc_title: '%{name} - %{scheme}反馈单',
    subtitle: '结果状态：%{status}　日期：%{date}',
    unit: '被考核单位',
    group: '考核组别',
    all: '本组全部（%{smart_count} 份）',
    rank_of: '第 %{rank} 名（共 %{total} 个）',
    composition: '得分构成',
    composition_text: '基础分 %{base}，加分 %{bonus}，扣分 %{deduction}',
    indicators: '一、各项指标得分',
    adjustments: '二、加分与扣分',
    item: '%{rule} %{points} 分',
    none: '无',
    warnings: '提示：',
    footer: '如对考核结果有异议，请于收到本反馈单之日起 5 个工作日内向考核办书面反映。',
    no_subject: '此结果中没有该考核对象',
  },
};

const en: typeof zh = {
  feedback: {
    open: 'Feedback sheet',
    back: 'Back to results',
    print: 'Print / save as PDF',
    title: '%{scheme}: assessment feedback sheet',
    doc_title: '%{name} - %{scheme} feedback',
    subtitle: 'Result status: %{status}   Date: %{date}',
    unit: 'Assessed unit',
    group: 'Group',
    all: 'Whole group (%{smart_count} sheets)',
    rank_of: 'No. %{rank} of %{total}',
    composition: 'Composition',
    composition_text: 'base %{base}, bonus %{bonus}, deduction %{deduction}',
    indicators: '1. Points per indicator',
    adjustments: '2. Bonuses and deductions',
    item: '%{rule} %{points} points',
    none: 'none',
    warnings: 'Notes: ',
    footer:
      'Objections to this result may be raised in writing with the assessment office within 5 working days of receiving this sheet.',
    no_subject: 'This subject is not in the result',
  },
};

export default { zh, en };
