// Vocabularies of the referrals area (DOMAIN.md "Referral"); labels in the catalog (codes.*).
import { ANYONE, type Flow } from '../common/flow';

export const REFERRAL_STATUSES = ['received', 'verifying', 'triaged', 'tracking', 'closed'] as const; // 已接收 核查中 已分流 跟踪中 已办结
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/**
 * The one table of moves: the API's guard (referrals.transition through transition()) and the
 * page's buttons (ReferralView.allowedTransitions) both read it. A closed referral may be tracked again.
 */
export const REFERRAL_FLOW = {
  verify: { from: ['received'], to: 'verifying', roles: ANYONE },
  triage: { from: ['verifying'], to: 'triaged', roles: ANYONE },
  track: { from: ['triaged', 'closed'], to: 'tracking', roles: ANYONE },
  close: { from: ['triaged', 'tracking'], to: 'closed', roles: ANYONE },
} as const satisfies Flow<ReferralStatus, string>;
export type ReferralStep = keyof typeof REFERRAL_FLOW;

/** The step that moves a referral from `from` to `to`, if the flow has one. */
export function referralStepTo(from: ReferralStatus, to: ReferralStatus): ReferralStep | null {
  const steps = Object.keys(REFERRAL_FLOW) as ReferralStep[];
  return (
    steps.find(
      (k) => REFERRAL_FLOW[k].to === to && (REFERRAL_FLOW[k].from as readonly string[]).includes(from),
    ) ?? null
  );
}

export const URGENCIES = ['normal', 'urgent'] as const; // 一般 紧急

export const CARRIERS = ['letter', 'procuratorialAdvice', 'phone', 'meeting'] as const; // 工作联系函 检察建议书 电话 面商
export type Carrier = (typeof CARRIERS)[number];

export const DEFAULT_SOURCE_DEPARTMENTS = ['第一检察部', '第二检察部', '第三检察部', '公安派驻检察室'];
export const DEFAULT_AGENCIES = ['民政', '教体', '团委', '妇联', '关工委', '司法所', '公安', '其他'];
export const DEFAULT_VERIFY_WORKDAYS = 5;
/** Lead transfers between agencies: a reply within five working days (DOMAIN.md). */
export const LEAD_REPLY_WORKDAYS = 5;
