import { KeyOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Modal,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { t } from '../../../db/i18n';
import { type ApiOutput, api, toApiCallError } from '../api/client';
import { columnsOf } from '../common/columns';
import { formatDateTime } from '../common/dates';
import { roleLabel } from '../common/labels';
import { useApiQuery } from '../common/useApiQuery';
import { useBusyCall } from '../common/useBusyCall';
import { AccountCreateModal } from './AccountCreateModal';
import { AccountEnableModal } from './AccountEnableModal';

type Account = ApiOutput<'accounts.list'>[number];
const col = columnsOf<Account>();

export function AccountsCard({ currentUserId }: { currentUserId: string }) {
  const { message } = App.useApp();
  const { data, error, loading, reload } = useApiQuery('accounts.list', {});
  const [creating, setCreating] = useState(false);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [enabling, setEnabling] = useState<Account | null>(null);
  const [resetting, setResetting] = useState<Account | null>(null);
  const [rotatingAfter, setRotatingAfter] = useState<Account | 'manual' | null>(null);
  const { running: rotating, run } = useBusyCall();

  const rotate = () =>
    run(true, async () => {
      const done = await api('accounts.rotateKey', {});
      message.success(t('accounts.manage.rotateDone', { epoch: done.epoch, seconds: done.seconds }));
      setRotatingAfter(null);
    });

  const columns = useMemo((): TableColumnsType<Account> => {
    const disable = async (account: Account) => {
      setBusyId(account.id);
      try {
        await api('accounts.setDisabled', { id: account.id, disabled: true, version: account.version });
        message.success(t('accounts.manage.disabledDone'));
        // A colleague who kept a copy of the key file still opens today's data until the key changes.
        setRotatingAfter(account);
      } catch (err) {
        const e = toApiCallError(err);
        if (e.code === 'LOCKED') return;
        message.error(e.message);
      } finally {
        setBusyId(null);
      }
      // After a CONFLICT too: the fresh version is what the next click needs.
      reload();
    };

    return [
      col(t('accounts.manage.columns.displayName'), 'displayName'),
      col(t('accounts.manage.columns.username'), 'username'),
      col(t('accounts.manage.columns.role'), 'role', roleLabel),
      col(t('accounts.manage.columns.status'), 'disabled', (disabled) =>
        disabled ? (
          <Tag>{t('accounts.manage.status.disabled')}</Tag>
        ) : (
          <Tag color="green">{t('accounts.manage.status.active')}</Tag>
        ),
      ),
      col(t('accounts.manage.columns.createdAt'), 'createdAt', formatDateTime),
      {
        title: t('accounts.manage.columns.actions'),
        key: 'actions',
        render: (_, account) =>
          account.id === currentUserId ? (
            <Typography.Text type="secondary">{t('accounts.manage.you')}</Typography.Text>
          ) : account.disabled ? (
            <Button type="link" size="small" onClick={() => setEnabling(account)}>
              {t('accounts.manage.enable')}
            </Button>
          ) : (
            <Space size={0}>
              <Button type="link" size="small" onClick={() => setResetting(account)}>
                {t('accounts.manage.reset')}
              </Button>
              <Popconfirm
                title={t('accounts.manage.confirmDisable', { name: account.displayName })}
                okText={t('app.common.confirm')}
                cancelText={t('app.common.cancel')}
                onConfirm={() => disable(account)}
              >
                <Button type="link" size="small" danger loading={busyId === account.id}>
                  {t('accounts.manage.disable')}
                </Button>
              </Popconfirm>
            </Space>
          ),
      },
    ];
  }, [busyId, currentUserId, message, reload]);

  return (
    <Card
      title={t('accounts.manage.title')}
      extra={
        <Space>
          <Button icon={<KeyOutlined />} onClick={() => setRotatingAfter('manual')}>
            {t('accounts.manage.rotateTitle')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('accounts.manage.add')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('accounts.manage.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<Account>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data ?? []}
        loading={{ spinning: loading, delay: 200 }}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      {creating && <AccountCreateModal onClose={() => setCreating(false)} onCreated={reload} />}
      {enabling && (
        <AccountEnableModal account={enabling} onClose={() => setEnabling(null)} onEnabled={reload} />
      )}
      {resetting && (
        <AccountEnableModal
          account={resetting}
          mode="reset"
          onClose={() => setResetting(null)}
          onEnabled={reload}
        />
      )}
      <Modal
        title={t('accounts.manage.rotateTitle')}
        open={rotatingAfter !== null}
        okText={t('accounts.manage.rotateNow')}
        cancelText={t('accounts.manage.rotateLater')}
        confirmLoading={rotating}
        closable={!rotating}
        maskClosable={false}
        cancelButtonProps={{ disabled: rotating }}
        onOk={rotate}
        onCancel={() => setRotatingAfter(null)}
      >
        <Typography.Paragraph>
          {rotatingAfter && rotatingAfter !== 'manual'
            ? t('accounts.manage.rotateAfterDisable', { name: rotatingAfter.displayName })
            : t('accounts.manage.rotateIntro')}
        </Typography.Paragraph>
        {rotating && <Alert type="info" showIcon title={t('accounts.manage.rotateRunning')} />}
      </Modal>
    </Card>
  );
}
