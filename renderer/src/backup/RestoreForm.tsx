import { Alert, Button, Descriptions, Flex, Form, Input, Spin } from 'antd';
import { useCallback } from 'react';
import type { SessionUser } from '../../../db/api/define';
import { t } from '../../../db/i18n';
import { api } from '../api/client';
import { formatDateTime } from '../common/dates';
import { FormAlert } from '../common/FormAlert';
import { useApiForm } from '../common/useApiForm';
import { useApiQuery } from '../common/useApiQuery';

interface RestoreValues {
  username: string;
  passphrase: string;
}

/**
 * A backup's manifest first, then an administrator's name and passphrase for that backup.
 * `keysOnly`: put the backup's key slots back beside the database already here.
 */
export function RestoreForm({
  file,
  keysOnly = false,
  replacesCurrent = true,
  onRestored,
  onCancel,
}: {
  file: string;
  keysOnly?: boolean;
  /** False on a new PC, where there is no database to keep aside. */
  replacesCurrent?: boolean;
  onRestored: (user: SessionUser | null) => void;
  onCancel?: () => void;
}) {
  const [form] = Form.useForm<RestoreValues>();
  const { data: manifest, error } = useApiQuery('backup.manifest', { file });
  const call = useCallback(
    async ({ username, passphrase }: RestoreValues): Promise<SessionUser | null> => {
      if (keysOnly) {
        await api('backup.restoreKeySlots', { file, username, passphrase });
        return null;
      }
      return api('backup.restore', { file, username, passphrase });
    },
    [file, keysOnly],
  );
  const { onFinish, submitting, failure } = useApiForm(form, call, {
    successMessage: keysOnly ? t('backup.firstRun.keysRestored') : t('backup.restore.done'),
    onSuccess: onRestored,
  });

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!manifest) return <Spin />;
  return (
    <Flex vertical gap={12} data-testid="backup-restore">
      <Descriptions
        size="small"
        column={1}
        bordered
        title={t('backup.restore.manifestTitle')}
        items={[
          { key: 'at', label: t('backup.restore.createdAt'), children: formatDateTime(manifest.createdAt) },
          { key: 'by', label: t('backup.restore.createdBy'), children: manifest.createdBy.name },
          { key: 'app', label: t('backup.restore.appVersion'), children: manifest.app.version },
          { key: 'schema', label: t('backup.restore.schemaVersion'), children: manifest.schemaVersion },
          {
            key: 'counts',
            label: t('backup.columns.children'),
            children: t('backup.restore.counts', {
              children: manifest.counts.children ?? 0,
              audit: manifest.counts.audit_log ?? 0,
            }),
          },
        ]}
      />
      {!keysOnly && (
        <Alert
          type={replacesCurrent ? 'warning' : 'info'}
          showIcon
          title={replacesCurrent ? t('backup.restore.warning') : t('backup.restore.warningNew')}
        />
      )}
      <FormAlert failure={failure} />
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="off">
        <Form.Item
          label={t('backup.restore.username')}
          name="username"
          rules={[{ required: true, whitespace: true, message: t('accounts.signIn.usernameRequired') }]}
        >
          <Input maxLength={32} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('backup.restore.passphrase')}
          name="passphrase"
          rules={[{ required: true, message: t('accounts.signIn.passphraseRequired') }]}
        >
          <Input.Password autoComplete="off" />
        </Form.Item>
        <Flex gap={8}>
          <Button type="primary" danger={!keysOnly} htmlType="submit" loading={submitting}>
            {keysOnly ? t('backup.firstRun.restoreKeys') : t('backup.restore.submit')}
          </Button>
          {onCancel && <Button onClick={onCancel}>{t('backup.restore.cancel')}</Button>}
        </Flex>
      </Form>
    </Flex>
  );
}
