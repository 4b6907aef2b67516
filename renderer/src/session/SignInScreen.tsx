import { Alert, Button, Form, Input } from 'antd';
import { useCallback } from 'react';
import { t } from '../../../db/i18n';
import { api } from '../api/client';
import { FormAlert } from '../common/FormAlert';
import { useApiForm } from '../common/useApiForm';
import { AuthLayout } from './AuthLayout';
import { type LockCause, useSession } from './store';

interface SignInValues {
  username: string;
  passphrase: string;
}

const causeMessage: Record<LockCause, () => string> = {
  manual: () => t('app.lock.manual'),
  idle: () => t('app.lock.idle'),
  system: () => t('app.lock.system'),
  reload: () => t('app.lock.reload'),
  other: () => t('app.lock.other'),
};

export function SignInScreen() {
  const [form] = Form.useForm<SignInValues>();
  const signedIn = useSession((s) => s.signedIn);
  const lockCause = useSession((s) => s.lockCause);
  const lastUsername = useSession((s) => s.lastUsername);
  const call = useCallback(
    ({ username, passphrase }: SignInValues) =>
      api('session.signIn', { username: username.trim(), passphrase }),
    [],
  );
  const { onFinish, submitting, failure } = useApiForm(form, call, { onSuccess: signedIn });

  return (
    <AuthLayout title={t('accounts.signIn.title')}>
      {lockCause && !failure && (
        <Alert
          type="info"
          showIcon
          role="status"
          data-testid="lock-reason"
          title={causeMessage[lockCause]()}
          style={{ marginBottom: 16 }}
        />
      )}
      <FormAlert failure={failure} />
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        requiredMark={false}
        initialValues={{ username: lastUsername ?? '' }}
      >
        <Form.Item
          label={t('accounts.fields.username')}
          name="username"
          rules={[{ required: true, whitespace: true, message: t('accounts.signIn.usernameRequired') }]}
        >
          <Input autoComplete="username" autoFocus={!lastUsername} />
        </Form.Item>
        <Form.Item
          label={t('accounts.fields.passphrase')}
          name="passphrase"
          rules={[{ required: true, message: t('accounts.signIn.passphraseRequired') }]}
        >
          <Input.Password autoComplete="current-password" autoFocus={Boolean(lastUsername)} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting}>
          {t('accounts.signIn.submit')}
        </Button>
      </Form>
    </AuthLayout>
  );
}
