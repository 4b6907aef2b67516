// The card of one group of settings (设置 and the areas' own cards): the stored values loaded into
// the form, the save sending only this card's keys, and for anyone but an administrator a
// read-only form without the button.
import { Button, Card, Form, Typography } from 'antd';
import { type CSSProperties, type ReactNode, useCallback, useEffect } from 'react';
import { t } from '../../../db/i18n';
import { type ApiInput, type ApiOutput, api } from '../api/client';
import { FormAlert } from './FormAlert';
import { useApiForm } from './useApiForm';
import { useApiQuery } from './useApiQuery';

type Stored = ApiOutput<'settings.get'>;
type SettingKey = keyof ApiInput<'settings.update'> & keyof Stored;
type Saved = ApiOutput<'settings.update'>;

export function SettingsCard<K extends SettingKey>({
  keys,
  title,
  testId,
  hint,
  canEdit,
  successMessage,
  onSaved,
  style,
  children,
}: {
  keys: readonly K[];
  title: string;
  testId?: string;
  /** Above the form: what the setting does. */
  hint?: ReactNode;
  canEdit: boolean;
  successMessage: string;
  onSaved?: (saved: Saved) => void;
  style?: CSSProperties;
  children: ReactNode;
}) {
  const [form] = Form.useForm<Pick<Stored, K>>();
  const { data } = useApiQuery('settings.get', {});
  // biome-ignore lint/correctness/useExhaustiveDependencies: a card's keys are fixed
  useEffect(() => {
    if (data) form.setFieldsValue(pick(data, keys));
  }, [data, form]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a card's keys are fixed
  const call = useCallback(
    (v: Pick<Stored, K>) => api('settings.update', pick(v, keys) as ApiInput<'settings.update'>),
    [],
  );
  const { onFinish, submitting, failure } = useApiForm(form, call, { successMessage, onSuccess: onSaved });
  return (
    <Card title={title} data-testid={testId} style={style}>
      {typeof hint === 'string' ? <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph> : hint}
      <FormAlert failure={failure} />
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} disabled={!canEdit}>
        {children}
        {canEdit && (
          <Button type="primary" htmlType="submit" loading={submitting}>
            {t('app.common.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}

function pick<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = from[k];
  return out;
}
