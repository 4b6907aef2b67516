// The one access policy (issue 11). Every handler that decides "may this user…" asks here, and
// the screens ask the same functions through `policy.forChild` to decide which buttons to show.
// The table below is the policy in words, checked against DOMAIN.md; the functions implement it
// and test/unit/access/policy.test.ts holds them to the table.

import type { AuditEntry, ReadCtx, Role, SessionUser } from '../api/define';
import { ApiError } from '../api/errors';
import { type MessageKey, t } from '../i18n';

export type PolicyAction =
  /** 查看完整公民身份号码 of a child or of the child's relatives, with a reason. */
  | 'revealId'
  /** Find children or relatives by a fragment of an ID number (not the whole number). */
  | 'searchIdFragment'
  /** Read counselling text (notes, scores, summaries, instrument, risk level, institution). */
  | 'readCounsellingText'
  /** Read what a counsellor shared with the child's owner (共享给承办人的摘要). */
  | 'readCounsellingShared'
  /** Record assessments, sessions and treatment referrals. */
  | 'writeCounselling'
  /** Give a child an owner other than oneself at registration, or change the owner later. */
  | 'assignOwner'
  /** Put off a reminder on one's own board. */
  | 'snooze'
  /** Put off a reminder on another user's board. */
  | 'snoozeForOthers'
  /** Export a summary PDF with the full ID number. */
  | 'exportFullId'
  /** Export a summary PDF with counselling sections. */
  | 'exportCounselling';

/** What a rule is about: the child's owner, and for a reminder its kind. */
export interface PolicySubject {
  ownerId?: string | null;
  reminderKind?: string;
}

interface Rule {
  /** Roles allowed whatever the subject. */
  roles: readonly Role[];
  /** Whether the child's owner is allowed too, whatever their role. */
  owner: boolean;
  /** Who, in the words of the README table. */
  who: MessageKey;
  /** Why, in DOMAIN.md's terms. */
  why: MessageKey;
}

/** Reminder kinds only their owner, counselling staff and administrators may snooze (issue 11, 6). */
export const PROTECTED_REMINDER_KINDS: readonly string[] = ['crisis', 'counsellingFollowUp'];

/**
 * The policy as a table. A reader can check each row against DOMAIN.md; the README's
 * "how data is protected" repeats it.
 */
export const POLICY: Record<PolicyAction, Rule> = {
  revealId: {
    roles: ['supervisor', 'admin'],
    owner: true,
    who: 'access.rule.revealId.who',
    why: 'access.rule.revealId.why',
  },
  searchIdFragment: {
    roles: ['supervisor', 'admin'],
    owner: true,
    who: 'access.rule.searchIdFragment.who',
    why: 'access.rule.searchIdFragment.why',
  },
  readCounsellingText: {
    // Not the owner: the text is sealed under the counselling key (issue 16), which only these
    // roles' key slots hold; the owner reads what the counsellor shares (readCounsellingShared).
    roles: ['counsellor', 'admin'],
    owner: false,
    who: 'access.rule.readCounsellingText.who',
    why: 'access.rule.readCounsellingText.why',
  },
  readCounsellingShared: {
    roles: ['counsellor', 'admin'],
    owner: true,
    who: 'access.rule.readCounsellingShared.who',
    why: 'access.rule.readCounsellingShared.why',
  },
  writeCounselling: {
    roles: ['counsellor', 'admin'],
    owner: true,
    who: 'access.rule.writeCounselling.who',
    why: 'access.rule.writeCounselling.why',
  },
  assignOwner: {
    roles: ['supervisor', 'admin'],
    owner: false,
    who: 'access.rule.assignOwner.who',
    why: 'access.rule.assignOwner.why',
  },
  snooze: {
    roles: ['counsellor', 'admin'],
    owner: true,
    who: 'access.rule.snooze.who',
    why: 'access.rule.snooze.why',
  },
  snoozeForOthers: {
    roles: ['supervisor', 'admin'],
    owner: false,
    who: 'access.rule.snoozeForOthers.who',
    why: 'access.rule.snoozeForOthers.why',
  },
  exportFullId: {
    roles: ['supervisor', 'admin'],
    owner: true,
    who: 'access.rule.exportFullId.who',
    why: 'access.rule.exportFullId.why',
  },
  exportCounselling: {
    roles: ['counsellor', 'admin'],
    owner: false,
    who: 'access.rule.exportCounselling.who',
    why: 'access.rule.exportCounselling.why',
  },
};

/** The one question every path asks. `subject.ownerId` is the child's owner. */
export function can(
  user: Pick<SessionUser, 'id' | 'role'>,
  action: PolicyAction,
  subject: PolicySubject = {},
): boolean {
  const rule = POLICY[action];
  const isOwner = !!subject.ownerId && subject.ownerId === user.id;
  if (action === 'snooze') {
    // Ordinary reminders: anyone may put off their own. Crisis and counselling follow-ups: the rule.
    if (!subject.reminderKind || !PROTECTED_REMINDER_KINDS.includes(subject.reminderKind)) return true;
  }
  return rule.roles.includes(user.role) || (rule.owner && isOwner);
}

/** What the screens need to know about one child, so they show only the buttons that will work. */
export interface ChildPermissions {
  revealId: boolean;
  searchIdFragment: boolean;
  readCounsellingText: boolean;
  readCounsellingShared: boolean;
  writeCounselling: boolean;
  assignOwner: boolean;
  exportFullId: boolean;
  exportCounselling: boolean;
}

export function childPermissions(
  user: Pick<SessionUser, 'id' | 'role'>,
  ownerId: string | null,
): ChildPermissions {
  const s = { ownerId };
  return {
    revealId: can(user, 'revealId', s),
    searchIdFragment: can(user, 'searchIdFragment', s),
    readCounsellingText: can(user, 'readCounsellingText', s),
    readCounsellingShared: can(user, 'readCounsellingShared', s),
    writeCounselling: can(user, 'writeCounselling', s),
    assignOwner: can(user, 'assignOwner', s),
    exportFullId: can(user, 'exportFullId', s),
    exportCounselling: can(user, 'exportCounselling', s),
  };
}

/**
 * The one refusal. The error carries its audit row, which the dispatcher writes after the
 * call's transaction has rolled back, so no refusal is ever lost with the write it stopped.
 * Handlers never write an 'access.denied' row themselves.
 */
export function refusal(
  method: string,
  subject: { entity?: string; entityId?: string | null; detail?: Record<string, unknown> } = {},
  message: string = t('errors.forbidden'),
): ApiError {
  const err = new ApiError('FORBIDDEN', message);
  const entry: AuditEntry = {
    action: 'access.denied',
    entity: subject.entity,
    entityId: subject.entityId ?? null,
    detail: { method, ...(subject.detail ?? {}) },
  };
  err.auditEntry = entry;
  return err;
}

/** Throws the audited refusal unless the policy allows. */
export function demand(
  ctx: ReadCtx,
  action: PolicyAction,
  subject: PolicySubject & { method: string; entity?: string; entityId?: string | null },
): void {
  if (!can(ctx.user, action, subject)) {
    throw refusal(subject.method, {
      entity: subject.entity,
      entityId: subject.entityId,
      detail: { action },
    });
  }
}
