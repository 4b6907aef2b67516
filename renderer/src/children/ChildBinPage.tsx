import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, type TableColumnsType, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { t } from '../../../db/i18n';
import { api } from '../api/client';
import { AttachmentBin } from '../attachments/AttachmentBin';
import { genderLabel } from '../common/codeLabels';
import { formatDateTime } from '../common/dates';
import { PageHeader } from '../common/PageHeader';
import { PAGE_SIZE, RegisterTable } from '../common/RegisterList';
import { useApiQuery } from '../common/useApiQuery';
import { toastRefusal, useBusyCall } from '../common/useBusyCall';
import { useSession } from '../session/store';
import { idAndPlaceColumns } from './parts';
import type { BinRow } from './types';

export function ChildBinPage() {
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const isAdmin = useSession((s) => s.user?.role === 'admin');
  const [page, setPage] = useState(1);
  const { busy, run, message } = useBusyCall<string>();
  const input = useMemo(() => ({ offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }), [page]);
  const { data, error, loading, reload } = useApiQuery('children.binList', input);

  const restore = (row: BinRow) =>
    run(row.id, async () => {
      await api('children.restore', { id: row.id, version: row.version });
      message.success(t('children.bin.restored', { name: row.name }));
      reload();
    });

  const purge = (row: BinRow) => {
    modal.confirm({
      title: t('children.bin.purgeTitle', { name: row.name }),
      content: t('children.bin.purgeText'),
      okText: t('children.bin.purgeOk'),
      okButtonProps: { danger: true },
      cancelText: t('app.common.cancel'),
      onOk: async () => {
        try {
          await api('children.purge', { id: row.id });
          message.success(t('children.bin.purged'));
          reload();
        } catch (err) {
          toastRefusal(message, err);
        }
      },
    });
  };

  const dash = t('app.common.empty');
  const columns: TableColumnsType<BinRow> = [
    { title: t('children.fields.name'), dataIndex: 'name', key: 'name' },
    { title: t('children.fields.gender'), dataIndex: 'gender', key: 'gender', render: genderLabel },
    { title: t('children.fields.birthDate'), dataIndex: 'birthDate', key: 'birthDate' },
    ...idAndPlaceColumns<BinRow>(),
    { title: t('children.fields.owner'), dataIndex: 'ownerName', key: 'owner', render: (v) => v || dash },
    {
      title: t('children.bin.deletedAt'),
      dataIndex: 'deletedAt',
      key: 'deletedAt',
      render: (v: number) => formatDateTime(v),
    },
    {
      title: t('children.bin.actions'),
      key: 'actions',
      fixed: 'end',
      render: (_, row) => (
        <Flex gap={4}>
          <Button size="small" loading={busy === row.id} onClick={() => void restore(row)}>
            {t('children.bin.restore')}
          </Button>
          {isAdmin && (
            <Button size="small" danger onClick={() => purge(row)}>
              {t('children.bin.purge')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('children.bin.title')}
        intro={t('children.bin.intro')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/children')}>
            {t('children.bin.back')}
          </Button>
        }
      />
      <Card>
        <Typography.Paragraph type="secondary" data-testid="bin-total">
          {data ? t('children.bin.total', { total: data.total }) : null}
        </Typography.Paragraph>
        <RegisterTable<BinRow>
          error={error}
          columns={columns}
          rows={data?.rows}
          loading={loading}
          empty={t('children.bin.empty')}
          page={page}
          total={data?.total}
          onPage={setPage}
          hideOnSinglePage
        />
      </Card>
      <AttachmentBin />
    </>
  );
}
