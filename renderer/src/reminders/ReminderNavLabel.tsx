import { Badge, Flex } from 'antd';
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { t } from '../../../db/i18n';
import { useReminderBadge } from '../session/reminderBadge';

const REFRESH_EVERY_MS = 60_000;
/**
 * The count is the whole board, and the core answers one call at a time: it is read after the
 * screen just opened has sent its own reads (a lazy area's first open sends them a little
 * later), so 首页 after sign-in or the 儿童档案 list never waits behind it.
 */
const AFTER_NAVIGATION_MS = 400;

/**
 * The 工作提醒 menu entry with its count. Reminders are derived from the records, so the count
 * is read again on every navigation (a record was probably just changed) and every minute
 * (the day may have turned).
 */
export function ReminderNavLabel({ label }: { label: string }) {
  const count = useReminderBadge((s) => s.count);
  const refresh = useReminderBadge((s) => s.refresh);
  const { pathname } = useLocation();

  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger, not an input.
  useEffect(() => {
    const timer = setTimeout(refresh, AFTER_NAVIGATION_MS);
    return () => clearTimeout(timer);
  }, [pathname, refresh]);

  useEffect(() => {
    const timer = setInterval(refresh, REFRESH_EVERY_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  return (
    <Flex align="center" justify="space-between" gap={8}>
      <span>{label}</span>
      {count !== null && count > 0 && (
        <span data-testid="reminder-badge" data-count={count}>
          <Badge count={count} overflowCount={99} title={t('reminders.badge.title', { count })} />
        </span>
      )}
    </Flex>
  );
}
