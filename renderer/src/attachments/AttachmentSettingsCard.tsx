import { Form, InputNumber } from 'antd';
import { MAX_ATTACHMENT_MAX_MB } from '../../../db/attachments/codes';
import { t } from '../../../db/i18n';
import { SettingsCard } from '../common/SettingsCard';

/** 附件大小上限 per file; administrators edit. */
export function AttachmentSettingsCard({ canEdit }: { canEdit: boolean }) {
  return (
    <SettingsCard
      keys={['attachmentMaxMb']}
      title={t('attachments.settings.title')}
      testId="attachment-settings"
      hint={t('attachments.settings.hint')}
      canEdit={canEdit}
      successMessage={t('attachments.settings.saved')}
    >
      <Form.Item
        label={t('attachments.settings.maxMb')}
        name="attachmentMaxMb"
        extra={canEdit ? undefined : t('referrals.settings.adminOnly')}
      >
        <InputNumber min={1} max={MAX_ATTACHMENT_MAX_MB} precision={0} suffix="MB" style={{ width: 200 }} />
      </Form.Item>
    </SettingsCard>
  );
}
