import { Alert } from 'antd';
import { Link } from 'react-router';
import { t } from '../../../db/i18n';

/** 首页 and 工作提醒, from 1 December: next year's 节假日安排 is not entered yet (administrators only). */
export function MissingYearAlert({ year }: { year: number | null | undefined }) {
  if (!year) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="calendar-missing-year"
      title={t('calendar.missing.home', { year })}
      action={<Link to="/settings/holidays">{t('calendar.missing.homeLink')}</Link>}
      style={{ marginBottom: 16 }}
    />
  );
}
