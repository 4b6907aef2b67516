import { Alert } from 'antd';
import { Link } from 'react-router';
import { t } from '../../../db/i18n';
import { formatDateTime } from '../common/dates';
import { useApiQuery } from '../common/useApiQuery';

/** 首页: says so when backups are old, the last one failed, or the audit log left a backup's anchor. */
export function HomeBackupAlert() {
  const { data } = useApiQuery('backup.status', {});
  if (!data) return null;
  const lines: string[] = [];
  if (!data.lastGoodAt) lines.push(t('backup.home.never'));
  else if (data.stale)
    lines.push(`${t('backup.home.stale', { days: data.warnDays })}（${formatDateTime(data.lastGoodAt)}）`);
  if (data.lastFailure)
    lines.push(
      t('backup.home.lastFailed', {
        folder: t(`backup.folder.${data.lastFailure.folder}`),
        reason: data.lastFailure.message,
      }),
    );
  const anchors = data.divergences.map((d) => d.message);
  if (lines.length === 0 && anchors.length === 0) return null;
  return (
    <>
      {anchors.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="home-audit-anchors"
          title={t('backup.home.anchors')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {anchors.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          }
        />
      )}
      {lines.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="home-backup-warning"
          title={lines.join('；')}
          action={<Link to="/settings">{t('backup.home.goSettings')}</Link>}
        />
      )}
    </>
  );
}
