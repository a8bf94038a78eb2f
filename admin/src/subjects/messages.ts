// 考核对象 (subjects) messages, merged into i18n/zh.ts and i18n/en.ts.

const zh = {
  subjects: {
    all_groups: '全部',
    empty: '此方案还没有考核对象。方案发布后，管理员可逐个新增，或从 Excel 粘贴导入。',
    pick_scheme: '请先在考核对象列表中选择方案',
    kind: { UNIT: '单位', MEMBER: '个人' },
    delete_title: '删除考核对象 %{name}（%{code}）',
    delete_content: '只有尚无数据、加减分和下属人员的考核对象可以删除。确定删除吗？',
    import: '粘贴导入',
    import_title: '从 Excel 粘贴导入考核对象',
    import_hint:
      '在 Excel 或 WPS 中复制两列：代码、名称（可直接复制模板中的考核对象列，标题行会被跳过），粘贴到下面。已有代码的对象会更新名称。',
    import_hint_member:
      '在 Excel 或 WPS 中复制三列：代码、姓名、所属单位代码，粘贴到下面（标题行会被跳过）。已有代码的对象会更新。',
    paste_label: '粘贴区',
    parsed: '可导入 %{smart_count} 个考核对象',
    line: '第 %{line} 行：%{message}',
    from_workbook: '从模板导入',
    workbook_ready:
      '检查通过：将新增 %{created} 个、更新 %{updated} 个，%{unchanged} 个不变；工作簿中没有的考核对象保持不动。',
    workbook_done: '已新增 %{created} 个、更新 %{updated} 个考核对象',
    import_confirm: '导入',
    imported: '已导入 %{smart_count} 个考核对象',
    issue: {
      no_code: '缺少代码',
      bad_code: '代码“%{code}”不能含空格，最长 64 个字符',
      no_name: '%{code} 缺少名称',
      duplicate: '代码 %{code} 重复',
      unit_for_unit: '%{code} 属于单位组，不填所属单位',
      no_unit: '%{code} 缺少所属单位代码',
      unknown_unit: '%{code} 的所属单位 %{unit} 不是本方案的单位',
    },
  },
  resources: {
    subjects: {
      name: '考核对象 |||| 考核对象',
      fields: {
        schemeId: '考核方案',
        position: '序号',
        code: '代码',
        name: '名称',
        group: '考核组别',
        kind: '类型',
        unit: '所属单位',
        q: '搜索',
      },
    },
  },
};

const en: typeof zh = {
  subjects: {
    all_groups: 'All',
    empty:
      'This scheme has no subjects yet. Once it is published, an administrator can add them one by one or paste them from Excel.',
    pick_scheme: 'Choose a scheme on the subjects list first',
    kind: { UNIT: 'Unit', MEMBER: 'Member' },
    delete_title: 'Delete subject %{name} (%{code})',
    delete_content: 'Only a subject without data, adjustments or members can be deleted. Delete it?',
    import: 'Paste',
    import_title: 'Paste subjects from Excel',
    import_hint:
      "Copy two columns in Excel or WPS: code and name (the template's subject columns work as they are; header rows are skipped) and paste them below. Existing codes get the new name.",
    import_hint_member:
      "Copy three columns in Excel or WPS: code, name and the unit's code, and paste them below (header rows are skipped). Existing codes are updated.",
    paste_label: 'Paste here',
    parsed: '%{smart_count} subject(s) ready to import',
    line: 'Line %{line}: %{message}',
    from_workbook: 'Import from template',
    workbook_ready:
      'Checked: %{created} to create, %{updated} to update, %{unchanged} unchanged; subjects not in the workbook stay as they are.',
    workbook_done: 'Created %{created} and updated %{updated} subject(s)',
    import_confirm: 'Import',
    imported: 'Imported %{smart_count} subject(s)',
    issue: {
      no_code: 'no code',
      bad_code: 'code "%{code}" may not contain spaces and has at most 64 characters',
      no_name: '%{code} has no name',
      duplicate: 'code %{code} appears twice',
      unit_for_unit: '%{code} is in a unit group and names no unit',
      no_unit: '%{code} has no unit code',
      unknown_unit: 'the unit %{unit} of %{code} is not a unit of this scheme',
    },
  },
  resources: {
    subjects: {
      name: 'Subject |||| Subjects',
      fields: {
        schemeId: 'Scheme',
        position: 'No.',
        code: 'Code',
        name: 'Name',
        group: 'Group',
        kind: 'Kind',
        unit: 'Unit',
        q: 'Search',
      },
    },
  },
};

export default { zh, en };
