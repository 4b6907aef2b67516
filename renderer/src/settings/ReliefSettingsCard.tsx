import { Button, Card, Form, InputNumber, Typography } from 'antd';
import { useCallback, useEffect } from 'react';
import { t } from '../../../db/i18n';
import { CEILING_MONTHS } from '../../../db/relief/codes';
import { api } from '../api/client';
import { FormAlert } from '../common/FormAlert';
import { useApiForm } from '../common/useApiForm';
import { useApiQuery } from '../common/useApiQuery';

/** 国家司法救助's monthly wage figure: 36 months of it is the usual ceiling (a warning only). Admins edit. */
export function ReliefSettingsCard({ canEdit }: { canEdit: boolean }) {
  const [form] = Form.useForm<{ reliefMonthlyWage: number }>();
  const { data } = useApiQuery('settings.get', {});
  useEffect(() => {
    if (data) form.setFieldsValue({ reliefMonthlyWage: data.reliefMonthlyWage });
  }, [data, form]);
  const call = useCallback(
    (v: { reliefMonthlyWage: number }) => api('settings.update', { reliefMonthlyWage: v.reliefMonthlyWage }),
    [],
  );
  const { onFinish, submitting, failure } = useApiForm(form, call, {
    successMessage: t('relief.settings.saved'),
  });
  return (
    <Card title={t('relief.settings.title')} data-testid="relief-settings">
      <Typography.Paragraph type="secondary">
        {t('relief.settings.hint', { months: CEILING_MONTHS })}
      </Typography.Paragraph>
      <FormAlert failure={failure} />
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} disabled={!canEdit}>
        <Form.Item
          label={t('relief.settings.wage')}
          name="reliefMonthlyWage"
          extra={canEdit ? undefined : t('referrals.settings.adminOnly')}
        >
          <InputNumber min={1000} max={100000} precision={0} suffix="元" style={{ width: 200 }} />
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
