// 访问规则: the policy table of db/access/policy.ts in words (who may, and why), shown in the
// README and to users who ask why a button is missing; and the refusals' wording.
export const access = {
  rule: {
    revealId: {
      who: '本人承办（负责人）的检察官/社工、部门负责人、管理员；每次须填写理由，留痕',
      why: 'GB 11643 号码含出生日期与户籍地，属敏感个人信息（个人信息保护法第28条）；承办人与审批人需核对证件，心理辅导人员不需要号码',
    },
    searchIdFragment: {
      who: '可查看完整号码的人（负责人只对本人承办的儿童）；其他人只能输入完整18位号码精确查找；均留痕',
      why: '用号码片段查找可以反推他人号码（未成年人保护法第103条）',
    },
    readCounsellingText: {
      who: '心理辅导人员、管理员',
      why: '精神卫生法第23条保密。内容在数据库中另用心理疏导密钥加密，只有这两类账号的密钥槽持有该密钥，持有数据库密钥也读不到；其他人只看到：有记录、日期、辅导人员、危机标记',
    },
    readCounsellingShared: {
      who: '心理辅导人员、管理员、儿童的负责人',
      why: '负责人需要知道跟进要点：心理辅导人员另写一段“共享给负责人的摘要”，只含可以告诉负责人的内容',
    },
    writeCounselling: {
      who: '心理辅导人员、管理员、儿童的负责人',
      why: '负责人可以登记疏导记录；写入即以心理疏导密钥加密，负责人此后只看到共享摘要',
    },
    assignOwner: {
      who: '部门负责人、管理员；登记儿童的检察官/社工只能把自己设为负责人',
      why: '负责人可查看完整号码与心理疏导内容，指定负责人等于授予这些权限',
    },
    snooze: {
      who: '本人的提醒：所有人；心理危机与心理回访提醒：负责人、心理辅导人员、管理员',
      why: '暂缓只影响本人的提醒看板；危机提醒最优先（DOMAIN.md），不能被无关的人隐藏',
    },
    snoozeForOthers: {
      who: '部门负责人、管理员，为某位承办人暂缓其提醒，留痕',
      why: '负责人统筹工作量；代为暂缓记入审计日志',
    },
    exportFullId: {
      who: '同「查看完整号码」，须填写理由',
      why: '导出的文件离开本机，规则不能比屏幕宽松',
    },
    exportCounselling: {
      who: '同「查看心理疏导内容」；其他人导出时只有记录、日期、辅导人员和危机标记，并记录',
      why: '同上',
    },
  },
  idSearchWhole: '按身份证号查找请输入完整的18位号码',
  revealReasonRequired: '请填写查看完整号码的理由',
  ownerSelfOnly: '只有部门负责人或管理员可以指定负责人；登记时只能把自己设为负责人',
  snoozeProtected: '心理危机与心理回访提醒只能由负责人、心理辅导人员或管理员暂缓',
  snoozeForOthers: '只有部门负责人或管理员可以为他人暂缓提醒',
  hostOnly: '此操作只能由系统外壳执行',
};
