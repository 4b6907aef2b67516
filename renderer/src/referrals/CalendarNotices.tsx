import { Alert } from 'antd';
import { t } from '../../../db/i18n';
import type { ReferralView } from './types';

/**
 * What the working-day calendar means for this referral's deadlines: a year it lacks (counted as
 * plain weekdays until an administrator adds it) and deadlines a later change to it moved.
 */
export function CalendarNotices({ referral }: { referral: ReferralView }) {
  const missing = referral.calendarMissingYears;
  // A move is told while the deadline is still the one it moved to; a later edit supersedes it.
  const moves = referral.deadlineMoves.flatMap((m) => {
    if (m.field === 'verifyDue') {
      return m.to === referral.verifyDue
        ? [t('calendar.moved.verifyDue', { year: m.year, from: m.from, to: m.to })]
        : [];
    }
    const action = referral.actions.find((a) => a.id === m.actionId);
    return action && action.replyDue === m.to
      ? [t('calendar.moved.replyDue', { year: m.year, agency: action.agency, from: m.from, to: m.to })]
      : [];
  });
  return (
    <>
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="calendar-missing"
          title={t('calendar.missing.referral', { years: missing.join('、') })}
          style={{ margin: '12px 0' }}
        />
      )}
      {moves.length > 0 && (
        <Alert
          type="info"
          showIcon
          data-testid="deadline-moved"
          title={moves.length === 1 ? moves[0] : undefined}
          description={
            moves.length > 1 ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {moves.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            ) : undefined
          }
          style={{ margin: '12px 0' }}
        />
      )}
    </>
  );
}
