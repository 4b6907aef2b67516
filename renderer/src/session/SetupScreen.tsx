import { Alert, Button, Divider, Form, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { t } from '../../../db/i18n';
import { api } from '../api/client';
import { FirstRunRestore } from '../backup/FirstRunRestore';
import { AccountNameFields, NewPassphraseItem } from '../common/AccountFields';
import { FormAlert } from '../common/FormAlert';
import { useApiForm } from '../common/useApiForm';
import { AuthLayout } from './AuthLayout';
import { useSession } from './store';

interface SetupValues {
  displayName: string;
  username: string;
  passphrase: string;
  confirm: string;
}

export function SetupScreen() {
  const databaseWithoutKeys = useSession((s) => s.databaseWithoutKeys);
  const [restoring, setRestoring] = useState(false);
  // A database is here without its key slots: creating an administrator is refused (the
  // core refuses it too); only a backup's key slots, or the whole backup, may come back.
  if (databaseWithoutKeys) {
    return (
      <AuthLayout title={t('backup.restore.title')}>
        <Alert
          type="error"
          showIcon
          title={t('backup.firstRun.orphanTitle')}
          description={t('backup.firstRun.orphanDetail')}
          style={{ marginBottom: 16 }}
        />
        <FirstRunRestore keysOnlyOffered />
      </AuthLayout>
    );
  }
  if (restoring) {
    return (
      <AuthLayout title={t('backup.restore.title')}>
        <FirstRunRestore keysOnlyOffered={false} onBack={() => setRestoring(false)} />
      </AuthLayout>
    );
  }
  return <CreateFirstAdmin onRestore={() => setRestoring(true)} />;
}

function CreateFirstAdmin({ onRestore }: { onRestore: () => void }) {
  const [form] = Form.useForm<SetupValues>();
  const signedIn = useSession((s) => s.signedIn);
  const call = useCallback(
    ({ displayName, username, passphrase }: SetupValues) =>
      api('session.setup', { displayName: displayName.trim(), username: username.trim(), passphrase }),
    [],
  );
  const { onFinish, submitting, failure } = useApiForm(form, call, { onSuccess: signedIn });

  return (
    <AuthLayout title={t('accounts.setup.title')}>
      <Typography.Paragraph type="secondary">{t('accounts.setup.intro')}</Typography.Paragraph>
      <FormAlert failure={failure} />
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="off">
        <AccountNameFields usernameAutoComplete="username" />
        <NewPassphraseItem
          name="passphrase"
          label={t('accounts.fields.passphrase')}
          confirm={t('accounts.fields.confirm')}
        />
        <Alert type="warning" showIcon title={t('accounts.setup.warning')} style={{ marginBottom: 16 }} />
        <Button type="primary" htmlType="submit" block loading={submitting}>
          {t('accounts.setup.submit')}
        </Button>
      </Form>
      <Divider plain>{t('backup.firstRun.offer')}</Divider>
      <Button block onClick={onRestore}>
        {t('backup.firstRun.restoreButton')}
      </Button>
    </AuthLayout>
  );
}
