// Input schemas of the children area. Pure (zod only): the renderer's forms use them too.
import { z } from 'zod';
import { dateText, editInput, optionalDate, optionalText, phoneText, requiredText } from '../common/inputs';
import { t } from '../i18n';
import {
  CATEGORIES,
  CLOSE_REASONS,
  CUSTODY_MEASURES,
  GUARDIANSHIP_SITUATIONS,
  NEED_KINDS,
  RELATIONS,
  RISK_LEVELS,
} from './codes';
import { checkIdNumber } from './idNumber';

/** The townships and subdistricts (乡镇/街道) of 济阳区. */
export const TOWNSHIPS = [
  '济阳街道',
  '济北街道',
  '回河街道',
  '孙耿街道',
  '崔寨街道',
  '太平街道',
  '垛石街道',
  '曲堤街道',
  '仁风镇',
  '新市镇',
] as const;

const NAME_PATTERN = /^[\p{Script=Han}A-Za-z·•. ]+$/u;

export const idNumberText = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const check = checkIdNumber(value, '9999-12-31');
    if (!check.ok) ctx.addIssue({ code: 'custom', message: t(check.error) });
  })
  .transform((v) => v.toUpperCase());

/** Empty means "none to hand" (common under 16), not a mistake. */
const optionalIdNumber = z
  .string()
  .nullish()
  .transform((v) => v?.trim() || null)
  .pipe(idNumberText.nullable());

/** Left out (undefined) means "keep the registered number"; the inner schema alone would turn it into null. */
const keepOrIdNumber = z.union([z.undefined(), optionalIdNumber]).optional();

const need = z.object({ note: optionalText(200), met: z.boolean().default(false) });

/** The whole profile, in the form's sections. Create and update share it. */
const childFields = {
  // 基本信息
  name: requiredText(40, 'validation.child.nameRequired').regex(
    NAME_PATTERN,
    t('validation.child.nameInvalid'),
  ),
  gender: z.enum(['male', 'female'], { error: t('validation.child.genderRequired') }),
  birthDate: dateText('validation.child.birthDateRequired'),
  idNumber: optionalIdNumber,
  ethnicity: optionalText(20),
  // 户籍与住址
  householdAddress: optionalText(120),
  currentAddress: optionalText(120),
  township: z.enum(TOWNSHIPS, { error: t('validation.child.townshipUnknown') }),
  village: optionalText(60),
  // 就学
  school: optionalText(80),
  grade: optionalText(20),
  boarding: z
    .boolean()
    .nullish()
    .transform((v) => v ?? null),
  healthNotes: optionalText(500),
  disabilityNotes: optionalText(500),
  // 监护与照料
  guardianshipSituation: z
    .enum(GUARDIANSHIP_SITUATIONS)
    .nullish()
    .transform((v) => v ?? null),
  guardianshipNote: optionalText(500),
  caregiverPersonId: z
    .string()
    .nullish()
    .transform((v) => v || null),
  // 类别与风险
  categories: z.array(z.enum(CATEGORIES)).max(CATEGORIES.length).default([]),
  /** 认定日期 of 事实无人抚养儿童; left empty when the category is chosen, the day it is recorded. */
  deFactoRecognisedOn: optionalDate(),
  riskLevel: z.enum(RISK_LEVELS).default('green'),
  riskReason: optionalText(500),
  // 需求
  needs: z.partialRecord(z.enum(NEED_KINDS), need).default({}),
  ownerId: z
    .string()
    .nullish()
    .transform((v) => v || null),
};

/** Where gender or birth date disagree with the ID number: field → message (empty when they agree). */
export function idMismatches(v: {
  idNumber: string | null;
  gender: string;
  birthDate: string;
}): Record<string, string> {
  const out: Record<string, string> = {};
  if (!v.idNumber) return out;
  const check = checkIdNumber(v.idNumber, '9999-12-31');
  if (!check.ok) return out;
  if (check.info.gender !== v.gender) {
    out.gender = t('validation.child.genderMismatch', { gender: t(`codes.gender.${check.info.gender}`) });
  }
  if (check.info.birthDate !== v.birthDate) {
    out.birthDate = t('validation.child.birthMismatch', { date: check.info.birthDate });
  }
  return out;
}

function crossCheckId(
  v: { idNumber: string | null; gender: string; birthDate: string },
  ctx: z.RefinementCtx,
) {
  for (const [field, message] of Object.entries(idMismatches(v)))
    ctx.addIssue({ code: 'custom', path: [field], message });
}

function recognitionNeedsCategory(
  v: { categories: string[]; deFactoRecognisedOn: string | null },
  ctx: z.RefinementCtx,
) {
  if (v.deFactoRecognisedOn && !v.categories.includes('deFactoUnsupported'))
    ctx.addIssue({
      code: 'custom',
      path: ['deFactoRecognisedOn'],
      message: t('validation.child.recognisedWithoutCategory'),
    });
}

function riskNeedsReason(v: { riskLevel: string; riskReason: string | null }, ctx: z.RefinementCtx) {
  if (v.riskLevel !== 'green' && !v.riskReason) {
    ctx.addIssue({ code: 'custom', path: ['riskReason'], message: t('validation.child.riskReasonRequired') });
  }
}

export const childCreateInput = z
  .object({
    ...childFields,
    /** Set once the caseworker has seen the possible duplicates and registers anyway. */
    acknowledgeDuplicates: z.boolean().default(false),
  })
  .superRefine(crossCheckId)
  .superRefine(recognitionNeedsCategory)
  .superRefine(riskNeedsReason);
