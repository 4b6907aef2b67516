// The order's workflow dialogs. Each is mounted when it opens, so every opening starts from
// its initial values; each answers with the whole fresh order.
import { Checkbox, Col, Form, Radio, Row, Typography } from 'antd';
import { addMonths } from '../../../db/children/guardianship';
import { t } from '../../../db/i18n';
import { DEFAULT_OBSERVATION_MONTHS, EVALUATIONS, OUTCOMES } from '../../../db/orders/codes';
import { api } from '../api/client';
import { todayText } from '../common/dates';
import type { ModalProps } from '../common/FormDialog';
import { DateField, TextAreaField } from '../common/fields';
import { blankToNull } from '../common/forms';
import { InfoNote } from '../common/InfoNote';
import { ReasonModal, reasonTexts, StepModal, stepTexts } from '../common/StepModal';
import { FollowUpModal, type FollowUpSubmit, followUpInput } from '../followups/followUps';
import type { OrderView } from './parts';

type Props = ModalProps<OrderView> & { order: OrderView };

export function ApproveModal({ order, ...props }: Props) {
  return (
    <StepModal<{ issueDate?: string | null }, OrderView>
      {...props}
      {...stepTexts('orders.approve')}
      call={(v) =>
        api('orders.approve', { id: order.id, version: order.version, issueDate: v.issueDate || null })
      }
      initialValues={{ issueDate: todayText() }}
    >
      <Typography.Paragraph type="secondary">{t('orders.approve.intro')}</Typography.Paragraph>
      <DateField label={t('orders.fields.issueDate')} name="issueDate" future />
    </StepModal>
  );
}

export function RejectModal({ order, ...props }: Props) {
  return (
    <StepModal<{ note?: string }, OrderView>
      {...props}
      {...stepTexts('orders.reject')}
      danger
      call={(v) => api('orders.reject', { id: order.id, version: order.version, note: v.note ?? '' })}
    >
      <TextAreaField
        label={t('orders.reject.note')}
        name="note"
        required
        maxLength={500}
        placeholder={t('orders.reject.notePlaceholder')}
      />
    </StepModal>
  );
}

export function WithdrawModal({ order, ...props }: Props) {
  return (
    <ReasonModal
      {...props}
      {...reasonTexts('orders.withdraw')}
      call={(reason) => api('orders.withdraw', { id: order.id, version: order.version, reason })}
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
    <StepModal<DeliveryValues, OrderView>
      {...props}
      {...stepTexts('orders.delivery')}
      form={form}
      call={(v) =>
        api('orders.recordDelivery', {
          id: order.id,
          version: order.version,
          method: v.method as 'written' | 'onSite',
          date: v.date ?? '',
          guardianSigned: !!v.guardianSigned,
          observationEnd: v.observationEnd || null,
        })
      }
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
          <DateField
            label={t('orders.fields.deliveryDate')}
            name="date"
            required
            width="100%"
            extra={order.issueDate ? t('orders.delivery.notBefore', { date: order.issueDate }) : undefined}
          />
        </Col>
        <Col span={12}>
          <DateField
            label={t('orders.fields.observationEnd')}
            name="observationEnd"
            future
            width="100%"
            extra={
              date
                ? t('orders.delivery.defaultEnd', {
                    months: DEFAULT_OBSERVATION_MONTHS,
                    date: addMonths(date, DEFAULT_OBSERVATION_MONTHS),
                  })
                : undefined
            }
          />
        </Col>
      </Row>
      <Form.Item name="guardianSigned" valuePropName="checked" style={{ marginBottom: 0 }}>
        <Checkbox>{t('orders.delivery.signed')}</Checkbox>
      </Form.Item>
    </StepModal>
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
  const escalationOpen = evaluation === 'notMet';
  return (
    <StepModal<EvaluateValues, OrderView>
      {...props}
      {...stepTexts('orders.evaluate')}
      form={form}
      call={(v) =>
        api('orders.evaluate', {
          id: order.id,
          version: order.version,
          evaluation: v.evaluation as (typeof EVALUATIONS)[number],
          note: blankToNull(v.note),
          outcome: v.outcome as (typeof OUTCOMES)[number],
        })
      }
      width={620}
      initialValues={{ outcome: 'close' }}
    >
      {order.followUps.length === 0 && (
        <InfoNote type="warning" title={t('validation.order.followUpRequired')} />
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
      <TextAreaField
        label={t('orders.fields.evaluationNote')}
        name="note"
        placeholder={t('orders.evaluate.notePlaceholder')}
      />
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
    </StepModal>
  );
}

export function OrderFollowUpModal({ order, ...props }: Props) {
  const call = (v: FollowUpSubmit) =>
    api('orders.addFollowUp', { id: order.id, version: order.version, ...followUpInput(v) });
  return (
    <FollowUpModal<OrderView>
      {...props}
      requirements={order.requirements}
      requirementsTitle={t('orders.followUp.requirementsTitle')}
      call={call}
    />
  );
}
