// The three counselling records' dialogs. Each is mounted when opened, so every opening starts
// from its initial values; the API decides, and its field messages land beside the fields.
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { t } from '../../../db/i18n';
import { api } from '../api/client';
import { todayText } from '../common/dates';
import {
  CheckboxField,
  DateField,
  FieldRow,
  NumberField,
  SelectField,
  TextAreaField,
  TextField,
} from '../common/fields';
import { blankToNull } from '../common/forms';
import { InfoNote } from '../common/InfoNote';
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

/** Each record's form name, which prefixes its fields' ids. */
const FORM_NAMES = {
  assessment: 'assessment',
  session: 'counsellingSession',
  treatment: 'treatment',
} as const;
type Kind = keyof typeof FORM_NAMES;

/** The frame the three records share: titled and toasted by kind, the date of the record first. */
function RecordDialog<V>({
  kind,
  onClose,
  onSaved,
  call,
  initialValues,
  children,
}: Omit<DialogProps, 'childId'> & {
  kind: Kind;
  call: (values: V) => Promise<unknown>;
  initialValues: Partial<V>;
  children: ReactNode;
}) {
  return (
    <SaveModal<V, unknown>
      title={t(`counselling.forms.${kind}Title`)}
      testId={`${kind}-dialog`}
      name={FORM_NAMES[kind]}
      onClose={onClose}
      onSaved={onSaved}
      successMessage={t(`counselling.forms.${kind}Saved`)}
      okText={t('counselling.forms.save')}
      width={620}
      call={call}
      initialValues={initialValues}
    >
      {children}
    </SaveModal>
  );
}

/** The day the record happened: never empty, never to come. */
const RecordDate = ({ label }: { label: string }) => (
  <DateField label={label} name="date" required future noClear width="100%" />
);

/** 危机: ticking it raises the child's risk at once (the API's rule). */
const CrisisField = ({ text }: { text: string }) => (
  <CheckboxField
    name="crisis"
    text={text}
    extra={t('counselling.forms.crisisHelp')}
    style={{ marginBottom: 0 }}
  />
);

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

const a = (k: 'date' | 'instrument' | 'score' | 'risk' | 'assessor' | 'notes') =>
  t(`counselling.assessments.${k}`);
const requiredMessage = (
  k: 'instrument' | 'risk' | 'assessor' | 'institution' | 'counsellor' | 'summary' | 'reason',
) => t(`validation.counselling.${k}Required`);
/** A field the record cannot be without, refused with its own message when blank. */
const needed = (name: Exclude<Parameters<typeof requiredMessage>[0], 'risk'>) => ({
  name,
  requiredMessage: requiredMessage(name),
});
const placeholder = (k: 'instrument' | 'score' | 'risk' | 'summary' | 'reason' | 'outcome') =>
  t(`counselling.forms.${k}Placeholder`);

export function AssessmentDialog({ childId, ...props }: DialogProps) {
  return (
    <RecordDialog<AssessmentValues>
      {...props}
      kind="assessment"
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
      <InfoNote
        type="warning"
        title={t('counselling.forms.consentTitle')}
        description={t('counselling.forms.consentLaw')}
        gap={12}
      />
      {(['guardianConsent', 'childConsent'] as const).map((k, i) => (
        <CheckboxField
          key={k}
          name={k}
          text={t(`counselling.forms.${k}`)}
          rules={[consentRule]}
          style={{ marginBottom: i === 0 ? 4 : 28 }}
        />
      ))}
      <FieldRow>
        <RecordDate label={a('date')} />
        <TextField
          label={a('instrument')}
          {...needed('instrument')}
          maxLength={60}
          placeholder={placeholder('instrument')}
        />
        <TextField label={a('score')} name="score" maxLength={40} placeholder={placeholder('score')} />
        <SelectField
          label={a('risk')}
          name="riskLevel"
          requiredMessage={requiredMessage('risk')}
          placeholder={placeholder('risk')}
          options={PSYCH_RISKS.map((r) => ({ value: r, label: psychRiskLabel(r) }))}
        />
        <TextField label={a('assessor')} {...needed('assessor')} maxLength={40} />
      </FieldRow>
      <TextAreaField label={a('notes')} name="notes" grow={[2, 6]} />
      <CrisisField text={t('counselling.forms.assessmentCrisis')} />
    </RecordDialog>
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

const s = (
  k: 'date' | 'minutes' | 'institution' | 'counsellor' | 'summary' | 'sharedNote' | 'nextFollowUp',
) => t(`counselling.sessions.${k}`);

const addSession = (childId: string) => (v: SessionValues) =>
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
  });

export function SessionDialog({ childId, ...props }: DialogProps) {
  return (
    <RecordDialog<SessionValues>
      {...props}
      kind="session"
      call={addSession(childId)}
      initialValues={{ date: todayText(), crisis: false }}
    >
      <FieldRow>
        <RecordDate label={s('date')} />
        <NumberField
          label={s('minutes')}
          name="minutes"
          min={1}
          max={600}
          requiredMessage={t('validation.education.minutesRequired')}
        />
        <TextField label={s('institution')} {...needed('institution')} maxLength={60} />
        <TextField label={s('counsellor')} {...needed('counsellor')} maxLength={40} />
      </FieldRow>
      <TextAreaField
        label={s('summary')}
        {...needed('summary')}
        maxLength={4000}
        grow={[4, 10]}
        placeholder={placeholder('summary')}
      />
      <TextAreaField
        label={s('sharedNote')}
        name="sharedNote"
        extra={t('counselling.forms.sharedNoteHelp')}
        maxLength={500}
        grow={[2, 5]}
        placeholder={t('counselling.forms.optional')}
      />
      <DateField
        label={s('nextFollowUp')}
        name="nextFollowUp"
        extra={t('counselling.forms.nextHelp')}
        future
        width={240}
        placeholder={t('counselling.forms.optional')}
      />
      <CrisisField text={t('counselling.forms.sessionCrisis')} />
    </RecordDialog>
  );
}

interface TreatmentValues {
  date: string;
  institution?: string;
  reason?: string;
  outcome?: string;
}

const tr = (k: 'date' | 'institution' | 'reason' | 'outcome') => t(`counselling.treatments.${k}`);

const addTreatment = (childId: string) => (v: TreatmentValues) =>
  api('counselling.addTreatment', {
    childId,
    date: v.date,
    institution: v.institution ?? '',
    reason: v.reason ?? '',
    outcome: blankToNull(v.outcome),
  });

export function TreatmentDialog({ childId, ...props }: DialogProps) {
  return (
    <RecordDialog<TreatmentValues>
      {...props}
      kind="treatment"
      call={addTreatment(childId)}
      initialValues={{ date: todayText() }}
    >
      <Typography.Paragraph type="secondary">{t('counselling.treatments.intro')}</Typography.Paragraph>
      <FieldRow>
        <RecordDate label={tr('date')} />
        <TextField label={tr('institution')} {...needed('institution')} maxLength={60} />
      </FieldRow>
      <TextAreaField
        label={tr('reason')}
        {...needed('reason')}
        grow={[3, 8]}
        placeholder={placeholder('reason')}
      />
      <TextAreaField
        label={tr('outcome')}
        name="outcome"
        grow={[2, 6]}
        placeholder={placeholder('outcome')}
        style={{ marginBottom: 0 }}
      />
    </RecordDialog>
  );
}
