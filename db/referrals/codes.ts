// Vocabularies of the referrals area (DOMAIN.md "Referral"); labels in the catalog (codes.*).

export const REFERRAL_STATUSES = ['received', 'verifying', 'triaged', 'tracking', 'closed'] as const; // 已接收 核查中 已分流 跟踪中 已办结
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** The allowed moves. Enforced by the API; the UI only offers these. */
export const TRANSITIONS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  received: ['verifying'],
  verifying: ['triaged'],
  triaged: ['tracking', 'closed'],
  tracking: ['closed'],
  closed: ['tracking'],
};

export const URGENCIES = ['normal', 'urgent'] as const; // 一般 紧急

export const CARRIERS = ['letter', 'procuratorialAdvice', 'phone', 'meeting'] as const; // 工作联系函 检察建议书 电话 面商
export type Carrier = (typeof CARRIERS)[number];

export const DEFAULT_SOURCE_DEPARTMENTS = ['第一检察部', '第二检察部', '第三检察部', '公安派驻检察室'];
export const DEFAULT_AGENCIES = ['民政', '教体', '团委', '妇联', '关工委', '司法所', '公安', '其他'];
export const DEFAULT_VERIFY_WORKDAYS = 5;
/** Lead transfers between agencies: a reply within five working days (DOMAIN.md). */
export const LEAD_REPLY_WORKDAYS = 5;
