// Evidence files of a claim (证明材料), merged into i18n/zh.ts and i18n/en.ts.

const zh = {
  kaoping: {
    evidence: {
      title: '证明材料',
      column: '证明材料',
      count: '附件 %{smart_count} 个',
      dialog_title: '证明材料：%{subject} 的“%{rule}”',
      none: '尚未上传证明材料',
      attach: '上传证明材料',
      help: '支持 PDF、图片（PNG、JPEG、GIF、WebP）、Word、Excel、PowerPoint 和 WPS 文件，每个不超过 10 MB。',
      open: '打开（下载）',
      meta: '%{size} · %{who} · %{at}',
      uploaded: '已上传 %{name}',
      deleted: '已删除 %{name}',
      delete: '删除 %{name}',
      delete_confirm: '删除证明材料“%{name}”吗？',
      too_large: '%{name} 超过 10 MB，无法上传',
    },
    error: {
      UNSUPPORTED_MEDIA_TYPE: '不支持的文件类型（按文件内容判断）',
    },
  },
};

const en: typeof zh = {
  kaoping: {
    evidence: {
      title: 'Evidence',
      column: 'Attachments',
      count: '%{smart_count} file |||| %{smart_count} files',
      dialog_title: 'Evidence: "%{rule}" for %{subject}',
      none: 'No evidence uploaded yet',
      attach: 'Attach evidence',
      help: 'PDF, images (PNG, JPEG, GIF, WebP), Word, Excel, PowerPoint and WPS files, up to 10 MB each.',
      open: 'Open (download)',
      meta: '%{size} · %{who} · %{at}',
      uploaded: 'Uploaded %{name}',
      deleted: 'Deleted %{name}',
      delete: 'Delete %{name}',
      delete_confirm: 'Delete the evidence file "%{name}"?',
      too_large: '%{name} is larger than 10 MB and cannot be uploaded',
    },
    error: {
      UNSUPPORTED_MEDIA_TYPE: 'Unsupported file type (judged by its content)',
    },
  },
};

export default { zh, en };
export { zh, en };