export type ChildCreateInput = z.input<typeof childCreateInput>;

/**
 * An edit may leave `idNumber` out: the form shows only the masked number, so "not sent" keeps
 * the registered one, and null (or empty) clears it. The handler cross-checks the kept number.
 */
export const childUpdateInput = editInput({
  ...childFields,
  idNumber: keepOrIdNumber,
  /** Left out keeps the owner; null (or empty) clears it. Only a supervisor or admin changes it. */
  ownerId: z
    .string()
    .max(64)
    .nullish()
    .transform((v) => (v === '' ? null : v)),
  acknowledgeDuplicates: z.boolean().default(false),
})
  .superRefine((v, ctx) => crossCheckId({ ...v, idNumber: v.idNumber ?? null }, ctx))
  .superRefine(recognitionNeedsCategory)
  .superRefine(riskNeedsReason);
export type ChildUpdateInput = z.input<typeof childUpdateInput>;

export const duplicateCheckInput = z.object({
  excludeId: z.string().nullish(),
  name: z.string().trim().max(40).default(''),
  birthDate: z.string().max(10).nullish(),
  idNumber: z.string().trim().max(18).nullish(),
  /** Names of the guardians already entered, to catch the same child under the same guardian. */
  guardianNames: z.array(z.string().trim().max(40)).max(10).default([]),
});

export const AGE_BANDS = ['0-2', '3-5', '6-11', '12-14', '15-17'] as const;
export const SORTS = ['name', 'birthDate', 'createdAt', 'updatedAt', 'riskLevel'] as const;

export const childListInput = z.object({
  query: z.string().trim().max(40).optional(),
  status: z.enum(['active', 'closed']).optional(),
  riskLevel: z.enum(RISK_LEVELS).optional(),
  category: z.enum(CATEGORIES).optional(),
  township: z.enum(TOWNSHIPS).optional(),
  ownerId: z.string().max(64).optional(),
  ageBand: z.enum(AGE_BANDS).optional(),
  sort: z.enum(SORTS).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});
export type ChildListInput = z.input<typeof childListInput>;

export const childGetInput = z.object({ id: z.string().min(1) });
export const childVersionInput = editInput();

export const childCloseInput = editInput({
  reason: z.enum(CLOSE_REASONS, { error: t('validation.child.closeReasonRequired') }),
  note: optionalText(500),
}).refine((v) => v.reason !== 'other' || !!v.note, {
  path: ['note'],
  message: t('validation.child.closeNoteRequired'),
});

/** Every reveal of a full number says why (issue 11: "each reveal with a reason"). */
export const childRevealInput = z.object({
  id: z.string().min(1),
  reason: requiredText(200, 'access.revealReasonRequired'),
});

export const binListInput = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});

// 关系人 and 羁押情况
const personFields = {
  name: requiredText(40, 'validation.person.nameRequired'),
  gender: z
    .enum(['male', 'female'])
    .nullish()
    .transform((v) => v ?? null),
  idNumber: optionalIdNumber,
  phone: phoneText(),
  address: optionalText(120),
  occupation: optionalText(40),
  deceasedOn: optionalDate(),
  missingSince: optionalDate(),
  severeDisability: z.boolean().default(false),
  severeIllness: z.boolean().default(false),
};

export const personInput = z.object(personFields);
/** As with a child: leaving `idNumber` out keeps the registered number, null clears it. */
export const personUpdateInput = editInput({ ...personFields, idNumber: keepOrIdNumber });

const relationFields = {
  relation: z.enum(RELATIONS, { error: t('validation.person.relationRequired') }),
  isGuardian: z.boolean().default(false),
  isCaregiver: z.boolean().default(false),
  note: optionalText(200),
};

/** Link a person to a child: an existing one by id, or a new one described in `person`. */
export const relationAddInput = z
  .object({
    childId: z.string().min(1),
    personId: z.string().nullish(),
    person: personInput.nullish(),
    ...relationFields,
  })
  .refine((v) => !!v.personId !== !!v.person, {
    path: ['personId'],
    message: t('validation.person.pickOrCreate'),
  });

export const relationUpdateInput = editInput(relationFields);
export const relationRemoveInput = editInput();

export const personSearchInput = z.object({ query: z.string().trim().min(1).max(40) });

/** A custody as it is first learned (a referral names it): the release comes later, on the file. */
export const custodyStartFields = {
  measure: z.enum(CUSTODY_MEASURES, { error: t('validation.custody.measureRequired') }),
  facility: optionalText(60),
  caseNumber: optionalText(60),
  charge: optionalText(60),
  startDate: dateText('validation.custody.startRequired'),
  expectedRelease: optionalDate(),
};

const custodyFields = { ...custodyStartFields, actualRelease: optionalDate() };

function custodyDatesInOrder(
  v: { startDate: string; expectedRelease: string | null; actualRelease: string | null },
  ctx: z.RefinementCtx,
) {
  for (const field of ['expectedRelease', 'actualRelease'] as const) {
    const value = v[field];
    if (value && value < v.startDate) {
      ctx.addIssue({ code: 'custom', path: [field], message: t('validation.custody.beforeStart') });
    }
  }
}

export const custodyAddInput = z
  .object({ personId: z.string().min(1), ...custodyFields })
  .superRefine(custodyDatesInOrder);
export const custodyUpdateInput = editInput(custodyFields).superRefine(custodyDatesInOrder);
