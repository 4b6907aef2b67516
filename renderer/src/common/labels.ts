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

/**
 * The catalog blocks that hold a `<block>.<Leaf>` and every `<block>.<Other>`: how a component
 * that words itself from one block (a step's dialog, a settings card) names the blocks it accepts.
 */
export type CatalogBlock<Leaf extends string, Other extends string> = {
  [K in MessageKey]: K extends `${infer B}.${Leaf}`
    ? `${B}.${Other}` extends MessageKey
      ? B
      : never
    : never;
}[MessageKey];

export function roleLabel(role: Role): string {
  return labelOr(`accounts.roles.${role}`, role);
}

export const ROLES: readonly Role[] = ['admin', 'supervisor', 'caseworker', 'counsellor'];

/** A count as the core gives it: exact, or 超过 N where counting stopped at the cap. */
export function countText(count: number, capped: boolean): string {
  return capped ? t('app.common.countOver', { count }) : String(count);
}
