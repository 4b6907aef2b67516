// Input schemas of accounts and sign-in. Pure (zod only): the renderer's forms use them too.
import { z } from 'zod';
import { editInput, requiredText, versionField } from '../common/inputs';
import { t } from '../i18n';

export const ROLES = ['admin', 'supervisor', 'caseworker', 'counsellor'] as const;

const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9_.]{3,32}$/, t('validation.account.usernameInvalid'));

const displayName = requiredText(40, 'validation.account.displayNameRequired');

/**
 * At least 12 characters of at least two kinds, without the username: what a form can check as
 * the person types. The core also estimates how guessable it is (strength.ts) before it wraps.
 */
export function passphraseProblem(passphrase: string, user?: string): string | null {
  if ([...passphrase].length < 12) return t('validation.account.passphraseTooShort');
  const kinds = [/[A-Za-z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(passphrase)).length;
  if (kinds < 2) return t('validation.account.passphraseTooWeak');
  if (user && user.length >= 3 && passphrase.toLowerCase().includes(user.toLowerCase())) {
    return t('validation.account.passphraseContainsUsername');
  }
  return null;
}

const passphrase = z.string().max(256);

function checkPassphrase(field: string, userField?: string) {
  return (v: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const problem = passphraseProblem(
      String(v[field] ?? ''),
      userField ? String(v[userField] ?? '') : undefined,
    );
    if (problem) ctx.addIssue({ code: 'custom', path: [field], message: problem });
  };
}

export const setupInput = z
  .object({ displayName, username, passphrase })
  .superRefine(checkPassphrase('passphrase', 'username'));

export const signInInput = z.object({
  username: z.string().trim().toLowerCase().max(64),
  passphrase,
});

export const changePassphraseInput = z
  .object({ current: passphrase, next: passphrase })
  .superRefine(checkPassphrase('next'))
  .refine((v) => v.current !== v.next, { path: ['next'], message: t('validation.account.passphraseSame') });

export const accountCreateInput = z
  .object({
    displayName,
    username,
    passphrase,
    role: z.enum(ROLES, { error: t('validation.account.roleRequired') }),
  })
  .superRefine(checkPassphrase('passphrase', 'username'));

/** An administrator sets a new passphrase for a colleague who forgot theirs (never for themselves). */
export const accountResetPassphraseInput = editInput({ passphrase }).superRefine(
  checkPassphrase('passphrase'),
);

/** Re-enabling needs a new passphrase, because disabling removed the account's key slot. */
export const accountSetDisabledInput = z
  .object({
    id: z.string().min(1),
    disabled: z.boolean(),
    version: versionField,
    passphrase: passphrase.optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.disabled) checkPassphrase('passphrase')(v, ctx);
  });

/** `reload`: a new renderer never inherits the previous one's session (ARCHITECTURE §6). */
export const lockInput = z.object({ reason: z.enum(['manual', 'idle', 'reload']).default('manual') });
export const emptyInput = z.object({}).strict();
