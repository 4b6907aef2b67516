// The three counselling records' dialogs. Each is mounted when opened, so every opening starts
// from its initial values; the API decides, and its field messages land beside the fields.
import { Alert, Checkbox, Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { t } from '../../../db/i18n';
import { api } from '../api/client';
import { todayText } from '../common/dates';
import { DateField } from '../common/fields';
import { blankToNull, requiredText } from '../common/forms';
import { labelOr } from '../common/labels';
import { SaveModal } from '../common/StepModal';

const PSYCH_RISKS = ['high', 'medium', 'low', 'none'] as const;
type PsychRisk = (typeof PSYCH_RISKS)[number];

export const psychRiskLabel = (r: string) => labelOr(`codes.psychRisk.${r}`, r);

interface DialogProps {
  childId: string;
  onClose: () => void;
  onSaved: () => void;
}

interface AssessmentValues {
  date: string;
  instrument?: string;
  score?: string;
  riskLevel?: PsychRisk;
  assessor?: string;
  notes?: string;
  guardianConsent?: boolean;
  childConsent?: boolean;
  crisis?: boolean;
}

/** A tick that must be given: the API refuses the record without it, so the form says so first. */
const consentRule = {
  validator: (_: unknown, v?: boolean) =>
    v ? Promise.resolve() : Promise.reject(new Error(t('validation.counselling.consentRequired'))),
};

export function AssessmentDialog({ childId, onClose, onSaved }: DialogProps) {
  return (
    <SaveModal<AssessmentValues, unknown>
      title={t('counselling.forms.assessmentTitle')}
      testId="assessment-dialog"
      name="assessment"
      onClose={onClose}
      onSaved={onSaved}
      successMessage={t('counselling.forms.assessmentSaved')}
      okText={t('counselling.forms.save')}
      width={620}
      call={(v) =>
        api('counselling.addAssessment', {
          childId,
          date: v.date,
          instrument: v.instrument ?? '',
          score: blankToNull(v.score),
          riskLevel: v.riskLevel as PsychRisk,
          assessor: v.assessor ?? '',
          notes: blankToNull(v.notes),
          guardianConsent: !!v.guardianConsent,
          childConsent: !!v.childConsent,
          crisis: !!v.crisis,
        })
      }
      initialValues={{ date: todayText(), guardianConsent: false, childConsent: false, crisis: false }}
    >
      <Alert
        type="warning"
        showIcon
        title={t('counselling.forms.consentTitle')}
        description={t('counselling.forms.consentLaw')}
        style={{ marginBottom: 12 }}
      />
      <Form.Item
        name="guardianConsent"
        valuePropName="checked"
        rules={[consentRule]}
        style={{ marginBottom: 4 }}
      >
        <Checkbox>{t('counselling.forms.guardianConsent')}</Checkbox>
      </Form.Item>
      <Form.Item
        name="childConsent"
        valuePropName="checked"
        rules={[consentRule]}
        style={{ marginBottom: 28 }}
      >
        <Checkbox>{t('counselling.forms.childConsent')}</Checkbox>
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <DateField
            label={t('counselling.assessments.date')}
            name="date"
            required
            future
            noClear
            width="100%"
          />
        </Col>
        <Col span={12}>
          <Form.Item
            label={t('counselling.assessments.instrument')}
            name="instrument"
            rules={requiredText(t('validation.counselling.instrumentRequired'))}
          >
            <Input maxLength={60} placeholder={t('counselling.forms.instrumentPlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('counselling.assessments.score')} name="score">
            <Input maxLength={40} placeholder={t('counselling.forms.scorePlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label={t('counselling.assessments.risk')}
            name="riskLevel"
            rules={[{ required: true, message: t('validation.counselling.riskRequired') }]}
          >
            <Select
              placeholder={t('counselling.forms.riskPlaceholder')}
              options={PSYCH_RISKS.map((r) => ({ value: r, label: psychRiskLabel(r) }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label={t('counselling.assessments.assessor')}
            name="assessor"
            rules={requiredText(t('validation.counselling.assessorRequired'))}
          >
            <Input maxLength={40} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('counselling.assessments.notes')} name="notes">
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item
        name="crisis"
        valuePropName="checked"
        extra={t('counselling.forms.crisisHelp')}
        style={{ marginBottom: 0 }}
      >
        <Checkbox>{t('counselling.forms.assessmentCrisis')}</Checkbox>
      </Form.Item>
    </SaveModal>
  );
}

interface SessionValues {
  date: string;
  institution?: string;
  counsellor?: string;
  minutes?: number | null;
  summary?: string;
  sharedNote?: string;
  nextFollowUp?: string | null;
  crisis?: boolean;
}

export function SessionDialog({ childId, onClose, onSaved }: DialogProps) {
  return (
    <SaveModal<SessionValues, unknown>
      title={t('counselling.forms.sessionTitle')}
      testId="session-dialog"
      name="counsellingSession"
      onClose={onClose}
      onSaved={onSaved}
      successMessage={t('counselling.forms.sessionSaved')}
      okText={t('counselling.forms.save')}
      width={620}
      call={(v) =>
        api('counselling.addSession', {
          childId,
          date: v.date,
          institution: v.institution ?? '',
          counsellor: v.counsellor ?? '',
          minutes: v.minutes as number,
          summary: v.summary ?? '',
          sharedNote: v.sharedNote?.trim() ? v.sharedNote : null,
          nextFollowUp: v.nextFollowUp ?? null,
          crisis: !!v.crisis,
        })
      }
      initialValues={{ date: todayText(), crisis: false }}
    >
      <Row gutter={16}>
        <Col span={12}>
          <DateField
            label={t('counselling.sessions.date')}
            name="date"
            required
            future
            noClear
            width="100%"
          />
        </Col>
        <Col span={12}>
          <Form.Item
            label={t('counselling.sessions.minutes')}
            name="minutes"
            rules={[{ required: true, message: t('validation.education.minutesRequired') }]}
          >
            <InputNumber min={1} max={600} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label={t('counselling.sessions.institution')}
            name="institution"
            rules={requiredText(t('validation.counselling.institutionRequired'))}
          >
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label={t('counselling.sessions.counsellor')}
            name="counsellor"
            rules={requiredText(t('validation.counselling.counsellorRequired'))}
          >
            <Input maxLength={40} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label={t('counselling.sessions.summary')}
        name="summary"
        rules={requiredText(t('validation.counselling.summaryRequired'))}
      >
        <Input.TextArea
          maxLength={4000}
          autoSize={{ minRows: 4, maxRows: 10 }}
          placeholder={t('counselling.forms.summaryPlaceholder')}
        />
      </Form.Item>
      <Form.Item
        label={t('counselling.sessions.sharedNote')}
        name="sharedNote"
        extra={t('counselling.forms.sharedNoteHelp')}
      >
        <Input.TextArea
          maxLength={500}
          autoSize={{ minRows: 2, maxRows: 5 }}
          placeholder={t('counselling.forms.optional')}
        />
      </Form.Item>
      <DateField
        label={t('counselling.sessions.nextFollowUp')}
        name="nextFollowUp"
        extra={t('counselling.forms.nextHelp')}
        future
        width={240}
        placeholder={t('counselling.forms.optional')}
      />
      <Form.Item
        name="crisis"
        valuePropName="checked"
        extra={t('counselling.forms.crisisHelp')}
        style={{ marginBottom: 0 }}
      >
        <Checkbox>{t('counselling.forms.sessionCrisis')}</Checkbox>
      </Form.Item>
    </SaveModal>
  );
}

interface TreatmentValues {
  date: string;
  institution?: string;
  reason?: string;
  outcome?: string;
}

export function TreatmentDialog({ childId, onClose, onSaved }: DialogProps) {
  return (
    <SaveModal<TreatmentValues, unknown>
      title={t('counselling.forms.treatmentTitle')}
      testId="treatment-dialog"
      name="treatment"
      onClose={onClose}
      onSaved={onSaved}
      successMessage={t('counselling.forms.treatmentSaved')}
      okText={t('counselling.forms.save')}
      width={620}
      call={(v) =>
        api('counselling.addTreatment', {
          childId,
          date: v.date,
          institution: v.institution ?? '',
          reason: v.reason ?? '',
          outcome: blankToNull(v.outcome),
        })
      }
      initialValues={{ date: todayText() }}
    >
      <Typography.Paragraph type="secondary">{t('counselling.treatments.intro')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col span={12}>
          <DateField
            label={t('counselling.treatments.date')}
            name="date"
            required
            future
            noClear
            width="100%"
          />
        </Col>
        <Col span={12}>
          <Form.Item
            label={t('counselling.treatments.institution')}
            name="institution"
            rules={requiredText(t('validation.counselling.institutionRequired'))}
          >
            <Input maxLength={60} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label={t('counselling.treatments.reason')}
        name="reason"
        rules={requiredText(t('validation.counselling.reasonRequired'))}
      >
        <Input.TextArea
          maxLength={2000}
          autoSize={{ minRows: 3, maxRows: 8 }}
          placeholder={t('counselling.forms.reasonPlaceholder')}
        />
      </Form.Item>
      <Form.Item label={t('counselling.treatments.outcome')} name="outcome" style={{ marginBottom: 0 }}>
        <Input.TextArea
          maxLength={2000}
          autoSize={{ minRows: 2, maxRows: 6 }}
          placeholder={t('counselling.forms.outcomePlaceholder')}
        />
      </Form.Item>
    </SaveModal>
  );
}
