import { Button, Card, Form, InputNumber, Typography } from 'antd';
import { useCallback, useEffect } from 'react';
import { MAX_ATTACHMENT_MAX_MB } from '../../../db/attachments/codes';
import { t } from '../../../db/i18n';
import { api } from '../api/client';
import { FormAlert } from '../common/FormAlert';
import { useApiForm } from '../common/useApiForm';
import { useApiQuery } from '../common/useApiQuery';

/** 附件大小上限 per file; administrators edit. */
export function AttachmentSettingsCard({ canEdit }: { canEdit: boolean }) {
  const [form] = Form.useForm<{ attachmentMaxMb: number }>();
  const { data } = useApiQuery('settings.get', {});
  useEffect(() => {
    if (data) form.setFieldsValue({ attachmentMaxMb: data.attachmentMaxMb });
  }, [data, form]);
  const call = useCallback(
    (v: { attachmentMaxMb: number }) => api('settings.update', { attachmentMaxMb: v.attachmentMaxMb }),
    [],
  );
  const { onFinish, submitting, failure } = useApiForm(form, call, {
    successMessage: t('attachments.settings.saved'),
  });
  return (
    <Card title={t('attachments.settings.title')} data-testid="attachment-settings">
      <Typography.Paragraph type="secondary">{t('attachments.settings.hint')}</Typography.Paragraph>
      <FormAlert failure={failure} />
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} disabled={!canEdit}>
        <Form.Item
          label={t('attachments.settings.maxMb')}
          name="attachmentMaxMb"
          extra={canEdit ? undefined : t('referrals.settings.adminOnly')}
        >
          <InputNumber min={1} max={MAX_ATTACHMENT_MAX_MB} precision={0} suffix="MB" style={{ width: 200 }} />
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
