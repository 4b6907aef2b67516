import { CloudUploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Modal,
  Progress,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { t } from '../../../db/i18n';
import { type ApiOutput, api, toApiCallError } from '../api/client';
import { formatDateTime } from '../common/dates';
import { useApiQuery } from '../common/useApiQuery';
import { useSession } from '../session/store';
import { formatBytes } from './dialogs';
import { RestoreForm } from './RestoreForm';

type Item = ApiOutput<'backup.list'>[number];
type Outcome = ApiOutput<'backup.run'>;

const CHECK_COLOR = { ok: 'green', failed: 'red', unchecked: 'default' } as const;

/** 设置 → 备份: back up now, what was made and whether it checked out, restore. */
export function BackupCard({ isAdmin }: { isAdmin: boolean }) {
  const { message } = App.useApp();
  const signedIn = useSession((s) => s.signedIn);
  const status = useApiQuery('backup.status', {});
  const list = useApiQuery('backup.list', {});
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [checking, setChecking] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<Item | null>(null);
  const progress = status.data?.running ?? null;
  const reloadStatus = status.reload;

  // While a backup runs (this one or an automatic one) its progress is asked for often.
  useEffect(() => {
    if (!running && !progress) return;
    const timer = setInterval(reloadStatus, 400);
    return () => clearInterval(timer);
  }, [running, progress, reloadStatus]);

  const runNow = useCallback(async () => {
    setRunning(true);
    setOutcome(null);
    try {
      setOutcome(await api('backup.run', {}));
    } catch (err) {
      const e = toApiCallError(err);
      if (e.code !== 'LOCKED') message.error(e.message);
    } finally {
      setRunning(false);
      status.reload();
      list.reload();
    }
  }, [message, status, list]);

  const check = useCallback(
    async (item: Item) => {
      setChecking(item.path);
      try {
        const r = await api('backup.check', { file: item.path });
        if (r.ok) message.success(t('backup.card.checked'));
        else message.error(t('backup.card.checkFailed', { reason: r.message ?? '' }));
      } catch (err) {
        message.error(toApiCallError(err).message);
      } finally {
        setChecking(null);
        list.reload();
      }
    },
    [message, list],
  );

  const columns: TableColumnsType<Item> = [
    {
      title: t('backup.columns.createdAt'),
      key: 'at',
      render: (_, r) => (r.createdAt ? formatDateTime(r.createdAt) : r.name),
    },
    { title: t('backup.columns.folder'), key: 'folder', render: (_, r) => t(`backup.folder.${r.folder}`) },
    {
      title: t('backup.columns.trigger'),
      key: 'trigger',
      render: (_, r) => (r.trigger ? t(`backup.trigger.${r.trigger}`) : t('app.common.empty')),
    },
    {
      title: t('backup.columns.children'),
      key: 'children',
      render: (_, r) => r.childCount ?? t('app.common.empty'),
    },
    { title: t('backup.columns.size'), key: 'size', render: (_, r) => formatBytes(r.bytes) },
    {
      title: t('backup.columns.check'),
      key: 'check',
      render: (_, r) => (
        <Flex vertical gap={2}>
          <Tag color={CHECK_COLOR[r.check]} style={{ width: 'fit-content' }}>
            {t(`backup.check.${r.check}`)}
          </Tag>
          {r.problem && <Typography.Text type="danger">{r.problem}</Typography.Text>}
        </Flex>
      ),
    },
    {
      title: t('backup.columns.actions'),
      key: 'actions',
      render: (_, r) => (
        <Flex gap={4}>
          <Button size="small" loading={checking === r.path} onClick={() => void check(r)}>
            {t('backup.card.check')}
          </Button>
          {isAdmin && (
            <Button size="small" danger disabled={r.check === 'failed'} onClick={() => setRestoring(r)}>
              {t('backup.card.restore')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  const failedFolders = outcome?.folders.filter((f) => !f.ok) ?? [];
  return (
    <Card title={t('backup.card.title')} data-testid="backup-card">
      <Typography.Paragraph type="secondary">{t('backup.card.intro')}</Typography.Paragraph>
      <Flex align="center" gap={16} wrap style={{ marginBottom: 12 }}>
        <Button
          type="primary"
          icon={<CloudUploadOutlined />}
          loading={running || progress !== null}
          onClick={() => void runNow()}
        >
          {running || progress ? t('backup.card.running') : t('backup.card.runNow')}
        </Button>
        <Typography.Text data-testid="backup-last-good">
          {status.data?.lastGoodAt
            ? t('backup.card.lastGood', { when: formatDateTime(status.data.lastGoodAt) })
            : t('backup.card.never')}
        </Typography.Text>
      </Flex>
      {progress && (
        <Flex vertical style={{ maxWidth: 480, marginBottom: 12 }} data-testid="backup-progress">
          <Typography.Text type="secondary">
            {t(`backup.card.phase.${progress.phase}`)}
            {progress.bytes > 0 && t('backup.card.ofSize', { size: formatBytes(progress.bytes) })}
          </Typography.Text>
          <Progress percent={progress.percent} status="active" />
        </Flex>
      )}
      {outcome?.ok && (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t('backup.card.done')}
          style={{ marginBottom: 12 }}
        />
      )}
      {outcome && !outcome.ok && (
        <Alert
          type={outcome.manifest ? 'warning' : 'error'}
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          title={
            outcome.manifest
              ? t('backup.card.doneWithProblems', {
                  problems: failedFolders
                    .map((f) => `${t(`backup.folder.${f.folder}`)}：${f.message}`)
                    .join('；'),
                })
              : t('backup.card.failed', { reason: failedFolders[0]?.message ?? '' })
          }
        />
      )}
      {list.error && <Alert type="error" showIcon title={list.error} />}
      <Table<Item>
        rowKey="path"
        size="small"
        columns={columns}
        dataSource={list.data ?? []}
        loading={list.loading && !list.data}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('backup.card.empty') }}
        data-testid="backup-list"
      />
      {!isAdmin && <Typography.Paragraph type="secondary">{t('backup.card.adminOnly')}</Typography.Paragraph>}
      <Modal
        open={restoring !== null}
        title={t('backup.restore.title')}
        footer={null}
        destroyOnHidden
        onCancel={() => setRestoring(null)}
      >
        {restoring && (
          <RestoreForm
            file={restoring.path}
            onCancel={() => setRestoring(null)}
            onRestored={(user) => {
              setRestoring(null);
              if (user) signedIn(user);
            }}
          />
        )}
      </Modal>
    </Card>
  );
}
