// The list of requirements (an order's) or goals (a plan's) a form edits; db/followups checks them.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Input, Typography } from 'antd';
import { t } from '../../../db/i18n';
import { DATE_FORMAT, dateItem } from '../common/dates';

/**
 * A dynamic list of {text, dueDate}: an order's requirements or a plan's goals. Inputs are
 * named by their number, so a person (or a test) can tell the rows apart.
 */
export function RequirementList({
  name,
  textLabel,
  addLabel,
}: {
  name: string;
  textLabel: string;
  addLabel?: string;
}) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={8}>
          {fields.map((field, i) => (
            <Flex key={field.key} gap={8} align="start">
              <Typography.Text style={{ width: 24, lineHeight: '32px', flex: 'none' }}>
                {i + 1}.
              </Typography.Text>
              <Form.Item name={[field.name, 'text']} style={{ flex: 1, marginBottom: 0 }}>
                <Input
                  maxLength={300}
                  aria-label={t('orders.form.rowText', { label: textLabel, n: i + 1 })}
                  placeholder={textLabel}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'dueDate']} style={{ width: 170, marginBottom: 0 }} {...dateItem}>
                <DatePicker
                  format={DATE_FORMAT}
                  aria-label={t('orders.form.rowDue', { n: i + 1 })}
                  placeholder={t('orders.shared.dueDate')}
                  style={{ width: '100%' }}
                />
              </Form.Item>
              <Button
                icon={<DeleteOutlined />}
                aria-label={t('orders.form.rowRemove', { n: i + 1 })}
                onClick={() => remove(field.name)}
              />
            </Flex>
          ))}
          <Form.ErrorList errors={errors} />
          <div>
            <Button icon={<PlusOutlined />} onClick={() => add({ text: '', dueDate: null })}>
              {addLabel ?? t('orders.form.addRequirement')}
            </Button>
          </div>
        </Flex>
      )}
    </Form.List>
  );
}
