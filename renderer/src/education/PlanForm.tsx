import { Card, Col, Flex, Form, InputNumber, Row, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { addMonths } from '../../../db/children/guardianship';
import { t } from '../../../db/i18n';
import { api } from '../api/client';
import { ChildField, GuardianChecklist, useFormChild } from '../children/pickers';
import { RecordFormRoute, type RecordFormSpec, RecordPageForm, type SpecFormProps } from '../common/FormPage';
import {
  ButtonChoiceField,
  DateField,
  FieldRow,
  optionsOf,
  TextAreaField,
  TextField,
} from '../common/fields';
import { blankToNull, useLatestValues } from '../common/forms';
import { InfoNote } from '../common/InfoNote';
import { RequirementList } from '../followups/RequirementList';
import type { PlanView } from './register';

type Level = 'high' | 'medium' | 'low';
type Relationship = 'good' | 'fair' | 'poor';

/** Form values use the API's field names, so API field errors land beside their fields. */
interface PlanValues {
  childId?: string | null;
  kind?: 'ordered' | 'voluntary';
  guardianPersonIds?: string[];
  assessmentDate?: string | null;
  willingness?: Level | null;
  ability?: Level | null;
  relationship?: Relationship | null;
  assessmentNote?: string | null;
  provider?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  sessionsPerMonth?: number | null;
  minMinutes?: number | null;
  goals?: { text?: string; dueDate?: string | null }[];
}

const KINDS = optionsOf(['ordered', 'voluntary'] as const, (k) => t(`codes.planKind.${k}`));
const LEVELS = optionsOf(['high', 'medium', 'low'] as const, (l) => t(`codes.level.${l}`));
/** The assessment's three judgements, each one choice of a few. */
const ASSESSMENT: {
  name: 'willingness' | 'ability' | 'relationship';
  options: { value: string; label: string }[];
}[] = [
  { name: 'willingness', options: LEVELS },
  { name: 'ability', options: LEVELS },
  {
    name: 'relationship',
    options: optionsOf(['good', 'fair', 'poor'] as const, (r) => t(`codes.relationship.${r}`)),
  },
];

// The usual term (DOMAIN.md): no longer than six months.
const USUAL_TERM_MONTHS = 6;

function planValues(plan: PlanView): PlanValues {
  return {
    childId: plan.childId,
    kind: plan.kind,
    guardianPersonIds: plan.guardians.map((g) => g.id),
    assessmentDate: plan.assessmentDate,
    willingness: plan.willingness,
    ability: plan.ability,
    relationship: plan.relationship,
    assessmentNote: plan.assessmentNote,
    provider: plan.provider,
    startDate: plan.startDate,
    endDate: plan.endDate,
    sessionsPerMonth: plan.sessionsPerMonth,
    minMinutes: plan.minMinutes,
    goals: plan.goals.map((g) => ({ text: g.text, dueDate: g.dueDate })),
  };
}

const PAGES: RecordFormSpec<'education.getPlan'> = {
  get: 'education.getPlan',
  path: '/education/plans',
  listPath: '/education',
  texts: 'education.planForm',
  editable: (p) => p.status === 'assessing' || p.status === 'active',
  titleParams: (p) => ({ name: p.childName }),
  form: (p, props, query) => (
    <PlanForm plan={p} initialChildId={p?.childId ?? query.get('childId')} {...props} />
  ),
};
/** 新建指导计划: /education/plans/new, optionally ?childId=. */
export const PlanCreatePage = () => <RecordFormRoute spec={PAGES} mode="create" />;
export const PlanEditRoute = () => <RecordFormRoute spec={PAGES} mode="edit" />;

function PlanForm({
  plan,
  initialChildId,
  ...props
}: SpecFormProps<PlanView> & { plan: PlanView | null; initialChildId: string | null }) {
  const [form] = Form.useForm<PlanValues>();
  const { childId, file, loading, error } = useFormChild(form, plan?.childId ?? initialChildId);
  const startDate = Form.useWatch('startDate', form);
  const endDate = Form.useWatch('endDate', form);
  const termLong = !!startDate && !!endDate && endDate > addMonths(startDate, USUAL_TERM_MONTHS);

  const initialValues = useMemo<PlanValues>(
    () =>
      plan
        ? planValues(plan)
        : { childId: initialChildId, guardianPersonIds: [], sessionsPerMonth: 1, minMinutes: 40, goals: [] },
    [plan, initialChildId],
  );

  useLatestValues(form, plan, planValues);

  const call = useCallback(
    (v: PlanValues) => {
      const fields = {
        kind: v.kind as 'ordered' | 'voluntary',
        guardianPersonIds: v.guardianPersonIds ?? [],
        assessmentDate: v.assessmentDate || null,
        willingness: v.willingness ?? null,
        ability: v.ability ?? null,
        relationship: v.relationship ?? null,
        assessmentNote: blankToNull(v.assessmentNote),
        provider: blankToNull(v.provider),
        startDate: v.startDate || null,
        endDate: v.endDate || null,
        sessionsPerMonth: v.sessionsPerMonth ?? undefined,
        minMinutes: v.minMinutes ?? undefined,
        goals: (v.goals ?? []).map((g) => ({ text: g.text ?? '', dueDate: g.dueDate || null })),
      };
      return plan
        ? api('education.updatePlan', { id: plan.id, version: plan.version, ...fields })
        : api('education.createPlan', { childId: v.childId ?? '', ...fields });
    },
    [plan],
  );

  // The end follows the start (six months on) until the caseworker sets one of their own.
  const onValuesChange = (changed: Partial<PlanValues>) => {
    if ('startDate' in changed && changed.startDate && !form.isFieldTouched('endDate')) {
      form.setFieldsValue({ endDate: addMonths(changed.startDate, USUAL_TERM_MONTHS) });
    }
  };

  return (
    <RecordPageForm
      form={form}
      save={call}
      initialValues={initialValues}
      onValuesChange={onValuesChange}
      {...props}
    >
      <Card title={t('education.planForm.sectionParties')} size="small">
        <Row gutter={16}>
          <Col span={12}>
            <ChildField
              label={t('education.fields.child')}
              disabled={!!plan}
              selectedLabel={file?.profile.name ?? plan?.childName}
              onPicked={() => form.setFieldsValue({ guardianPersonIds: [] })}
            />
          </Col>
          <Col span={12}>
            <ButtonChoiceField label={t('education.fields.kind')} name="kind" required options={KINDS} />
          </Col>
        </Row>
        <Form.Item label={t('education.fields.guardians')} name="guardianPersonIds" required>
          <GuardianChecklist childId={childId} file={file} loading={loading} error={error} />
        </Form.Item>
      </Card>

      <Card title={t('education.planForm.sectionAssessment')} size="small">
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('education.planForm.assessmentIntro')}
        </Typography.Paragraph>
        <FieldRow span={6}>
          <DateField label={t('education.fields.assessmentDate')} name="assessmentDate" future width="100%" />
          {ASSESSMENT.map(({ name, options }) => (
            <ButtonChoiceField
              key={name}
              label={t(`education.fields.${name}`)}
              name={name}
              options={options}
              labelled
            />
          ))}
        </FieldRow>
        <TextAreaField label={t('education.fields.assessmentNote')} name="assessmentNote" maxLength={1000} />
      </Card>

      <Card title={t('education.planForm.sectionPlan')} size="small">
        <FieldRow spans={[12, 6, 6]}>
          <TextField
            label={t('education.fields.provider')}
            name="provider"
            extra={t('education.planForm.providerHint')}
            maxLength={60}
            placeholder={t('education.planForm.providerPlaceholder')}
          />
          <DateField label={t('education.fields.startDate')} name="startDate" future width="100%" />
          <DateField label={t('education.fields.endDate')} name="endDate" future width="100%" />
        </FieldRow>
        {termLong && <InfoNote type="warning" title={t('education.planForm.termLong')} />}
        {/* The two numbers read as one sentence; their errors gather under this item. */}
        <Form.Item
          label={t('education.planForm.frequency')}
          extra={t('education.planForm.frequencyHint')}
          style={{ marginBottom: 0 }}
        >
          <Flex gap={8} align="center" wrap>
            <Typography.Text>{t('education.planForm.frequencyBefore')}</Typography.Text>
            <Form.Item name="sessionsPerMonth" noStyle>
              <InputNumber
                min={1}
                max={8}
                precision={0}
                aria-label={t('education.fields.sessionsPerMonth')}
                style={{ width: 72 }}
              />
            </Form.Item>
            <Typography.Text>{t('education.planForm.frequencyMiddle')}</Typography.Text>
            <Form.Item name="minMinutes" noStyle>
              <InputNumber
                min={10}
                max={240}
                precision={0}
                aria-label={t('education.fields.minMinutes')}
                style={{ width: 80 }}
              />
            </Form.Item>
            <Typography.Text>{t('education.planForm.frequencyAfter')}</Typography.Text>
          </Flex>
        </Form.Item>
      </Card>

      <Card title={t('education.fields.goals')} size="small">
        <RequirementList
          name="goals"
          textLabel={t('education.planForm.goalText')}
          addLabel={t('education.planForm.addGoal')}
        />
      </Card>
    </RecordPageForm>
  );
}
