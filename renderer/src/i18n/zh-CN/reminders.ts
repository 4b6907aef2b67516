// 工作提醒: each kind's wording, filled with the facts the rule found.
export const reminders = {
  kind: {
    crisis: '心理危机预警，请立即跟进',
    counsellingFollowUp: '心理疏导回访',
    orderFollowUp: '督促监护令回访 {number}',
    orderRequirement: '督促监护令要求到期：{text}',
    observationEnding: '督促监护令考察期届满 {number}',
    referralVerify: '线索{number}核查期限',
    referralReply: '{agency}对线索{number}的回复期限',
    guidanceSession: '家庭教育指导本月应开展',
    planFollowUp: '家庭教育指导结束后回访',
    visitDue: '计划走访',
    releaseSoon: '关系人{name}预计释放，需做好监护交接',
    turning18: '即将年满18周岁，准备结案',
    deFactoEligible: '疑似符合事实无人抚养儿童认定条件，尚未认定',
  },
};
