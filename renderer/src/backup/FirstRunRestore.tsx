import { Alert, Button, Flex, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { t } from '../../../db/i18n';
import { formatDateTime } from '../common/dates';
import { useApiQuery } from '../common/useApiQuery';
import { useSession } from '../session/store';
import { chooseBackupFile, formatBytes } from './dialogs';
import { RestoreForm } from './RestoreForm';

/**
 * 从备份恢复 on a first run (a new PC, or a data folder that lost its key slots): pick a
 * backup (found in the data folder, chosen in a dialog, or typed), see what it holds, and
 * restore it with an administrator's passphrase from that backup.
 */
export function FirstRunRestore({
  keysOnlyOffered,
  onBack,
}: {
  keysOnlyOffered: boolean;
  onBack?: () => void;
}) {
  const signedIn = useSession((s) => s.signedIn);
  const start = useSession((s) => s.start);
  const found = useApiQuery('backup.list', {});
  const [typed, setTyped] = useState('');
  const [file, setFile] = useState<string | null>(null);
  const [mode, setMode] = useState<'all' | 'keys'>(keysOnlyOffered ? 'keys' : 'all');
  const [noDialog, setNoDialog] = useState(false);

  const pick = async () => {
    const chosen = await chooseBackupFile();
    if (chosen === undefined) setNoDialog(true);
    else if (chosen) setFile(chosen);
  };

  if (file) {
    return (
      <Flex vertical gap={12}>
        {keysOnlyOffered && (
          <Space>
            <Button type={mode === 'keys' ? 'primary' : 'default'} onClick={() => setMode('keys')}>
              {t('backup.firstRun.restoreKeys')}
            </Button>
            <Button type={mode === 'all' ? 'primary' : 'default'} onClick={() => setMode('all')}>
              {t('backup.firstRun.restoreAll')}
            </Button>
          </Space>
        )}
        <RestoreForm
          key={`${file}-${mode}`}
          file={file}
          keysOnly={mode === 'keys'}
          replacesCurrent={keysOnlyOffered}
          onCancel={() => setFile(null)}
          onRestored={(user) => {
            if (user) signedIn(user);
            else void start();
          }}
        />
      </Flex>
    );
  }

  return (
    <Flex vertical gap={12} data-testid="first-run-restore">
      {(found.data?.length ?? 0) > 0 && (
        <List
          size="small"
          bordered
          header={t('backup.firstRun.found')}
          dataSource={found.data ?? []}
          renderItem={(item) => (
            <List.Item
              actions={[
                <Button key="show" size="small" onClick={() => setFile(item.path)}>
                  {t('backup.firstRun.show')}
                </Button>,
              ]}
            >
              <Typography.Text>
                {item.createdAt ? formatDateTime(item.createdAt) : item.name} · {formatBytes(item.bytes)}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
      <Typography.Text strong>{t('backup.firstRun.fileLabel')}</Typography.Text>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          placeholder={t('backup.firstRun.filePlaceholder')}
          aria-label={t('backup.firstRun.fileLabel')}
        />
        <Button type="primary" disabled={typed.trim() === ''} onClick={() => setFile(typed.trim())}>
          {t('backup.firstRun.show')}
        </Button>
      </Space.Compact>
      {!noDialog && <Button onClick={() => void pick()}>{t('backup.firstRun.chooseFile')}</Button>}
      {found.error && <Alert type="error" showIcon title={found.error} />}
      {onBack && (
        <Button type="link" onClick={onBack} style={{ alignSelf: 'flex-start', padding: 0 }}>
          {t('backup.firstRun.backToSetup')}
        </Button>
      )}
    </Flex>
  );
}
