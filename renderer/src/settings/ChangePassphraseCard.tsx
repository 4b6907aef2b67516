import { Button, Card, Form, Input, Typography } from 'antd';
import { useCallback } from 'react';
import { t } from '../../../db/i18n';
import { api } from '../api/client';
import { NewPassphraseItem } from '../common/AccountFields';
import { FormAlert } from '../common/FormAlert';
import { useApiForm } from '../common/useApiForm';

interface ChangeValues {
  current: string;
  next: string;
  confirm: string;
}

export function ChangePassphraseCard({ username }: { username: string }) {
  const [form] = Form.useForm<ChangeValues>();
  const call = useCallback(
    ({ current, next }: ChangeValues) => api('session.changePassphrase', { current, next }),
    [],
  );
  const onSuccess = useCallback(() => form.resetFields(), [form]);
  const { onFinish, submitting, failure } = useApiForm(form, call, {
    successMessage: t('accounts.change.done'),
    onSuccess,
  });

  return (
    <Card title={t('accounts.change.title')} style={{ flex: '1 1 380px', maxWidth: 560 }}>
      <Typography.Paragraph type="secondary">{t('accounts.change.intro')}</Typography.Paragraph>
      <FormAlert failure={failure} />
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="off">
        <Form.Item
          label={t('accounts.fields.current')}
          name="current"
          rules={[{ required: true, message: t('accounts.passphrase.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPassphraseItem
          name="next"
          label={t('accounts.fields.next')}
          confirm={t('accounts.fields.confirmNext')}
          username={username}
        />
        <Button type="primary" htmlType="submit" loading={submitting}>
          {t('accounts.change.submit')}
        </Button>
      </Form>
    </Card>
  );
}
