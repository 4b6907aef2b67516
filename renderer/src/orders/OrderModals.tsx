// The order's workflow dialogs. Each is mounted when it opens, so every opening starts from
// its initial values; each answers with the whole fresh order.
import { Alert, Checkbox, Col, DatePicker, Form, Input, Radio, Row, Typography } from 'antd';
import { useCallback } from 'react';
import { addMonths } from '../../../db/children/guardianship';
import { t } from '../../../db/i18n';
import { DEFAULT_OBSERVATION_MONTHS, EVALUATIONS, OUTCOMES } from '../../../db/orders/codes';
import { api } from '../api/client';
import { afterToday, DATE_FORMAT, dateItem, todayText } from '../common/dates';
import { FormModal, type ModalProps, ReasonModal, useModalForm } from '../common/FormDialog';
import { blankToNull } from '../common/forms';
import { FollowUpModal, type FollowUpSubmit, followUpInput } from '../followups/followUps';
import type { OrderView } from './parts';

type Props = ModalProps<OrderView> & { order: OrderView };

export function ApproveModal({ order, ...props }: Props) {
  const [form] = Form.useForm<{ issueDate?: string | null }>();
  const call = useCallback(
    (v: { issueDate?: string | null }) =>
      api('orders.approve', { id: order.id, version: order.version, issueDate: v.issueDate || null }),
    [order],
  );
  const { onFinish, submitting, failure } = useModalForm(form, call, props, t('orders.approve.done'));
  return (
    <FormModal
      title={t('orders.approve.title')}
      onClose={props.onClose}
      form={form}
      onFinish={onFinish}
      submitting={submitting}
      failure={failure}
      okText={t('orders.approve.submit')}
      initialValues={{ issueDate: todayText() }}
    >
      <Typography.Paragraph type="secondary">{t('orders.approve.intro')}</Typography.Paragraph>
      <Form.Item label={t('orders.fields.issueDate')} name="issueDate" {...dateItem}>
        <DatePicker format={DATE_FORMAT} style={{ width: 200 }} />
      </Form.Item>
    </FormModal>
  );
}

