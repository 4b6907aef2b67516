// Entries on a child's timeline, written by each area's timeline source (db/<area>/).
export const timeline = {
  area: {
    children: '档案',
    referrals: '线索移交',
    education: '家庭教育',
    orders: '督促监护令',
    counselling: '心理疏导',
    visits: '走访',
    relief: '司法救助',
    suits: '支持起诉',
  },
  children: {
    created: '登记建档',
    updated: '修改档案',
    closed: '结案',
    reopened: '重新开启档案',
    restored: '从回收站恢复',
    custodyStart: '关系人被采取措施：{measure}',
    released: '关系人释放/解除措施',
    expectedRelease: '关系人预计释放',
  },
  referrals: {
    received: '接收线索 {number}',
    sent: '分流至{agency}（{carrier}）',
    replied: '{agency}回复',
    withdrawn: '撤回向{agency}的分流',
    closed: '线索 {number} 办结',
  },
  education: {
    admonition: '训诫监护人{name}',
    planStarted: '开始{kind}',
    session: '家庭教育指导（{minutes}分钟）',
    planCompleted: '家庭教育指导完成评估',
    followUp: '家庭教育指导回访',
  },
  orders: {
    unnumbered: '（未编号）',
    drafted: '拟制督促监护令',
    issued: '签发督促监护令 {number}',
    delivered: '督促监护令{method}',
    followUp: '督促监护令回访',
    evaluated: '督促监护令考察评估：{result}',
    withdrawn: '撤回督促监护令',
  },
  counselling: {
    assessment: '心理测评（{instrument}）',
    session: '心理疏导（{minutes}分钟）',
    treatment: '转介就医',
  },
  visits: {
    visit: '{kind}',
  },
};
