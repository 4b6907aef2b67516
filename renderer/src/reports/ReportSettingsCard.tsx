import { Form, InputNumber } from 'antd';
import { t } from '../../../db/i18n';
import { SettingsCard } from '../common/SettingsCard';

/** 强制报告's one setting: how many days without a follow-up before the board reminds. Admins edit. */
export function ReportSettingsCard({ canEdit }: { canEdit: boolean }) {
  return (
    <SettingsCard
      keys={['reportFollowUpDays']}
      title={t('mandatoryReports.settings.title')}
      testId="report-settings"
      canEdit={canEdit}
      successMessage={t('mandatoryReports.settings.saved')}
    >
      <Form.Item
        label={t('mandatoryReports.settings.followUpDays')}
        name="reportFollowUpDays"
        extra={
          canEdit ? t('mandatoryReports.settings.followUpDaysHint') : t('mandatoryReports.settings.adminOnly')
        }
      >
        <InputNumber min={1} max={90} precision={0} style={{ width: 160 }} />
      </Form.Item>
    </SettingsCard>
  );
}
