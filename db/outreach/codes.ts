// 法治宣讲 — outreach events at schools, villages and communities.
import { type Flow, STAFF } from '../common/flow';

export const OUTREACH_STATUSES = ['planned', 'held', 'cancelled'] as const; // 计划 已开展 已取消
export type OutreachStatus = (typeof OUTREACH_STATUSES)[number];

/** 计划 → 已开展, or 取消. A held event can still be corrected (count, photos); that is an update. */
export const OUTREACH_FLOW = {
  hold: { from: ['planned'], to: 'held', roles: STAFF },
  cancel: { from: ['planned'], to: 'cancelled', roles: STAFF },
} as const satisfies Flow<OutreachStatus, string>;
export type OutreachStep = keyof typeof OUTREACH_FLOW;

export const PLACE_KINDS = ['school', 'village', 'community', 'other'] as const; // 学校 村 社区 其他
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const TOPICS = [
  'bullying', // 校园欺凌
  'sexualAbuse', // 防性侵
  'online', // 网络安全
  'crimePrevention', // 预防未成年人犯罪
  'familyEducation', // 家庭教育
  'drugs', // 禁毒
  'selfProtection', // 安全自护
  'other',
] as const;
export type Topic = (typeof TOPICS)[number];

export const AUDIENCE_KINDS = ['students', 'parents', 'teachers', 'residents', 'mixed', 'other'] as const;
// 学生 家长 教师 村（居）民 师生及家长 其他
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];

/** Photos are kept as file names only (the pictures stay in the studio's folders). */
export const PHOTO_NAME = /^[^\\/:*?"<>|]{1,120}\.(jpe?g|png|heic|webp|gif|bmp)$/i;
