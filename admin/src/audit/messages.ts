// The audit log page's messages (操作日志), merged into i18n/zh.ts and i18n/en.ts.

const zh = {
  kaoping: {
    audit: {
      title: '操作日志',
      menu: '操作日志',
      at: '时间',
      person: '操作人',
      record: '记录 ID',
      field: '字段',
      before: '修改前',
      after: '修改后',
      empty: '没有符合条件的记录',
      rows: '第 %{from}–%{to} 条，共 %{count} 条',
      filter: { entity: '对象', action: '操作', person: '操作人', from: '起始时间', to: '截止时间', all: '全部', clear: '清除筛选' },
      actor: { platform: '平台管理员', apiKey: 'API 密钥', system: '系统' },
      entity: {
        scheme: '考核方案', subject: '考核对象', input: '考核数据', dataset_import: '数据导入', adjustment: '加减分', result_run: '考核结果',
        user: '用户', api_key: 'API 密钥', tenant: '租户', tenant_settings: '租户设置', department: '部门', webhook: 'Webhook', deadline: '截止时间',
      },
      action: {
        IMPORT: '导入', CLONE: '复制', UPDATE_DEFINITION: '修改方案', PUBLISH: '发布', CLOSE: '关闭', CREATE: '新建', UPDATE: '修改', DELETE: '删除',
        SET: '填报', SET_BALLOTS: '录入票数', IMPORT_DATASET: '导入数据', CLAIM: '申报', VERIFY: '核实', REJECT: '驳回/退回', COMPUTE: '计算',
        REVIEW: '审核', APPROVE: '批准', SUPERSEDE: '被取代', DISABLE: '停用', ENABLE: '启用', PASSWORD: '重设密码', REVOKE: '撤销', REDELIVER: '重新投递', REOPEN: '延期', CLEAR: '取消',
      },
    },
  },
};

const en: typeof zh = {
  kaoping: {
    audit: {
      title: 'Audit log',
      menu: 'Audit log',
      at: 'Time',
      person: 'By',
      record: 'Record id',
      field: 'Field',
      before: 'Before',
      after: 'After',
      empty: 'No matching records',
      rows: '%{from}–%{to} of %{count}',
      filter: { entity: 'Entity', action: 'Action', person: 'Person', from: 'From', to: 'To', all: 'All', clear: 'Clear filters' },
      actor: { platform: 'Platform administrator', apiKey: 'API key', system: 'System' },
      entity: {
        scheme: 'Scheme', subject: 'Subject', input: 'Input', dataset_import: 'Dataset import', adjustment: 'Adjustment', result_run: 'Result run',
        user: 'User', api_key: 'API key', tenant: 'Tenant', tenant_settings: 'Tenant settings', department: 'Department', webhook: 'Webhook', deadline: 'Deadline',
      },
      action: {
        IMPORT: 'Import', CLONE: 'Clone', UPDATE_DEFINITION: 'Edit definition', PUBLISH: 'Publish', CLOSE: 'Close', CREATE: 'Create', UPDATE: 'Update', DELETE: 'Delete',
        SET: 'Enter', SET_BALLOTS: 'Enter ballots', IMPORT_DATASET: 'Import data', CLAIM: 'Claim', VERIFY: 'Verify', REJECT: 'Reject / send back', COMPUTE: 'Compute',
        REVIEW: 'Review', APPROVE: 'Approve', SUPERSEDE: 'Superseded', DISABLE: 'Disable', ENABLE: 'Enable', PASSWORD: 'Reset password', REVOKE: 'Revoke', REDELIVER: 'Redeliver', REOPEN: 'Reopen', CLEAR: 'Remove',
      },
    },
  },
};

export default { zh, en };
