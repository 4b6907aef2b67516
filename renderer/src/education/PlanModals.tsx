// The plan's dialogs. Each is mounted when it opens and answers with the whole fresh plan.
import { Alert, Col, DatePicker, Form, Input, InputNumber, Radio, Row } from 'antd';
import { useCallback } from 'react';
import { t } from '../../../db/i18n';
import { api } from '../api/client';
import { afterToday, DATE_FORMAT, dateItem, todayText } from '../common/dates';
import { FormModal, type ModalProps, ReasonModal, useModalForm } from '../common/FormDialog';
import { blankToNull } from '../common/forms';
import { FollowUpModal, type FollowUpSubmit, followUpInput } from '../followups/followUps';
import type { PlanView } from './register';

type Props = ModalProps<PlanView> & { plan: PlanView };
type Mode = PlanView['sessions'][number]['mode'];

interface SessionValues {
  date?: string | null;
  mode?: Mode;
  minutes?: number | null;
  attendees?: string;
  instructor?: string;
  content?: string;
  homework?: string | null;
  evaluation?: string | null;
}

/** 添加指导记录: one session; shorter than the plan's minimum, it is kept but does not count. */
export function SessionModal({ plan, ...props }: Props) {
  const [form] = Form.useForm<SessionValues>();
  const minutes = Form.useWatch('minutes', form);
  const call = useCallback(
    (v: SessionValues) =>
      api('education.addSession', {
        planId: plan.id,
        date: v.date ?? '',
        mode: v.mode as Mode,
        minutes: v.minutes as number,
        attendees: v.attendees ?? '',
        instructor: v.instructor ?? '',
        content: v.content ?? '',
        homework: blankToNull(v.homework),
        evaluation: blankToNull(v.evaluation),
      }),
    [plan.id],
  );
  const { onFinish, submitting, failure } = useModalForm(form, call, props, t('education.session.done'));
  const short = typeof minutes === 'number' && minutes < plan.minMinutes;
  return (
    <FormModal<SessionValues>
      title={t('education.session.title')}
      onClose={props.onClose}
      form={form}
      onFinish={onFinish}
      submitting={submitting}
      failure={failure}
      okText={t('education.session.submit')}
      width={720}
      initialValues={{ date: todayText(), minutes: plan.minMinutes }}
    >
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item label={t('education.session.date')} name="date" required {...dateItem}>
            <DatePicker format={DATE_FORMAT} disabledDate={afterToday} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item label={t('education.session.mode')} name="mode" required>
            <Radio.Group
              optionType="button"
              options={(['individual', 'family', 'group', 'inSitu'] as const).map((m) => ({
                value: m,
                label: t(`codes.sessionMode.${m}`),
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item
            label={t('education.session.minutes')}
            name="minutes"
            required
            validateStatus={short ? 'warning' : undefined}
            help={short ? t('education.session.tooShort', { min: plan.minMinutes }) : undefined}
          >
            <InputNumber min={1} max={600} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item label={t('education.session.instructor')} name="instructor" required>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('education.session.attendees')} name="attendees" required>
        <Input maxLength={200} placeholder={t('education.session.attendeesPlaceholder')} />
      </Form.Item>
      <Form.Item label={t('education.session.content')} name="content" required>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item label={t('education.session.homework')} name="homework">
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item label={t('education.session.evaluation')} name="evaluation">
        <Input.TextArea
          rows={2}
          maxLength={1000}
          placeholder={t('education.session.evaluationPlaceholder')}
        />
      </Form.Item>
    </FormModal>
  );
}

interface CompleteValues {
  completedDate?: string | null;
  finalResult?: 'met' | 'basicallyMet' | 'notMet';
  finalEvaluation?: string;
}

/** 完成评估: the final evaluation closes the plan; a 回访 falls due within six months. */
export function CompleteModal({ plan, ...props }: Props) {
  const [form] = Form.useForm<CompleteValues>();
  const call = useCallback(
    (v: CompleteValues) =>
      api('education.completePlan', {
        id: plan.id,
        version: plan.version,
        completedDate: v.completedDate ?? '',
        finalResult: v.finalResult as 'met' | 'basicallyMet' | 'notMet',
        finalEvaluation: v.finalEvaluation ?? '',
      }),
    [plan],
  );
  const { onFinish, submitting, failure } = useModalForm(form, call, props, t('education.complete.done'));
  const short = plan.progress && plan.progress.held < plan.progress.dueSoFar;
  return (
    <FormModal<CompleteValues>
      title={t('education.complete.title')}
      onClose={props.onClose}
      form={form}
      onFinish={onFinish}
      submitting={submitting}
      failure={failure}
      okText={t('education.complete.submit')}
      width={620}
      initialValues={{ completedDate: todayText() }}
    >
      {short && plan.progress && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('education.complete.shortWarning', {
            held: plan.progress.held,
            due: plan.progress.dueSoFar,
          })}
        />
      )}
      <Form.Item label={t('education.complete.date')} name="completedDate" required {...dateItem}>
        <DatePicker format={DATE_FORMAT} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item label={t('education.complete.result')} name="finalResult" required>
        <Radio.Group
          optionType="button"
          options={(['met', 'basicallyMet', 'notMet'] as const).map((e) => ({
            value: e,
            label: t(`codes.evaluation.${e}`),
          }))}
        />
      </Form.Item>
      <Form.Item label={t('education.complete.evaluation')} name="finalEvaluation" required>
        <Input.TextArea
          rows={4}
          maxLength={2000}
          placeholder={t('education.complete.evaluationPlaceholder')}
        />
      </Form.Item>
    </FormModal>
  );
}

export function SuspendModal({ plan, ...props }: Props) {
  const call = useCallback(
    (reason: string) => api('education.suspendPlan', { id: plan.id, version: plan.version, reason }),
    [plan],
  );
  return (
    <ReasonModal
      {...props}
      title={t('education.suspend.title')}
      warning={t('education.suspend.warning')}
      label={t('education.suspend.reason')}
      okText={t('education.suspend.submit')}
      done={t('education.suspend.done')}
      call={call}
    />
  );
}

export function PlanFollowUpModal({ plan, ...props }: Props) {
  const call = useCallback(
    (v: FollowUpSubmit) => api('education.addFollowUp', { id: plan.id, ...followUpInput(v) }),
    [plan.id],
  );
  return (
    <FollowUpModal<PlanView>
      {...props}
      requirements={plan.goals}
      requirementsTitle={t('education.followUp.goalsTitle')}
      call={call}
    />
  );
}
