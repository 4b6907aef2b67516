import type { Role } from '../../../db/api/define';
import { t } from '../../../db/i18n';
import { formatDateTime } from '../common/dates';
import { labelOr, roleLabel } from '../common/labels';

/** The codes the filter offers; rows may carry others, which show as the raw code. */
export const AUDIT_ACTIONS = [
  'session.setup',
  'session.signIn',
  'session.signInFailed',
  'session.lock',
  'session.changePassphrase',
  'accounts.create',
  'accounts.setDisabled',
  'settings.update',
  'calendar.save',
  'backup.create',
  'backup.failed',
  'backup.restore',
  'backup.restoreKeySlots',
  'audit.anchorMismatch',
  'children.create',
  'children.update',
  'children.view',
  'children.revealId',
  'children.close',
  'children.reopen',
  'children.delete',
  'children.restore',
  'children.purge',
  'persons.create',
  'persons.update',
  'relations.add',
  'relations.update',
  'relations.remove',
  'custody.add',
  'custody.update',
  'referrals.create',
  'referrals.update',
  'referrals.linkChild',
  'referrals.transition',
  'referrals.addAction',
  'referrals.updateAction',
  'referrals.recordReply',
  'referrals.withdrawAction',
  'education.admonish',
  'education.createPlan',
  'education.updatePlan',
  'education.startPlan',
  'education.addSession',
  'education.completePlan',
  'education.suspendPlan',
  'education.addFollowUp',
  'orders.createDraft',
  'orders.updateDraft',
  'orders.submit',
  'orders.reject',
  'orders.approve',
  'orders.withdraw',
  'orders.recordDelivery',
  'orders.addFollowUp',
  'orders.startEvaluation',
  'orders.evaluate',
  'relief.create',
  'relief.update',
  'relief.startReview',
  'relief.grant',
  'relief.deny',
  'relief.pay',
  'relief.returnVisit',
  'relief.withdraw',
  'suits.create',
  'suits.update',
  'suits.issue',
  'suits.file',
  'suits.decide',
  'suits.withdraw',
  'counselling.view',
  'counselling.addAssessment',
  'counselling.addSession',
  'counselling.addTreatment',
  'visits.startDraft',
  'visits.finalize',
  'visits.discardDraft',
  'reminders.snooze',
  'documents.export',
  'audit.verify',
  'access.denied',
] as const;

export function actionLabel(code: string): string {
  return labelOr(`audit.actions.${code}`, code);
}

export function entityLabel(entity: string): string {
  return labelOr(`audit.entities.${entity}`, entity);
}

function detailValue(key: string, value: unknown): string {
  if (typeof value === 'boolean') return value ? t('audit.values.yes') : t('audit.values.no');
  if (key === 'at' && typeof value === 'number') return formatDateTime(value);
  if (key === 'role' && typeof value === 'string') return roleLabel(value as Role);
  if (key === 'reason' && typeof value === 'string') return labelOr(`audit.lockReasons.${value}`, value);
  if (key === 'method' && typeof value === 'string') return actionLabel(value);
  if (Array.isArray(value)) return value.map((v) => detailValue(key, v)).join(t('audit.listSeparator'));
  if (value === null || value === undefined) return t('app.common.empty');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A row's detail as key–value pairs, known keys and codes in Chinese, the rest as recorded. */
export function formatDetail(detail: unknown): string {
  if (detail === null || detail === undefined) return '';
  if (typeof detail !== 'object') return String(detail);
  return Object.entries(detail as Record<string, unknown>)
    .map(([key, value]) =>
      t('audit.detailItem', { key: labelOr(`audit.detail.${key}`, key), value: detailValue(key, value) }),
    )
    .join(t('audit.detailSeparator'));
}
