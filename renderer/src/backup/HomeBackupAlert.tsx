import { Alert, Flex, Progress, Typography } from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { t } from '../../../db/i18n';
import { formatDateTime } from '../common/dates';
import { useApiQuery } from '../common/useApiQuery';

/** After this long on 首页 the status is asked once more: the day's first backup starts a moment after sign-in. */
const RECHECK_MS = 3000;
const RUNNING_POLL_MS = 1000;

/**
 * 首页: a backup running (the day's first starts by itself after sign-in; nothing waits for it)
 * with its progress, and warnings when backups are old, the last one failed, or the audit log
 * left a backup's anchor.
 */
export function HomeBackupAlert() {
  const { data, reload } = useApiQuery('backup.status', {});
  const running = data?.running ?? null;

  useEffect(() => {
    const timer = running ? setInterval(reload, RUNNING_POLL_MS) : setTimeout(reload, RECHECK_MS);
    return () => clearInterval(timer);
  }, [running, reload]);

  if (!data) return null;
  const lines: string[] = [];
  if (running) {
    // Being made right now: the age of the last one is not news.
  } else if (!data.lastGoodAt) lines.push(t('backup.home.never'));
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
  if (!running && lines.length === 0 && anchors.length === 0) return null;
  return (
    <>
      {running && (
        <Alert
          type="info"
          showIcon
          data-testid="home-backup-running"
          title={
            <Flex align="center" gap={12} wrap>
              <Typography.Text>
                {t(`backup.home.running.${running.trigger}`)}：{t(`backup.card.phase.${running.phase}`)}
              </Typography.Text>
              <Progress
                percent={running.percent}
                size="small"
                status="active"
                style={{ width: 200, margin: 0 }}
              />
              <Typography.Text type="secondary">{t('backup.home.runningHint')}</Typography.Text>
            </Flex>
          }
        />
      )}
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
