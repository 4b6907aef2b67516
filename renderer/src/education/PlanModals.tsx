// The plan's dialogs. Each is mounted when it opens and answers with the whole fresh plan.
import { Col, Form, InputNumber, Row } from 'antd';
import { type Catalog, t } from '../../../db/i18n';
import { api } from '../api/client';
import { todayText } from '../common/dates';
import type { ModalProps } from '../common/FormDialog';
import {
  ButtonChoiceField,
  DateField,
  FieldRow,
  fieldsIn,
  optionsOf,
  TextAreaField,
  TextField,
} from '../common/fields';
import { blankToNull } from '../common/forms';
import { InfoNote } from '../common/InfoNote';
import { ReasonModal, reasonTexts, StepModal, stepTexts } from '../common/StepModal';
import { FollowUpModal, type FollowUpSubmit, followUpInput } from '../followups/followUps';
import type { PlanView } from './register';

type Props = ModalProps<PlanView> & { plan: PlanView };
type Mode = PlanView['sessions'][number]['mode'];

const s = (k: keyof Catalog['education']['session']) => t(`education.session.${k}`);
const session = fieldsIn(s);
const SESSION_MODES = optionsOf(['individual', 'family', 'group', 'inSitu'] as const, (m) =>
  t(`codes.sessionMode.${m}`),
);
const RESULTS = optionsOf(['met', 'basicallyMet', 'notMet'] as const, (e) => t(`codes.evaluation.${e}`));

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
      <FieldRow spans={[8, 16]}>
        <DateField {...session('date')} required width="100%" />
        <ButtonChoiceField {...session('mode')} required options={SESSION_MODES} />
      </FieldRow>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item
            {...session('minutes')}
            required
            validateStatus={short ? 'warning' : undefined}
            help={short ? t('education.session.tooShort', { min: plan.minMinutes }) : undefined}
          >
            <InputNumber min={1} max={600} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <TextField {...session('instructor')} required maxLength={40} />
        </Col>
      </Row>
      <TextField {...session('attendees')} required maxLength={200} placeholder={s('attendeesPlaceholder')} />
      <TextAreaField {...session('content')} required />
      <TextAreaField {...session('homework')} rows={2} maxLength={1000} />
      <TextAreaField
        {...session('evaluation')}
        rows={2}
        maxLength={1000}
        placeholder={s('evaluationPlaceholder')}
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
        <InfoNote
          type="warning"
          title={t('education.complete.shortWarning', {
            held: plan.progress.held,
            due: plan.progress.dueSoFar,
          })}
        />
      )}
      <DateField label={t('education.complete.date')} name="completedDate" required future />
      <ButtonChoiceField
        label={t('education.complete.result')}
        name="finalResult"
        required
        options={RESULTS}
      />
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