export function RejectModal({ order, ...props }: Props) {
  const [form] = Form.useForm<{ note?: string }>();
  const call = useCallback(
    (v: { note?: string }) =>
      api('orders.reject', { id: order.id, version: order.version, note: v.note ?? '' }),
    [order],
  );
  const { onFinish, submitting, failure } = useModalForm(form, call, props, t('orders.reject.done'));
  return (
    <FormModal
      title={t('orders.reject.title')}
      onClose={props.onClose}
      form={form}
      onFinish={onFinish}
      submitting={submitting}
      failure={failure}
      okText={t('orders.reject.submit')}
      danger
    >
      <Form.Item label={t('orders.reject.note')} name="note" required>
        <Input.TextArea rows={3} maxLength={500} placeholder={t('orders.reject.notePlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}

export function WithdrawModal({ order, ...props }: Props) {
  const call = useCallback(
    (reason: string) => api('orders.withdraw', { id: order.id, version: order.version, reason }),
    [order],
  );
  return (
    <ReasonModal
      {...props}
      title={t('orders.withdraw.title')}
      warning={t('orders.withdraw.warning')}
      label={t('orders.withdraw.reason')}
      okText={t('orders.withdraw.submit')}
      done={t('orders.withdraw.done')}
      call={call}
    />
  );
}

interface DeliveryValues {
  method?: 'written' | 'onSite';
  date: string | null;
  guardianSigned: boolean;
  observationEnd?: string | null;
}

/** 登记送达: delivery starts the 考察期, by default three months from the delivery date. */
export function DeliveryModal({ order, ...props }: Props) {
  const [form] = Form.useForm<DeliveryValues>();
  const date = Form.useWatch('date', form);
  const call = useCallback(
    (v: DeliveryValues) =>
      api('orders.recordDelivery', {
        id: order.id,
        version: order.version,
        method: v.method as 'written' | 'onSite',
        date: v.date ?? '',
        guardianSigned: !!v.guardianSigned,
        observationEnd: v.observationEnd || null,
      }),
    [order],
  );
  const { onFinish, submitting, failure } = useModalForm(form, call, props, t('orders.delivery.done'));
  const start = todayText() < (order.issueDate ?? '') ? order.issueDate : todayText();
  // The end follows the delivery date until the caseworker sets one of their own.
  const onValuesChange = (changed: Partial<DeliveryValues>) => {
    if ('date' in changed && !form.isFieldTouched('observationEnd')) {
      form.setFieldsValue({
        observationEnd: changed.date ? addMonths(changed.date, DEFAULT_OBSERVATION_MONTHS) : null,
      });
    }
  };
  return (
    <FormModal<DeliveryValues>
      title={t('orders.delivery.title')}
      onClose={props.onClose}
      form={form}
      onFinish={onFinish}
      submitting={submitting}
      failure={failure}
      okText={t('orders.delivery.submit')}
      onValuesChange={onValuesChange}
      initialValues={{
        date: start,
        guardianSigned: true,
        observationEnd: start ? addMonths(start, DEFAULT_OBSERVATION_MONTHS) : null,
      }}
    >
      <Form.Item label={t('orders.fields.deliveryMethod')} name="method" required>
        <Radio.Group
          optionType="button"
          options={(['written', 'onSite'] as const).map((m) => ({
            value: m,
            label: t(`codes.deliveryMethod.${m}`),
          }))}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            label={t('orders.fields.deliveryDate')}
            name="date"
            required
            extra={order.issueDate ? t('orders.delivery.notBefore', { date: order.issueDate }) : undefined}
            {...dateItem}
          >
            <DatePicker format={DATE_FORMAT} disabledDate={afterToday} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label={t('orders.fields.observationEnd')}
            name="observationEnd"
            extra={
              date
                ? t('orders.delivery.defaultEnd', {
                    months: DEFAULT_OBSERVATION_MONTHS,
                    date: addMonths(date, DEFAULT_OBSERVATION_MONTHS),
                  })
                : undefined
            }
            {...dateItem}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="guardianSigned" valuePropName="checked" style={{ marginBottom: 0 }}>
        <Checkbox>{t('orders.delivery.signed')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}

interface EvaluateValues {
  evaluation?: (typeof EVALUATIONS)[number];
  note?: string | null;
  outcome?: (typeof OUTCOMES)[number];
}

/**
 * 评估: the end of the 考察期. Escalation (指导 or 支持起诉) is open only when the guardian did
 * not meet the requirements; 责令接受家庭教育指导 opens a guidance plan.
 */
export function EvaluateModal({ order, ...props }: Props) {
  const [form] = Form.useForm<EvaluateValues>();
  const evaluation = Form.useWatch('evaluation', form);
  const call = useCallback(
    (v: EvaluateValues) =>
      api('orders.evaluate', {
        id: order.id,
        version: order.version,
        evaluation: v.evaluation as (typeof EVALUATIONS)[number],
        note: blankToNull(v.note),
        outcome: v.outcome as (typeof OUTCOMES)[number],
      }),
    [order],
  );
  const { onFinish, submitting, failure } = useModalForm(form, call, props, t('orders.evaluate.done'));
  const escalationOpen = evaluation === 'notMet';
  return (
    <FormModal<EvaluateValues>
      title={t('orders.evaluate.title')}
      onClose={props.onClose}
      form={form}
      onFinish={onFinish}
      submitting={submitting}
      failure={failure}
      okText={t('orders.evaluate.submit')}
      width={620}
      initialValues={{ outcome: 'close' }}
    >
      {order.followUps.length === 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('validation.order.followUpRequired')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form.Item label={t('orders.fields.evaluation')} name="evaluation" required>
        <Radio.Group
          optionType="button"
          onChange={(e) => {
            if (e.target.value !== 'notMet') form.setFieldsValue({ outcome: 'close' });
          }}
          options={EVALUATIONS.map((e) => ({ value: e, label: t(`codes.evaluation.${e}`) }))}
        />
      </Form.Item>
      <Form.Item label={t('orders.fields.evaluationNote')} name="note">
        <Input.TextArea rows={3} maxLength={2000} placeholder={t('orders.evaluate.notePlaceholder')} />
      </Form.Item>
      <Form.Item
        label={t('orders.fields.outcome')}
        name="outcome"
        required
        extra={escalationOpen ? t('orders.evaluate.guidanceHint') : t('orders.evaluate.closeOnly')}
      >
        <Radio.Group>
          {OUTCOMES.map((o) => (
            <Radio key={o} value={o} disabled={o !== 'close' && !escalationOpen}>
              {t(`codes.outcome.${o}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
    </FormModal>
  );
}

export function OrderFollowUpModal({ order, ...props }: Props) {
  const call = useCallback(
    (v: FollowUpSubmit) =>
      api('orders.addFollowUp', { id: order.id, version: order.version, ...followUpInput(v) }),
    [order],
  );
  return (
    <FollowUpModal<OrderView>
      {...props}
      requirements={order.requirements}
      requirementsTitle={t('orders.followUp.requirementsTitle')}
      call={call}
    />
  );
}
