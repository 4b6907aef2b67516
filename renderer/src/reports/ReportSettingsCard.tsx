import { Button, Card, Form, InputNumber } from 'antd';
import { useCallback, useEffect } from 'react';
import { t } from '../../../db/i18n';
import { api } from '../api/client';
import { FormAlert } from '../common/FormAlert';
import { useApiForm } from '../common/useApiForm';
import { useApiQuery } from '../common/useApiQuery';

/** 强制报告's one setting: how many days without a follow-up before the board reminds. Admins edit. */
export function ReportSettingsCard({ canEdit }: { canEdit: boolean }) {
  const [form] = Form.useForm<{ reportFollowUpDays: number }>();
  const { data } = useApiQuery('settings.get', {});
  useEffect(() => {
    if (data) form.setFieldsValue({ reportFollowUpDays: data.reportFollowUpDays });
  }, [data, form]);
  const call = useCallback(
    (v: { reportFollowUpDays: number }) =>
      api('settings.update', { reportFollowUpDays: v.reportFollowUpDays }),
    [],
  );
  const { onFinish, submitting, failure } = useApiForm(form, call, {
    successMessage: t('mandatoryReports.settings.saved'),
  });
  return (
    <Card title={t('mandatoryReports.settings.title')} data-testid="report-settings">
      <FormAlert failure={failure} />
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} disabled={!canEdit}>
        <Form.Item
          label={t('mandatoryReports.settings.followUpDays')}
          name="reportFollowUpDays"
          extra={
            canEdit
              ? t('mandatoryReports.settings.followUpDaysHint')
              : t('mandatoryReports.settings.adminOnly')
          }
        >
          <InputNumber min={1} max={90} precision={0} style={{ width: 160 }} />
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
