// First steps of a new tenant (an empty scheme list), merged into i18n/zh.ts and i18n/en.ts.

const zh = {
  onboarding: {
    title: '开始本年度考核',
    intro:
      '还没有考核方案。可以从内置的区县实绩考核模板开始，也可以导入已有的方案文件（JSON）。导入后方案为草稿，可在方案页修改。',
    ask_admin: '还没有考核方案。请管理员导入或新建本年度方案。',
    template_title: '从内置模板开始',
    template_text:
      '2023 年度区县实绩考核实施方案：镇、部门、个人三个组别，量化指标、测评、加减分与否决项齐全。填写年度和方案代码后生成草稿。',
    template_name: '内置模板',
    template_start: '使用模板',
    file_title: '导入方案文件',
    file_text: '选择导出的方案文件（JSON）。文件有问题时，下方列出每一处问题及其位置，不会导入任何内容。',
    next_title: '接下来',
    next: {
      edit: '在方案页检查指标、权重和等次，按本年度调整；',
      publish: '发布方案（发布后不能再改结构）；',
      subjects: '在“考核对象”中新增或从 Excel 粘贴各单位和人员；',
      data: '在“数据填报”中下载模板、填写后导入，或直接在表格中录入。',
    },
  },
};

const en: typeof zh = {
  onboarding: {
    title: "Start this year's assessment",
    intro:
      'There is no assessment scheme yet. Start from the built-in district template, or import a scheme file (JSON) you have. An imported scheme is a draft you can change on its page.',
    ask_admin: "There is no assessment scheme yet. Ask an administrator to import or start this year's scheme.",
    template_title: 'Start from the built-in template',
    template_text:
      'The 2023 district performance assessment: townships, departments and leaders, with quantitative indicators, surveys, bonuses, deductions and vetoes. Give the year and a scheme code to create a draft.',
    template_name: 'built-in template',
    template_start: 'Use the template',
    file_title: 'Import a scheme file',
    file_text:
      'Choose an exported scheme file (JSON). If it has problems, each one is listed below with where it is, and nothing is imported.',
    next_title: 'Next',
    next: {
      edit: 'check the indicators, weights and grades on the scheme page and adjust them for this year;',
      publish: 'publish the scheme (its structure is fixed once published);',
      subjects: 'add the units and members under Subjects, or paste them from Excel;',
      data: 'under Data entry, download the template, fill it in and import it, or type into the grid.',
    },
  },
};

export default { zh, en };
