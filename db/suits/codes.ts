// 支持起诉 (supporting a suit to revoke or change guardianship, 民法典 art. 36). Labels: suits.codes.*.
import { KIN } from '../children/codes';
import type { Flow } from '../common/flow';

export const SUIT_STATUSES = ['draft', 'issued', 'filed', 'decided', 'withdrawn'] as const;
// 拟制 已出具意见书 法院已立案 法院已裁判（结案） 已撤回
export type SuitStatus = (typeof SUIT_STATUSES)[number];
export const SUIT_OPEN: readonly SuitStatus[] = ['draft', 'issued', 'filed'];

export const SUIT_STEPS = ['issue', 'file', 'decide', 'withdraw'] as const;
export type SuitStep = (typeof SUIT_STEPS)[number];

/** The one table of moves; the API's guard and the record page's buttons both read it. */
export const SUIT_FLOW: Flow<SuitStatus, SuitStep> = {
  // The 支持起诉意见书 goes out under the department head's approval.
  issue: { from: ['draft'], to: 'issued', roles: ['supervisor', 'admin'] },
  file: { from: ['issued'], to: 'filed', roles: 'user' },
  decide: { from: ['filed'], to: 'decided', roles: 'user' },
  withdraw: { from: ['draft', 'issued'], to: 'withdrawn', roles: 'user' },
};

export const SUIT_KINDS = ['revoke', 'change'] as const; // 撤销监护人资格 变更监护人

/** 民法典 art. 36 ¶1, its three situations (the text is in suits.codes.ground.*). */
export const SUIT_GROUNDS = ['harm', 'neglect', 'otherInfringement'] as const;
export type SuitGround = (typeof SUIT_GROUNDS)[number];

/** Who brings the suit (art. 36 ¶2); the procuratorate supports it. */
export const SUIT_APPLICANTS = [
  'civilAffairs', // 民政部门
  'relative', // 其他依法具有监护资格的人
  'villageCommittee', // 居民委员会、村民委员会
  'school', // 学校、医疗机构
  'womenFederation', // 妇女联合会
  'minorsOrg', // 未成年人保护组织
  'other',
] as const;

export const SUIT_DOCUMENTS = [
  'complaint', // 起诉状/申请书
  'opinion', // 支持起诉意见书
  'identity', // 身份及监护关系证明
  'evidence', // 侵害或失职的证据
  'orderFiles', // 督促监护令及回访材料
  'socialReport', // 社会调查报告
  'childOpinion', // 未成年人意见
  'other',
] as const;

export const SUIT_DECISIONS = ['revoked', 'changed', 'dismissed', 'withdrawnBySuitor'] as const;
// 撤销监护人资格 变更监护人 驳回申请 申请人撤回
export type SuitDecision = (typeof SUIT_DECISIONS)[number];

export const NEW_GUARDIAN_KINDS = [
  ...KIN,
  'civilAffairs', // 民政部门
  'villageCommittee',
  'other',
] as const;

export const DEFAULT_SUIT_PREFIX = '济阳检未支诉';
/** 撤销监护人资格 cases follow the special procedure: concluded within 30 days of filing (民事诉讼法, 特别程序). */
export const COURT_DAYS = 30;
/** An issued opinion should reach the court soon; a reminder when not filed after this many days. */
export const FILING_DAYS = 30;
