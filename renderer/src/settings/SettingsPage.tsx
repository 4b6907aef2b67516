import { Flex } from 'antd';
import type { SessionUser } from '../../../db/api/define';
import { MAX_ATTACHMENT_MAX_MB } from '../../../db/attachments/codes';
import { t } from '../../../db/i18n';
import { CEILING_MONTHS } from '../../../db/relief/codes';
import { BackupCard } from '../backup/BackupCard';
import { BackupSettingsCard } from '../backup/BackupSettingsCard';
import { HolidaysCard } from '../calendar/HolidaysPage';
import { type NumberSetting, NumberSettingCard } from '../common/NumberSettingCard';
import { PageHeader } from '../common/PageHeader';
import { AccountsCard } from './AccountsCard';
import { ChangePassphraseCard } from './ChangePassphraseCard';
import { IdleLockCard } from './IdleLockCard';
import { ReferralSettingsCard } from './ReferralSettingsCard';

/** The cards of one number each; administrators edit them. */
const NUMBER_SETTINGS: NumberSetting[] = [
  // 强制报告: how many days without a follow-up before the board reminds.
  {
    key: 'reportFollowUpDays',
    block: 'mandatoryReports.settings',
    testId: 'report-settings',
    min: 1,
    max: 90,
    fieldHint: t('mandatoryReports.settings.fieldHint'),
  },
  // 国家司法救助's monthly wage figure: 36 months of it is the usual ceiling (a warning only).
  {
    key: 'reliefMonthlyWage',
    block: 'relief.settings',
    testId: 'relief-settings',
    min: 1000,
    max: 100000,
    suffix: t('relief.yuan'),
    hint: t('relief.settings.hint', { months: CEILING_MONTHS }),
    width: 200,
  },
  // 附件大小上限 per file.
  {
    key: 'attachmentMaxMb',
    block: 'attachments.settings',
    testId: 'attachment-settings',
    min: 1,
    max: MAX_ATTACHMENT_MAX_MB,
    suffix: 'MB',
    hint: t('attachments.settings.hint'),
    width: 200,
  },
];

export function SettingsPage({ user }: { user: SessionUser }) {
  const isAdmin = user.role === 'admin';
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <Flex vertical gap={16}>
        <Flex gap={16} wrap align="stretch">
          <ChangePassphraseCard username={user.username} />
          <IdleLockCard canEdit={isAdmin} />
        </Flex>
        <ReferralSettingsCard canEdit={isAdmin} />
        {isAdmin && <HolidaysCard />}
        {NUMBER_SETTINGS.map((s) => (
          <NumberSettingCard key={s.key} setting={s} canEdit={isAdmin} />
        ))}
        {isAdmin && <AccountsCard currentUserId={user.id} />}
        <BackupCard isAdmin={isAdmin} />
        {isAdmin && <BackupSettingsCard />}
      </Flex>
    </>
  );
}
