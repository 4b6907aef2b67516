import { Card, Checkbox, Flex, Form, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import type { Relation } from '../../../db/children/codes';
import { t } from '../../../db/i18n';
import { PROBLEMS, type ProblemCode } from '../../../db/orders/codes';
import { api } from '../api/client';
import { ChildField, GuardianChecklist, useFormChild } from '../children/pickers';
import { RecordFormRoute, type RecordFormSpec, RecordPageForm, type SpecFormProps } from '../common/FormPage';
import { FieldRow, fieldsIn, TextAreaField, TextField } from '../common/fields';
import { blankToNull, useLatestValues } from '../common/forms';
import { RequirementList } from '../followups/RequirementList';
import type { OrderView } from './parts';

/** Form values use the API's field names, so API field errors land beside their fields. */
interface DraftValues {
  childId?: string | null;
  /** Person ids; the relation each holds to the child comes from the child's relatives. */
  guardians?: string[];
  caseNumber?: string | null;
  facts?: string;
  problems?: string[];
  problemsOther?: string | null;
  requirements?: { text?: string; dueDate?: string | null }[];
  legalBasis?: string;
  consequences?: string;
}

type FieldKey = 'child' | 'caseNumber' | 'guardians' | 'facts' | 'problems' | 'problemsOther' | 'legalBasis';
const f = (k: FieldKey | 'consequences' | 'requirements') => t(`orders.fields.${k}`);
const field = fieldsIn(f);
const example = (k: 'caseNumber' | 'facts' | 'problemsOther') => t(`orders.form.${k}Placeholder`);

const PROBLEM_GROUPS: { article: '16' | '17'; items: ProblemCode[] }[] = [
  { article: '16', items: PROBLEMS.filter((p) => p.code.startsWith('16-')) },
  { article: '17', items: PROBLEMS.filter((p) => p.code.startsWith('17-')) },
];

function blankValues(childId: string | null): DraftValues {
  return {
    childId,
    guardians: [],
    problems: [],
    requirements: [{ text: '', dueDate: null }],
    legalBasis: t('documents.order.legalBasis'),
    consequences: t('documents.order.consequences'),
  };
}

function orderValues(order: OrderView): DraftValues {
  return {
    childId: order.child.id,
    guardians: order.guardians.map((g) => g.personId),
    caseNumber: order.caseNumber,
    facts: order.facts,
    problems: order.problems.map((p) => p.code),
    problemsOther: order.problemsOther,
    requirements: order.requirements.map((r) => ({ text: r.text, dueDate: r.dueDate })),
    legalBasis: order.legalBasis,
    consequences: order.consequences,
  };
}

const PAGES: RecordFormSpec<'orders.get'> = {
  get: 'orders.get',
  path: '/orders',
  texts: 'orders.form',
  // Only a draft (拟制) can change; a returned one comes back here.
  editable: (o) => o.status === 'draft',
  form: (o, props, query) => (
    <OrderForm order={o} initialChildId={o?.child.id ?? query.get('childId')} {...props} />
  ),
};
/** 新建督促监护令: /orders/new, optionally ?childId= from the child's file. */
export const OrderCreatePage = () => <RecordFormRoute spec={PAGES} mode="create" />;
/** 编辑草稿. */
export const OrderEditRoute = () => <RecordFormRoute spec={PAGES} mode="edit" />;

function OrderForm({
  order,
  initialChildId,
  ...props
}: SpecFormProps<OrderView> & { order: OrderView | null; initialChildId: string | null }) {
  const [form] = Form.useForm<DraftValues>();
  const { childId, file, loading, error } = useFormChild(form, order?.child.id ?? initialChildId);
  const initialValues = useMemo(
    () => (order ? orderValues(order) : blankValues(initialChildId)),
    [order, initialChildId],
  );

  useLatestValues(form, order, orderValues);

  const call = useCallback(
    (v: DraftValues) => {
      const relations = new Map((file?.relations ?? []).map((r) => [r.person.id, r.relation as Relation]));
      const fields = {
        guardians: (v.guardians ?? []).map((personId) => ({
          personId,
          relation: relations.get(personId) ?? ('other' as const),
        })),
        caseNumber: blankToNull(v.caseNumber),
        facts: v.facts ?? '',
        problems: v.problems ?? [],
        problemsOther: blankToNull(v.problemsOther),
        requirements: (v.requirements ?? []).map((r) => ({ text: r.text ?? '', dueDate: r.dueDate || null })),
        legalBasis: blankToNull(v.legalBasis),
        consequences: blankToNull(v.consequences),
      };
      return order
        ? api('orders.updateDraft', { id: order.id, version: order.version, ...fields })
        : api('orders.createDraft', { childId: v.childId ?? '', ...fields });
    },
    [order, file],
  );

  const childChanged = () => form.setFieldsValue({ guardians: [] });

  return (
    <RecordPageForm form={form} save={call} initialValues={initialValues} {...props}>
      <Card title={t('orders.form.sectionParties')} size="small">
        <FieldRow>
          <ChildField
            label={f('child')}
            disabled={!!order}
            selectedLabel={file?.profile.name ?? order?.child.name}
            onPicked={childChanged}
          />
          <TextField {...field('caseNumber')} maxLength={60} placeholder={example('caseNumber')} />
        </FieldRow>
        <Form.Item
          {...field('guardians')}
          required
          extra={file && file.relations.length > 0 ? t('orders.form.guardiansHint') : undefined}
        >
          <GuardianChecklist childId={childId} file={file} loading={loading} error={error} />
        </Form.Item>
      </Card>

      <Card title={t('orders.form.sectionFacts')} size="small">
        <TextAreaField {...field('facts')} required rows={5} count={4000} placeholder={example('facts')} />
        <Form.Item {...field('problems')} extra={t('orders.form.problemsHint')}>
          <ProblemChecklist />
        </Form.Item>
        <TextAreaField
          {...field('problemsOther')}
          rows={2}
          maxLength={1000}
          placeholder={example('problemsOther')}
        />
      </Card>

      <Card title={f('requirements')} size="small">
        <RequirementList name="requirements" textLabel={t('orders.form.requirementText')} />
      </Card>

      <Card title={t('orders.form.sectionLaw')} size="small">
        {/* Both are filled with the standard wording, which an empty box also means. */}
        {(['legalBasis', 'consequences'] as const).map((name) => (
          <TextAreaField
            key={name}
            {...field(name)}
            extra={t('orders.form.standardHint')}
            rows={name === 'legalBasis' ? 2 : 4}
            maxLength={1000}
          />
        ))}
      </Card>
    </RecordPageForm>
  );
}

/** 未成年人保护法 arts. 16–17, each item with its article so the document can cite it. */
function ProblemChecklist({
  value,
  onChange,
  id,
}: {
  value?: string[];
  onChange?: (v: string[]) => void;
  id?: string;
}) {
  return (
    <div id={id}>
      <Checkbox.Group
        value={value ?? []}
        onChange={(v) => onChange?.(v as string[])}
        style={{ width: '100%' }}
      >
        <Flex vertical gap={12} style={{ width: '100%' }}>
          {PROBLEM_GROUPS.map((group) => (
            <fieldset key={group.article} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
              <legend style={{ fontWeight: 600, fontSize: 14, marginBottom: 6, padding: 0 }}>
                {t(`orders.form.article${group.article}`)}
              </legend>
              <Flex vertical gap={4}>
                {group.items.map((p) => (
                  <Checkbox key={p.code} value={p.code}>
                    <Typography.Text type="secondary" style={{ marginInlineEnd: 8, whiteSpace: 'nowrap' }}>
                      {p.article}
                    </Typography.Text>
                    {p.text}
                  </Checkbox>
                ))}
              </Flex>
            </fieldset>
          ))}
        </Flex>
      </Checkbox.Group>
    </div>
  );
}
