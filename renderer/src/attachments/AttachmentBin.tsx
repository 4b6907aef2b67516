import { Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import { t } from '../../../db/i18n';
import { api } from '../api/client';
import { formatDateTime } from '../common/dates';
import { useApiQuery } from '../common/useApiQuery';
import { useBusyCall } from '../common/useBusyCall';
import { useSession } from '../session/store';
import { formatSize } from './AttachmentsPanel';
import type { AttachmentView } from './types';

/** 附件回收站: anyone restores; only an administrator purges, and the purge is audited with the hash. */
export function AttachmentBin() {
  const isAdmin = useSession((s) => s.user?.role === 'admin');
  const { data, loading, reload } = useApiQuery('attachments.binList', {});
  const { busy, run, message } = useBusyCall<string>();

  const act = (row: AttachmentView, what: 'restore' | 'purge') =>
    run(row.id, async () => {
      if (what === 'restore') await api('attachments.restore', { id: row.id });
      else await api('attachments.purge', { id: row.id });
      message.success(t(what === 'restore' ? 'attachments.restored' : 'attachments.purged'));
      reload();
    });

  return (
    <Card title={t('attachments.bin')} size="small" style={{ marginTop: 16 }} data-testid="attachment-bin">
      <Table<AttachmentView>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data ?? []}
        pagination={false}
        locale={{ emptyText: t('attachments.binEmpty') }}
        columns={[
          { title: t('attachments.columns.title'), dataIndex: 'title' },
          {
            title: t('attachments.columns.kind'),
            render: (_, r) => <Tag>{t(`attachments.kinds.${r.kind}`)}</Tag>,
          },
          { title: t('attachments.columns.size'), render: (_, r) => formatSize(r.bytes) },
          {
            title: t('attachments.deletedAt'),
            render: (_, r) => (r.deletedAt ? formatDateTime(r.deletedAt) : ''),
          },
          {
            title: '',
            render: (_, r) => (
              <Space>
                <Button size="small" loading={busy === r.id} onClick={() => void act(r, 'restore')}>
                  {t('attachments.restore')}
                </Button>
                {isAdmin && (
                  <Popconfirm
                    title={t('attachments.purgeConfirm', { title: r.title })}
                    onConfirm={() => void act(r, 'purge')}
                  >
                    <Button size="small" danger>
                      {t('attachments.purge')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
