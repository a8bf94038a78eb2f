// Workbook download/upload messages (导入导出 Excel), merged into i18n/zh.ts and i18n/en.ts.

const zh = {
  files: {
    template: '下载模板',
    results: '导出结果 Excel',
    downloaded: '已下载 %{name}',
    upload: '导入 Excel',
    upload_title: '导入 Excel：%{name}',
    sending: '正在上传……%{percent}%',
    reading: '服务器正在检查工作簿（试导入，不写入）……',
    writing: '正在导入……',
    refused: '工作簿中有 %{smart_count} 处问题，未写入任何数据。请在 Excel 中改正以下单元格后重新导入。',
    ready: '检查通过：将更改 %{changed} 项，%{unchanged} 项不变。确认后一次写入（全部成功或全部不写）。',
    confirm: '确认导入',
    imported: '已导入 %{smart_count} 项数据（更改 %{changed} 项）',
    problem: '%{cell}：%{message}',
    more_problems: '另有 %{smart_count} 处问题未列出',
    network: '上传中断',
    aborted: '已取消上传',
    count: {
      subjects: '考核对象',
      inputs: '指标数据',
      ballots: '测评票数',
      adjustments: '加减分',
      changed: '将更改',
      unchanged: '不变',
      created: '新增',
      updated: '更新',
    },
  },
  kaoping: {
    error: {
      PAYLOAD_TOO_LARGE: '文件过大',
    },
  },
};

const en: typeof zh = {
  files: {
    template: 'Download template',
    results: 'Export results (Excel)',
    downloaded: 'Downloaded %{name}',
    upload: 'Import Excel',
    upload_title: 'Import Excel: %{name}',
    sending: 'Uploading… %{percent}%',
    reading: 'The server is checking the workbook (dry run, nothing written)…',
    writing: 'Importing…',
    refused:
      'The workbook has %{smart_count} problem(s); nothing was written. Correct these cells in Excel and import again.',
    ready:
      'Checked: %{changed} value(s) will change, %{unchanged} stay the same. Confirm to write them at once (all or nothing).',
    confirm: 'Confirm import',
    imported: 'Imported %{smart_count} value(s) (%{changed} changed)',
    problem: '%{cell}: %{message}',
    more_problems: '%{smart_count} more problem(s) not listed',
    network: 'upload interrupted',
    aborted: 'upload cancelled',
    count: {
      subjects: 'Subjects',
      inputs: 'Indicator values',
      ballots: 'Ballot counts',
      adjustments: 'Adjustments',
      changed: 'Will change',
      unchanged: 'Unchanged',
      created: 'New',
      updated: 'Updated',
    },
  },
  kaoping: {
    error: {
      PAYLOAD_TOO_LARGE: 'The file is too large',
    },
  },
};

export default { zh, en };
