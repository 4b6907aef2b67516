// The audit log screen. Action codes are nested by their dots ('children.view' is
// actions.children.view) so a code maps to its key without a lookup table.
export const audit = {
  title: '审计日志',
  intro: '记录每一次登录、查看儿童档案和修改数据的操作。日志逐条链式校验，任何改动都能被发现。',
  filters: {
    action: '操作类型',
    actionAll: '全部操作',
    range: '时间范围',
    rangeStart: '开始日期',
    rangeEnd: '结束日期',
  },
  columns: {
    seq: '序号',
    at: '时间',
    actor: '操作人',
    action: '操作',
    entity: '对象',
    detail: '详情',
  },
  actions: {
    session: {
      setup: '创建管理员账号',
      signIn: '登录',
      signInFailed: '登录失败',
      lock: '锁定',
      changePassphrase: '修改密码',
    },
    accounts: {
      create: '添加账号',
      setDisabled: '停用或启用账号',
    },
    settings: {
      update: '修改设置',
    },
    children: {
      create: '登记儿童',
      view: '查看儿童档案',
    },
    audit: {
      verify: '校验审计日志',
    },
    access: {
      denied: '越权操作被拒绝',
    },
  },
  // Keys of a row's detail; values are shown as recorded.
  detail: {
    reason: '原因',
    role: '角色',
    disabled: '停用',
    keys: '设置项',
    username: '用户名',
    at: '时间',
    ok: '结果完整',
    checked: '校验条数',
    method: '操作',
  },
  values: {
    yes: '是',
    no: '否',
  },
  // How a detail reads: 角色：承办人；停用：是
  detailItem: '{key}：{value}',
  detailSeparator: '；',
  listSeparator: '、',
  lockReasons: {
    manual: '手动锁定',
    idle: '长时间未操作',
    system: '电脑休眠或锁屏',
  },
  entities: {
    child: '儿童档案',
    account: '账号',
    user: '账号',
    settings: '设置',
    session: '会话',
  },
  empty: '没有符合条件的日志',
  total: '共 {total} 条日志',
  verify: {
    button: '校验完整性',
    ok: '审计日志完整，共校验 {checked} 条',
    failed: '审计日志完整性校验未通过：发现 {count} 处问题（共校验 {checked} 条）',
  },
};
