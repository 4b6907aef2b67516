// The plan's dialogs. Each is mounted when it opens and answers with the whole fresh plan.
import { Alert, Col, Form, InputNumber, Radio, Row } from 'antd';
import { t } from '../../../db/i18n';
import { api } from '../api/client';
import { todayText } from '../common/dates';
import type { ModalProps } from '../common/FormDialog';
import { DateField, TextAreaField, TextField } from '../common/fields';
import { blankToNull } from '../common/forms';
import { ReasonModal, reasonTexts, StepModal, stepTexts } from '../common/StepModal';
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
  const short = typeof minutes === 'number' && minutes < plan.minMinutes;
  return (
    <StepModal<SessionValues, PlanView>
      {...props}
      {...stepTexts('education.session')}
      form={form}
      call={(v) =>
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
        })
      }
      width={720}
      initialValues={{ date: todayText(), minutes: plan.minMinutes }}
    >
      <Row gutter={16}>
        <Col span={8}>
          <DateField label={t('education.session.date')} name="date" required width="100%" />
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
          <TextField label={t('education.session.instructor')} name="instructor" required maxLength={40} />
        </Col>
      </Row>
      <TextField
        label={t('education.session.attendees')}
        name="attendees"
        required
        maxLength={200}
        placeholder={t('education.session.attendeesPlaceholder')}
      />
      <TextAreaField label={t('education.session.content')} name="content" required />
      <TextAreaField label={t('education.session.homework')} name="homework" rows={2} maxLength={1000} />
      <TextAreaField
        label={t('education.session.evaluation')}
        name="evaluation"
        rows={2}
        maxLength={1000}
        placeholder={t('education.session.evaluationPlaceholder')}
      />
    </StepModal>
  );
}

interface CompleteValues {
  completedDate?: string | null;
  finalResult?: 'met' | 'basicallyMet' | 'notMet';
  finalEvaluation?: string;
}

/** 完成评估: the final evaluation closes the plan; a 回访 falls due within six months. */
export function CompleteModal({ plan, ...props }: Props) {
  const short = plan.progress && plan.progress.held < plan.progress.dueSoFar;
  return (
    <StepModal<CompleteValues, PlanView>
      {...props}
      {...stepTexts('education.complete')}
      call={(v) =>
        api('education.completePlan', {
          id: plan.id,
          version: plan.version,
          completedDate: v.completedDate ?? '',
          finalResult: v.finalResult as 'met' | 'basicallyMet' | 'notMet',
          finalEvaluation: v.finalEvaluation ?? '',
        })
      }
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
      <DateField label={t('education.complete.date')} name="completedDate" required future />
      <Form.Item label={t('education.complete.result')} name="finalResult" required>
        <Radio.Group
          optionType="button"
          options={(['met', 'basicallyMet', 'notMet'] as const).map((e) => ({
            value: e,
            label: t(`codes.evaluation.${e}`),
          }))}
        />
      </Form.Item>
      <TextAreaField
        label={t('education.complete.evaluation')}
        name="finalEvaluation"
        required
        rows={4}
        placeholder={t('education.complete.evaluationPlaceholder')}
      />
    </StepModal>
  );
}

export function SuspendModal({ plan, ...props }: Props) {
  return (
    <ReasonModal
      {...props}
      {...reasonTexts('education.suspend')}
      call={(reason) => api('education.suspendPlan', { id: plan.id, version: plan.version, reason })}
    />
  );
}

export function PlanFollowUpModal({ plan, ...props }: Props) {
  const call = (v: FollowUpSubmit) => api('education.addFollowUp', { id: plan.id, ...followUpInput(v) });
  return (
    <FollowUpModal<PlanView>
      {...props}
      requirements={plan.goals}
      requirementsTitle={t('education.followUp.goalsTitle')}
      call={call}
    />
  );
}
