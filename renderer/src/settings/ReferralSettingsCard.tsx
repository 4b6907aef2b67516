import { CloseOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, InputNumber, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { t } from '../../../db/i18n';
import { SettingsCard } from '../common/SettingsCard';

/** The lists the referral forms choose from, and the verification deadline. Admins edit. */
export function ReferralSettingsCard({ canEdit }: { canEdit: boolean }) {
  const readOnly = canEdit ? undefined : t('settings.adminOnly');
  return (
    <SettingsCard
      keys={['sourceDepartments', 'agencies', 'verifyWorkdays']}
      title={t('referrals.settings.title')}
      testId="referral-settings"
      hint={t('referrals.settings.hint')}
      canEdit={canEdit}
      successMessage={t('referrals.settings.saved')}
    >
      <Flex gap={32} wrap>
        <Form.Item
          label={t('referrals.settings.departments')}
          name="sourceDepartments"
          extra={readOnly}
          rules={[{ required: true, type: 'array', min: 1, message: t('validation.settings.listEmpty') }]}
          style={{ flex: '1 1 320px' }}
        >
          <TagListInput editable={canEdit} label={t('referrals.settings.departments')} />
        </Form.Item>
        <Form.Item
          label={t('referrals.settings.agencies')}
          name="agencies"
          extra={readOnly}
          rules={[{ required: true, type: 'array', min: 1, message: t('validation.settings.listEmpty') }]}
          style={{ flex: '1 1 320px' }}
        >
          <TagListInput editable={canEdit} label={t('referrals.settings.agencies')} />
        </Form.Item>
      </Flex>
      <Form.Item
        label={t('referrals.settings.verifyWorkdays')}
        name="verifyWorkdays"
        extra={readOnly ?? t('referrals.settings.verifyWorkdaysHint')}
        rules={[
          {
            required: true,
            type: 'integer',
            min: 1,
            max: 30,
            message: t('validation.settings.verifyWorkdays'),
          },
        ]}
      >
        <InputNumber min={1} max={30} precision={0} style={{ width: 160 }} />
      </Form.Item>
    </SettingsCard>
  );
}

const MAX_NAME = 30;

/** An editable list of short names: tags to remove, a box to add. */
function TagListInput({
  id,
  value = [],
  onChange,
  editable,
  label,
}: {
  id?: string;
  value?: string[];
  onChange?: (v: string[]) => void;
  editable: boolean;
  label: string;
}) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const add = () => {
    const name = draft.trim();
    if (!name) return;
    if (value.includes(name)) {
      setProblem(t('referrals.settings.duplicate', { name }));
      return;
    }
    onChange?.([...value, name]);
    setDraft('');
    setProblem(null);
  };

  return (
    <div>
      <ul
        aria-label={t('referrals.settings.listLabel', { name: label })}
        style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: 8 }}
      >
        {value.map((item) => (
          <li key={item}>
            <Tag style={{ marginInlineEnd: 0, paddingInlineEnd: editable ? 2 : undefined, fontSize: 14 }}>
              {item}
              {editable && (
                <Button
                  type="text"
                  size="small"
                  icon={<CloseOutlined />}
                  aria-label={t('referrals.settings.remove', { name: item })}
                  onClick={() => onChange?.(value.filter((v) => v !== item))}
                  style={{ height: 20, width: 20, minWidth: 20, marginInlineStart: 2 }}
                />
              )}
            </Tag>
          </li>
        ))}
      </ul>
      {editable && (
        <Space.Compact style={{ marginTop: 10, maxWidth: 320, width: '100%' }}>
          <Input
            id={id}
            value={draft}
            maxLength={MAX_NAME}
            placeholder={t('referrals.settings.addPlaceholder')}
            onChange={(e) => {
              setDraft(e.target.value);
              setProblem(null);
            }}
            onPressEnter={(e) => {
              // Enter adds to the list; it must not submit the whole settings form.
              e.preventDefault();
              add();
            }}
          />
          <Button onClick={add}>{t('referrals.settings.add')}</Button>
        </Space.Compact>
      )}
      {problem && (
        <Typography.Text type="warning" style={{ display: 'block', marginTop: 4 }}>
          {problem}
        </Typography.Text>
      )}
    </div>
  );
}
