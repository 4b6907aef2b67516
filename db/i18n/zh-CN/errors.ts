export const errors = {
  validation: '填写的内容有误，请检查标红的项目',
  notFound: '找不到该记录，可能已被删除',
  conflict: '该记录已被他人修改，请刷新后重新编辑',
  /** A status step taken from a status it does not start from (the flow tables, db/common/flow.ts). */
  wrongStatus: '当前状态为“{status}”，不能进行这项操作',
  locked: '系统已锁定，请重新登录',
  /** A write that had to wait for a large import holding the database (Host.exclusive). */
  busy: '正在导入台账，请稍候再试',
  forbidden: '您没有执行此操作的权限',
  internal: '系统内部错误，操作未生效。请重试，如仍失败请联系管理员',
  unknownMethod: '不支持的操作',
  required: '此项为必填项',
  tooLong: '内容过长（最多 {max} 个字）',
  invalidDate: '请输入有效日期（年-月-日）',
  dateInFuture: '日期不能晚于今天',
  databaseNewer: '数据文件由更高版本的向阳创建，当前版本无法打开。请升级软件后再试，数据文件未做任何改动。',
  databaseUnreadable: '数据文件无法解密或已损坏',
  migrationFailed: '数据库升级失败，已保留升级前的备份：{backup}',
  auditChain: {
    altered: '第 {seq} 条记录的内容被改动过',
    inserted: '第 {seq} 条记录不在原有链条上，可能是被插入或替换的',
    deleted: '第 {seq} 条记录已被删除',
  },
};
