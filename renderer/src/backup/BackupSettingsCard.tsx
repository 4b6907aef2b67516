import { Button, Card, Flex, Form, Input, InputNumber, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { t } from '../../../db/i18n';
import { api } from '../api/client';
import { FormAlert } from '../common/FormAlert';
import { useApiForm } from '../common/useApiForm';
import { useApiQuery } from '../common/useApiQuery';
import { chooseFolder } from './dialogs';

interface Values {
  backupSecondFolder: string;
  backupKeepDaily: number;
  backupKeepWeekly: number;
  backupKeepMonthly: number;
  backupWarnDays: number;
}

/** Where backups go besides the data folder, how many are kept, and when 首页 warns. */
export function BackupSettingsCard() {
  const [form] = Form.useForm<Values>();
  const { data } = useApiQuery('settings.get', {});
  const [noDialog, setNoDialog] = useState(false);
  useEffect(() => {
    if (data)
      form.setFieldsValue({
        backupSecondFolder: data.backupSecondFolder,
        backupKeepDaily: data.backupKeepDaily,
        backupKeepWeekly: data.backupKeepWeekly,
        backupKeepMonthly: data.backupKeepMonthly,
        backupWarnDays: data.backupWarnDays,
      });
  }, [data, form]);
  const call = useCallback(
    (v: Values) => api('settings.update', { ...v, backupSecondFolder: v.backupSecondFolder ?? '' }),
    [],
  );
  const { onFinish, submitting, failure } = useApiForm(form, call, {
    successMessage: t('backup.settings.saved'),
  });

  const pick = async () => {
    const folder = await chooseFolder();
    if (folder === undefined) setNoDialog(true);
    else if (folder) form.setFieldValue('backupSecondFolder', folder);
  };

  const count = (name: keyof Values, label: string, min: number, max: number, msg: string) => (
    <Form.Item
      label={label}
      name={name}
      rules={[{ required: true, type: 'integer', min, max, message: msg }]}
    >
      <InputNumber min={min} max={max} precision={0} style={{ width: 120 }} />
    </Form.Item>
  );

  return (
    <Card title={t('backup.settings.title')} data-testid="backup-settings">
      <FormAlert failure={failure} />
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item label={t('backup.settings.secondFolder')} extra={t('backup.settings.secondFolderHint')}>
          <Space.Compact style={{ width: '100%', maxWidth: 560 }}>
            <Form.Item name="backupSecondFolder" noStyle>
              <Input placeholder={t('backup.settings.secondFolderPlaceholder')} allowClear />
            </Form.Item>
            {!noDialog && <Button onClick={() => void pick()}>{t('backup.settings.choose')}</Button>}
          </Space.Compact>
        </Form.Item>
        <Flex gap={16} wrap>
          {count(
            'backupKeepDaily',
            t('backup.settings.keepDaily'),
            1,
            60,
            t('validation.settings.backupKeepDaily'),
          )}
          {count(
            'backupKeepWeekly',
            t('backup.settings.keepWeekly'),
            0,
            52,
            t('validation.settings.backupKeepWeekly'),
          )}
          {count(
            'backupKeepMonthly',
            t('backup.settings.keepMonthly'),
            0,
            120,
            t('validation.settings.backupKeepMonthly'),
          )}
          {count(
            'backupWarnDays',
            t('backup.settings.warnDays'),
            1,
            90,
            t('validation.settings.backupWarnDays'),
          )}
        </Flex>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {t('app.common.save')}
        </Button>
      </Form>
    </Card>
  );
}
