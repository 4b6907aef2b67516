import type { Role } from '../../../db/api/define';
import { type MessageKey, t } from '../../../db/i18n';

/** For codes that come from data (audit actions, entity kinds): unknown ones show raw. */
export function labelOr(key: string, fallback: string): string {
  try {
    return t(key as MessageKey);
  } catch {
    return fallback;
  }
}

export function roleLabel(role: Role): string {
  return labelOr(`accounts.roles.${role}`, role);
}

export const ROLES: readonly Role[] = ['admin', 'supervisor', 'caseworker', 'counsellor'];
