import { Flex } from 'antd';
import type { SessionUser } from '../../../db/api/define';
import { t } from '../../../db/i18n';
import { AttachmentSettingsCard } from '../attachments/AttachmentSettingsCard';
import { BackupCard } from '../backup/BackupCard';
import { BackupSettingsCard } from '../backup/BackupSettingsCard';
import { HolidaysCard } from '../calendar/HolidaysPage';
import { PageHeader } from '../common/PageHeader';
import { ReportSettingsCard } from '../reports/ReportSettingsCard';
import { AccountsCard } from './AccountsCard';
import { ChangePassphraseCard } from './ChangePassphraseCard';
import { IdleLockCard } from './IdleLockCard';
import { ReferralSettingsCard } from './ReferralSettingsCard';
import { ReliefSettingsCard } from './ReliefSettingsCard';

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
        <ReportSettingsCard canEdit={isAdmin} />
        <ReliefSettingsCard canEdit={isAdmin} />
        <AttachmentSettingsCard canEdit={isAdmin} />
        {isAdmin && <AccountsCard currentUserId={user.id} />}
        <BackupCard isAdmin={isAdmin} />
        {isAdmin && <BackupSettingsCard />}
      </Flex>
    </>
  );
}
