// A settings card that holds one whole number (强制报告's follow-up days, the wage figure, the
// attachment size limit): one component and a table row each, so the cards read and behave alike.
import { Form, InputNumber } from 'antd';
import { t } from '../../../db/i18n';
import type { ApiInput } from '../api/client';
import type { CatalogBlock } from './labels';
import { SettingsCard } from './SettingsCard';

/** A catalog block that words the card: `<block>.title`, `.label` (the field), `.saved` (the toast). */
type NumberBlock = CatalogBlock<'label', 'title' | 'saved'>;

type NumberKey = {
  [K in keyof ApiInput<'settings.update'>]-?: NonNullable<ApiInput<'settings.update'>[K]> extends number
    ? K
    : never;
}[keyof ApiInput<'settings.update'>];

export type NumberSetting = {
  key: NumberKey;
  block: NumberBlock;
  testId: string;
  min: number;
  max: number;
  suffix?: string;
  /** Above the form: what the setting does. */
  hint?: string;
  /** Under the field for administrators; everyone else reads that only administrators may change it. */
  fieldHint?: string;
  width?: number;
};

export function NumberSettingCard({ setting: s, canEdit }: { setting: NumberSetting; canEdit: boolean }) {
  return (
    <SettingsCard
      keys={[s.key]}
      title={t(`${s.block}.title`)}
      testId={s.testId}
      hint={s.hint}
      canEdit={canEdit}
      successMessage={t(`${s.block}.saved`)}
    >
      <Form.Item
        label={t(`${s.block}.label`)}
        name={s.key}
        extra={canEdit ? s.fieldHint : t('settings.adminOnly')}
      >
        <InputNumber
          min={s.min}
          max={s.max}
          precision={0}
          suffix={s.suffix}
          style={{ width: s.width ?? 160 }}
        />
      </Form.Item>
    </SettingsCard>
  );
}
