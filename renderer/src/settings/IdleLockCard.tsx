import { Button, Card, Form, InputNumber, Typography } from 'antd';
import { useCallback, useEffect } from 'react';
import { t } from '../../../db/i18n';
import { api } from '../api/client';
import { FormAlert } from '../common/FormAlert';
import { useApiForm } from '../common/useApiForm';
import { useApiQuery } from '../common/useApiQuery';
import { useSession } from '../session/store';

interface IdleValues {
  idleMinutes: number;
}

export function IdleLockCard({ canEdit }: { canEdit: boolean }) {
  const [form] = Form.useForm<IdleValues>();
  const setIdleMinutes = useSession((s) => s.setIdleMinutes);
  const current = useSession((s) => s.idleMinutes);
  const { data } = useApiQuery('settings.get', {});

  useEffect(() => {
    if (data) form.setFieldsValue({ idleMinutes: data.idleMinutes });
  }, [data, form]);

  const call = useCallback(({ idleMinutes }: IdleValues) => api('settings.update', { idleMinutes }), []);
  // The running idle timer picks the new limit up at once.
  const onSuccess = useCallback(
    (r: { idleMinutes: number }) => setIdleMinutes(r.idleMinutes),
    [setIdleMinutes],
  );
  const { onFinish, submitting, failure } = useApiForm(form, call, {
    successMessage: t('settings.idle.saved'),
    onSuccess,
  });

  return (
    <Card title={t('settings.idle.title')} style={{ flex: '1 1 320px', maxWidth: 480 }}>
      <Typography.Paragraph type="secondary">{t('settings.idle.hint')}</Typography.Paragraph>
      <Typography.Paragraph>{t('settings.idle.current', { minutes: current })}</Typography.Paragraph>
      <FormAlert failure={failure} />
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} disabled={!canEdit}>
        <Form.Item
          label={t('settings.idle.label')}
          name="idleMinutes"
          extra={canEdit ? undefined : t('settings.idle.adminOnly')}
          rules={[
            {
              required: true,
              type: 'integer',
              min: 1,
              max: 120,
              message: t('validation.settings.idleMinutes'),
            },
          ]}
        >
          <InputNumber min={1} max={120} precision={0} style={{ width: 160 }} />
        </Form.Item>
        {canEdit && (
          <Button type="primary" htmlType="submit" loading={submitting}>
            {t('app.common.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
