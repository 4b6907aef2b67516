import { Form, InputNumber } from 'antd';
import { t } from '../../../db/i18n';
import { CEILING_MONTHS } from '../../../db/relief/codes';
import { SettingsCard } from '../common/SettingsCard';

/** 国家司法救助's monthly wage figure: 36 months of it is the usual ceiling (a warning only). Admins edit. */
export function ReliefSettingsCard({ canEdit }: { canEdit: boolean }) {
  return (
    <SettingsCard
      keys={['reliefMonthlyWage']}
      title={t('relief.settings.title')}
      testId="relief-settings"
      hint={t('relief.settings.hint', { months: CEILING_MONTHS })}
      canEdit={canEdit}
      successMessage={t('relief.settings.saved')}
    >
      <Form.Item
        label={t('relief.settings.wage')}
        name="reliefMonthlyWage"
        extra={canEdit ? undefined : t('referrals.settings.adminOnly')}
      >
        <InputNumber min={1000} max={100000} precision={0} suffix={t('relief.yuan')} style={{ width: 200 }} />
      </Form.Item>
    </SettingsCard>
  );
}
