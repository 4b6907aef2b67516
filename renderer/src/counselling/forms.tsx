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
  fieldsIn,
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

/** What every counselling record is: of one child, on one day. */
interface RecordAt {
  childId: string;
  date: string;
}

/** The frame the three records share: titled and toasted by kind, sent as of the child and its day. */
function RecordDialog<V extends { date: string }>({
  kind,
  childId,
  onClose,
  onSaved,
  send,
  initialValues,
  children,
}: DialogProps & {
  kind: Kind;
  send: (at: RecordAt, values: V) => Promise<unknown>;
  /** Besides the day, which is today until changed. */
  initialValues?: Partial<V>;
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
      call={(v) => send({ childId, date: v.date }, v)}
      initialValues={{ date: todayText(), ...initialValues } as Partial<V>}
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
type Needed = Exclude<Parameters<typeof requiredMessage>[0], 'risk'>;
/** A field the record cannot be without, labelled by `label` and refused with its own message when blank. */
const needed = <K extends string>(label: (k: K) => string, name: K & Needed) => ({
  name,
  label: label(name),
  requiredMessage: requiredMessage(name),
});
const optional = t('counselling.forms.optional');
const placeholder = (k: 'instrument' | 'score' | 'risk' | 'summary' | 'reason' | 'outcome') =>
  t(`counselling.forms.${k}Placeholder`);

export function AssessmentDialog(props: DialogProps) {
  return (
    <RecordDialog<AssessmentValues>
      {...props}
      kind="assessment"
      send={(at, v) =>
        api('counselling.addAssessment', {
          ...at,
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
      initialValues={{ guardianConsent: false, childConsent: false, crisis: false }}
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
        <TextField {...needed(a, 'instrument')} maxLength={60} placeholder={placeholder('instrument')} />
        <TextField label={a('score')} name="score" maxLength={40} placeholder={placeholder('score')} />
        <SelectField
          label={a('risk')}
          name="riskLevel"
          requiredMessage={requiredMessage('risk')}
          placeholder={placeholder('risk')}
          options={PSYCH_RISKS.map((r) => ({ value: r, label: psychRiskLabel(r) }))}
        />
        <TextField {...needed(a, 'assessor')} maxLength={40} />
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
const session = fieldsIn(s);

const addSession = (at: RecordAt, v: SessionValues) =>
  api('counselling.addSession', {
    ...at,
    institution: v.institution ?? '',
    counsellor: v.counsellor ?? '',
    minutes: v.minutes as number,
    summary: v.summary ?? '',
    sharedNote: v.sharedNote?.trim() ? v.sharedNote : null,
    nextFollowUp: v.nextFollowUp ?? null,
    crisis: !!v.crisis,
  });

export function SessionDialog(props: DialogProps) {
  return (
    <RecordDialog<SessionValues>
      {...props}
      kind="session"
      send={addSession}
      initialValues={{ crisis: false }}
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
        <TextField {...needed(s, 'institution')} maxLength={60} />
        <TextField {...needed(s, 'counsellor')} maxLength={40} />
      </FieldRow>
      <TextAreaField
        {...needed(s, 'summary')}
        maxLength={4000}
        grow={[4, 10]}
        placeholder={placeholder('summary')}
      />
      <TextAreaField
        {...session('sharedNote')}
        extra={t('counselling.forms.sharedNoteHelp')}
        maxLength={500}
        grow={[2, 5]}
        placeholder={optional}
      />
      <DateField
        {...session('nextFollowUp')}
        extra={t('counselling.forms.nextHelp')}
        future
        width={240}
        placeholder={optional}
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

const addTreatment = (at: RecordAt, v: TreatmentValues) =>
  api('counselling.addTreatment', {
    ...at,
    institution: v.institution ?? '',
    reason: v.reason ?? '',
    outcome: blankToNull(v.outcome),
  });

export function TreatmentDialog(props: DialogProps) {
  return (
    <RecordDialog<TreatmentValues> {...props} kind="treatment" send={addTreatment}>
      <Typography.Paragraph type="secondary">{t('counselling.treatments.intro')}</Typography.Paragraph>
      <FieldRow>
        <RecordDate label={tr('date')} />
        <TextField {...needed(tr, 'institution')} maxLength={60} />
      </FieldRow>
      <TextAreaField {...needed(tr, 'reason')} grow={[3, 8]} placeholder={placeholder('reason')} />
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
