import { Button, DatePicker, Flex, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback } from 'react';
import { t } from '../../../db/i18n';
import { api } from '../api/client';
import { DATE_FORMAT, dateItem, todayText } from '../common/dates';
import { FormAlert } from '../common/FormAlert';
import { useApiForm } from '../common/useApiForm';
import type { ReminderItem } from './parts';

interface SnoozeValues {
  until?: string | null;
  reason?: string;
}

const DEFAULT_DAYS = 7;

/** 暂缓: a date it comes back and a reason, both kept in the audit log by the API. */
export function SnoozeModal({
  item,
  forUserId,
  onClose,
  onDone,
}: {
  item: ReminderItem;
  /** Put off on this colleague's board instead of one's own. */
  forUserId?: string;
  onClose: () => void;
  onDone: (until: string) => void;
}) {
  const [form] = Form.useForm<SnoozeValues>();
  const call = useCallback(
    (v: SnoozeValues) =>
      api('reminders.snooze', {
        key: item.key,
        forUserId,
        until: v.until ?? '',
        reason: v.reason ?? '',
      }).then(() => v.until ?? ''),
    [item.key, forUserId],
  );
  const { onFinish, submitting, failure } = useApiForm(form, call, { onSuccess: onDone });
  const today = todayText();
  return (
    <Modal
      title={t('reminders.snooze.title')}
      open
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('app.common.cancel')}</Button>
          <Button type="primary" loading={submitting} onClick={() => form.submit()}>
            {t('reminders.snooze.ok')}
          </Button>
        </Flex>
      }
    >
      <div data-testid="snooze-dialog">
        <Typography.Paragraph strong>
          {t('reminders.snooze.what', { child: item.childName, title: item.title })}
        </Typography.Paragraph>
        <FormAlert failure={failure} />
        <Form<SnoozeValues>
          form={form}
          name="snooze"
          layout="vertical"
          onFinish={onFinish}
          autoComplete="off"
          initialValues={{ until: dayjs(today).add(DEFAULT_DAYS, 'day').format(DATE_FORMAT) }}
        >
          <Form.Item
            label={t('reminders.snooze.until')}
            name="until"
            rules={[
              { required: true, message: t('validation.reminder.untilFuture') },
              {
                validator: (_, v?: string | null) =>
                  v && v <= today
                    ? Promise.reject(new Error(t('validation.reminder.untilFuture')))
                    : Promise.resolve(),
              },
            ]}
            {...dateItem}
          >
            <DatePicker
              format={DATE_FORMAT}
              allowClear={false}
              disabledDate={(d: Dayjs) => d.format(DATE_FORMAT) <= today}
              style={{ width: 220 }}
            />
          </Form.Item>
          <Form.Item
            label={t('reminders.snooze.reason')}
            name="reason"
            rules={[{ required: true, whitespace: true, message: t('validation.reminder.reasonRequired') }]}
            extra={t('reminders.snooze.auditNote')}
            style={{ marginBottom: 0 }}
          >
            <Input.TextArea
              maxLength={500}
              autoSize={{ minRows: 2, maxRows: 5 }}
              placeholder={t('reminders.snooze.reasonPlaceholder')}
            />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
