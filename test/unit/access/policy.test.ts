import { describe, expect, it } from 'vitest';
import { can, POLICY, type PolicyAction, refusal } from '../../../db/access/policy';
import type { Role } from '../../../db/api/define';
import { t } from '../../../db/i18n';

const ROLES: Role[] = ['admin', 'supervisor', 'caseworker', 'counsellor'];
const me = (role: Role) => ({ id: `u-${role}`, role });

describe('the access policy', () => {
  it('answers as its table says, for each role, as owner and not', () => {
    for (const action of Object.keys(POLICY) as PolicyAction[]) {
      if (action === 'snooze') continue;
      const rule = POLICY[action];
      for (const role of ROLES) {
        const user = me(role);
        expect(can(user, action, { ownerId: 'someone-else' }), `${action} ${role}`).toBe(
          rule.roles.includes(role),
        );
        expect(can(user, action, { ownerId: user.id }), `${action} ${role} owner`).toBe(
          rule.roles.includes(role) || rule.owner,
        );
      }
    }
  });

  it('names who may reveal a full ID: the owner, supervisors and admins, never counselling staff', () => {
    expect(can(me('counsellor'), 'revealId', { ownerId: 'x' })).toBe(false);
    expect(can(me('caseworker'), 'revealId', { ownerId: 'x' })).toBe(false);
    expect(can(me('caseworker'), 'revealId', { ownerId: 'u-caseworker' })).toBe(true);
    expect(can(me('supervisor'), 'revealId', { ownerId: 'x' })).toBe(true);
  });

  it('lets anyone put off an ordinary reminder, and only owner, counselling staff and admins a crisis', () => {
    for (const role of ROLES)
      expect(can(me(role), 'snooze', { reminderKind: 'visitDue', ownerId: 'x' })).toBe(true);
    const crisis = (role: Role, ownerId: string) =>
      can(me(role), 'snooze', { reminderKind: 'crisis', ownerId });
    expect([crisis('caseworker', 'x'), crisis('supervisor', 'x')]).toEqual([false, false]);
    expect([crisis('caseworker', 'u-caseworker'), crisis('counsellor', 'x'), crisis('admin', 'x')]).toEqual([
      true,
      true,
      true,
    ]);
    expect(can(me('supervisor'), 'snooze', { reminderKind: 'counsellingFollowUp', ownerId: 'x' })).toBe(
      false,
    );
  });

  it('words every rule in Chinese for the README and the screens', () => {
    for (const rule of Object.values(POLICY)) {
      expect(t(rule.who)).toMatch(/[\u4e00-\u9fff]/);
      expect(t(rule.why)).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('makes a refusal that carries its own audit row', () => {
    const err = refusal('children.revealIdNumber', {
      entity: 'child',
      entityId: 'c1',
      detail: { action: 'revealId' },
    });
    expect(err.code).toBe('FORBIDDEN');
    expect(err.message).toBe(t('errors.forbidden'));
    expect(err.auditEntry).toEqual({
      action: 'access.denied',
      entity: 'child',
      entityId: 'c1',
      detail: { method: 'children.revealIdNumber', action: 'revealId' },
    });
  });
});
