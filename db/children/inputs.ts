// Input schemas of the children area. Pure (zod only): the renderer's forms use them too.
import { z } from 'zod';
import { t } from '../../renderer/src/i18n';
import { dateText, optionalText, requiredText } from '../common/inputs';
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

export const childCreateInput = z
  .object({
    name: requiredText(40, 'validation.child.nameRequired').regex(
      NAME_PATTERN,
      t('validation.child.nameInvalid'),
    ),
    gender: z.enum(['male', 'female'], { error: t('validation.child.genderRequired') }),
    birthDate: dateText('validation.child.birthDateRequired'),
    // Empty means "none to hand" (common under 16), not a mistake.
    idNumber: z.preprocess((v) => (v === '' || v === undefined ? null : v), idNumberText.nullable()),
    township: z.enum(TOWNSHIPS, { error: t('validation.child.townshipUnknown') }),
    village: optionalText(60),
    school: optionalText(80),
  })
  .superRefine((v, ctx) => {
    if (!v.idNumber) return;
    const check = checkIdNumber(v.idNumber, '9999-12-31');
    if (!check.ok) return;
    if (check.info.gender !== v.gender) {
      ctx.addIssue({
        code: 'custom',
        path: ['gender'],
        message: t('validation.child.genderMismatch', { gender: check.info.gender === 'male' ? '男' : '女' }),
      });
    }
    if (check.info.birthDate !== v.birthDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['birthDate'],
        message: t('validation.child.birthMismatch', { date: check.info.birthDate }),
      });
    }
  });

export type ChildCreateInput = z.input<typeof childCreateInput>;

export const childListInput = z.object({
  query: z.string().trim().max(40).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});

export const childGetInput = z.object({ id: z.string().min(1) });
