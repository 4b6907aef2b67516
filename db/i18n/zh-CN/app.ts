// The shell's own words: names, navigation, lock notices, start-up states and the pages
// of areas that are not built yet.
export const app = {
  name: '向阳',
  studio: '同心向阳工作室',
  org: '济南市济阳区人民检察院',
  title: '向阳 · 同心向阳工作室',
  nav: {
    label: '主导航',
    home: '首页',
    children: '儿童档案',
    referrals: '线索移交',
    education: '家庭教育',
    orders: '督促监护令',
    counselling: '心理疏导',
    visits: '走访记录',
    relief: '司法救助',
    suits: '支持起诉',
    reminders: '工作提醒',
    stats: '统计台账',
    audit: '审计日志',
    settings: '设置',
  },
  header: {
    lock: '锁定',
    lockTip: '锁定向阳（{shortcut}）',
    userLabel: '当前用户',
  },
  lock: {
    manual: '已手动锁定，请重新登录。',
    idle: '因长时间未操作已自动锁定，请重新登录。',
    system: '因电脑休眠或锁屏已自动锁定，请重新登录。',
    reload: '界面已重新加载，请重新登录。',
    other: '系统已锁定，请重新登录。',
  },
  startup: {
    loading: '正在启动向阳…',
    unavailableTitle: '无法连接本机数据核心',
    unavailableText: '界面未能与本机数据核心建立联系。请关闭向阳后重新打开；如仍失败，请联系管理员。',
  },
  notBuilt: {
    title: '该功能尚在建设中，将在后续版本提供。',
    referrals: '将用于接收刑事检察部门移交的线索，核查后分流至民政、教体等单位，并跟踪各单位的回复期限。',
    education: '将用于记录家庭教育情况评估、训诫，以及家庭教育指导计划和每一次指导的情况。',
    orders: '将用于拟制、审批、送达督促监护令，在考察期内回访，并评估监护人的整改情况。',
    counselling: '将用于记录心理测评、心理疏导和转介就医；疏导内容仅限承办人和心理工作人员查看。',
    visits: '将用于在没有网络的村庄记录家访、校访和电话回访的发现、需求与后续安排。',
    reminders: '将汇总到期的回访、考察期、回复期限，以及父母即将刑满释放、儿童即将年满十八周岁等事项。',
    stats: '将按月、季、年以及乡镇、承办人统计各项工作，生成台账并导出。',
  },
  home: {
    greeting: '{name}，您好',
    signedInAs: '当前身份：{role}',
    intro: '向阳是同心向阳工作室的本机工作台账。所有数据加密保存在这台电脑上，不会自动上传。',
    dashboardLater:
      '工作概览（待办提醒、统计数字）将随线索移交、走访记录、督促监护令等功能一起提供，目前暂不显示。',
    startHint: '现在可以从“儿童档案”开始登记和查找儿童。',
    openChildren: '打开儿童档案',
  },
  forbidden: {
    title: '无权访问',
    text: '此页面仅限管理员使用。',
  },
  common: {
    save: '保存',
    cancel: '取消',
    confirm: '确定',
    retry: '重试',
    empty: '—',
    /** A count that stopped at its cap: the board's columns, the registers' tabs, the inbox. */
    countOver: '超过{count}',
  },
};
