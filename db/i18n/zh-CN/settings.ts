// The settings screen. Passphrase and account strings live in accounts.ts.
export const settings = {
  title: '设置',
  /** Under a setting's field for anyone but an administrator (the form is read-only). */
  adminOnly: '仅管理员可以修改此项。',
  idle: {
    title: '自动锁定',
    label: '无操作自动锁定时间（分钟）',
    hint: '超过设定时间没有键盘或鼠标操作，向阳将自动锁定，需重新登录才能继续使用。',
    current: '当前设置：{minutes} 分钟无操作后自动锁定。',
    saved: '自动锁定时间已保存',
  },
  validation: {
    followUpDays: '跟进提醒天数应为 1 至 90 之间的整数',
    attachmentMaxMb: '附件大小上限应为 1 到 100 之间的整数（MB）',
  },
};
