// The fixed vocabularies of the children area (DOMAIN.md "Child", "Related persons and
// custody"). Codes are stored; the catalog (children.codes.*) gives their Chinese labels.

export const CATEGORIES = [
  'prisonerChild', // 服刑在押人员子女
  'rehabChild', // 强制隔离戒毒人员子女
  'deFactoUnsupported', // 事实无人抚养儿童 (recognised by 民政)
  'leftBehind', // 农村留守儿童
  'hardship', // 困境儿童
  'orphan', // 孤儿
] as const;
export type Category = (typeof CATEGORIES)[number];

export const RISK_LEVELS = ['red', 'orange', 'yellow', 'green'] as const; // 红/橙/黄/绿
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const NEED_KINDS = ['living', 'education', 'medical', 'psychological', 'legal', 'safety'] as const;
export type NeedKind = (typeof NEED_KINDS)[number];

export const CLOSE_REASONS = ['adult', 'careRestored', 'routineCare', 'movedAway', 'other'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/** 监护情况 (DOMAIN.md): derived from the parents' records where it can be. */
export const GUARDIANSHIP_SITUATIONS = [
  'oneDetained',
  'bothRestricted',
  'oneDetainedOtherAbsent',
  'other',
] as const;
export type GuardianshipSituation = (typeof GUARDIANSHIP_SITUATIONS)[number];

/** The child's kin besides the parents: relations, relief applicants and new guardians share them. */
export const KIN = ['grandparent', 'maternalGrandparent', 'sibling', 'otherRelative'] as const;

export const RELATIONS = ['father', 'mother', ...KIN, 'other'] as const;
export type Relation = (typeof RELATIONS)[number];

export const CUSTODY_MEASURES = [
  'detention',
  'arrest',
  'sentence',
  'compulsoryRehab',
  'otherRestriction',
] as const; // 刑事拘留 逮捕 判决服刑 强制隔离戒毒 其他
export type CustodyMeasure = (typeof CUSTODY_MEASURES)[number];

export const ETHNICITIES = [
  '汉族',
  '回族',
  '满族',
  '蒙古族',
  '壮族',
  '苗族',
  '维吾尔族',
  '土家族',
  '其他',
] as const;
