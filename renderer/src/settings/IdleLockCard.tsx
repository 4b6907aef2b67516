import { Form, InputNumber, Typography } from 'antd';
import { t } from '../../../db/i18n';
import { SettingsCard } from '../common/SettingsCard';
import { useSession } from '../session/store';

export function IdleLockCard({ canEdit }: { canEdit: boolean }) {
  const setIdleMinutes = useSession((s) => s.setIdleMinutes);
  const current = useSession((s) => s.idleMinutes);
  return (
    <SettingsCard
      keys={['idleMinutes']}
      title={t('settings.idle.title')}
      style={{ flex: '1 1 320px', maxWidth: 480 }}
      hint={
        <>
          <Typography.Paragraph type="secondary">{t('settings.idle.hint')}</Typography.Paragraph>
          <Typography.Paragraph>{t('settings.idle.current', { minutes: current })}</Typography.Paragraph>
        </>
      }
      canEdit={canEdit}
      successMessage={t('settings.idle.saved')}
      // The running idle timer picks the new limit up at once.
      onSaved={(r) => setIdleMinutes(r.idleMinutes)}
    >
      <Form.Item
        label={t('settings.idle.label')}
        name="idleMinutes"
        extra={canEdit ? undefined : t('settings.adminOnly')}
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
    </SettingsCard>
  );
}
