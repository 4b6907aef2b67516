import { Card, Checkbox, Col, Form, Input, Radio, Row, Select } from 'antd';
import { useCallback, useMemo } from 'react';
import { t } from '../../../db/i18n';
import { SUIT_APPLICANTS, SUIT_DOCUMENTS, SUIT_GROUNDS, SUIT_KINDS } from '../../../db/suits/codes';
import { api } from '../api/client';
import { ChildField, GuardianChecklist, useFormChild } from '../children/pickers';
import { RecordFormRoute, type RecordFormSpec, RecordPageForm, type SpecFormProps } from '../common/FormPage';
import { blankToNull, useLatestValues } from '../common/forms';
import { useApiQuery } from '../common/useApiQuery';
import { planLabel, type SuitView } from './parts';

interface Values {
  childId?: string | null;
  kind?: (typeof SUIT_KINDS)[number];
  grounds?: (typeof SUIT_GROUNDS)[number][];
  groundsText?: string | null;
  respondentIds?: string[];
  applicantKind?: (typeof SUIT_APPLICANTS)[number];
  applicantName?: string | null;
  applicantContact?: string | null;
  documents?: (typeof SUIT_DOCUMENTS)[number][];
  facts?: string;
  opinion?: string | null;
  orderId?: string | null;
  planId?: string | null;
}

function viewValues(s: SuitView): Values {
  return {
    childId: s.child.id,
    kind: s.kind,
    grounds: s.grounds,
    groundsText: s.groundsText,
    respondentIds: s.respondents.map((r) => r.personId),
    applicantKind: s.applicantKind as Values['applicantKind'],
    applicantName: s.applicantName,
    applicantContact: s.applicantContact,
    documents: s.documents as Values['documents'],
    facts: s.facts,
    opinion: s.opinion,
    orderId: s.order?.id ?? null,
    planId: s.planId,
  };
}

const PAGES: RecordFormSpec<'suits.get'> = {
  get: 'suits.get',
  path: '/suits',
  texts: 'suits.form',
  editable: (s) => s.status === 'draft',
  form: (s, props, query) => (
    <SuitForm suit={s} initialChildId={s?.child.id ?? query.get('childId')} {...props} />
  ),
};
export const SuitCreatePage = () => <RecordFormRoute spec={PAGES} mode="create" />;
export const SuitEditRoute = () => <RecordFormRoute spec={PAGES} mode="edit" />;

function SuitForm({
  suit,
  initialChildId,
  ...props
}: SpecFormProps<SuitView> & { suit: SuitView | null; initialChildId: string | null }) {
  const [form] = Form.useForm<Values>();
  const { childId, file, loading, error } = useFormChild(form, suit?.child.id ?? initialChildId);
  const orders = useApiQuery('orders.forChild', childId ? { childId } : null);
  const education = useApiQuery('education.forChild', childId ? { childId } : null);
  const initialValues = useMemo<Values>(
    () =>
      suit
        ? viewValues(suit)
        : {
            childId: initialChildId,
            kind: 'revoke',
            grounds: [],
            respondentIds: [],
            documents: [],
            orderId: null,
            planId: null,
          },
    [suit, initialChildId],
  );
  useLatestValues(form, suit, viewValues);

  const call = useCallback(
    (v: Values) => {
      const fields = {
        kind: v.kind as NonNullable<Values['kind']>,
        grounds: v.grounds ?? [],
        groundsText: blankToNull(v.groundsText),
        respondentIds: v.respondentIds ?? [],
        applicantKind: v.applicantKind as NonNullable<Values['applicantKind']>,
        applicantName: blankToNull(v.applicantName),
        applicantContact: blankToNull(v.applicantContact),
        documents: v.documents ?? [],
        facts: v.facts ?? '',
        opinion: blankToNull(v.opinion),
        orderId: v.orderId || null,
        planId: v.planId || null,
      };
      return suit
        ? api('suits.update', { id: suit.id, version: suit.version, ...fields })
        : api('suits.create', { childId: v.childId ?? '', ...fields });
    },
    [suit],
  );

  return (
    <RecordPageForm form={form} save={call} initialValues={initialValues} {...props}>
      <Card title={t('suits.page.sectionCase')} size="small">
        <Row gutter={16}>
          <Col span={12}>
            <ChildField
              label={t('suits.fields.child')}
              disabled={!!suit}
              selectedLabel={file?.profile.name ?? suit?.child.name}
              onPicked={() => form.setFieldsValue({ respondentIds: [], orderId: null, planId: null })}
            />
          </Col>
          <Col span={12}>
            <Form.Item label={t('suits.fields.kind')} name="kind" required>
              <Radio.Group
                options={SUIT_KINDS.map((k) => ({ value: k, label: t(`suits.codes.kind.${k}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('suits.fields.respondents')} name="respondentIds" required>
          <GuardianChecklist childId={childId} file={file} loading={loading} error={error} />
        </Form.Item>
        <Form.Item label={t('suits.fields.order')} name="orderId">
          <Select
            allowClear
            options={[
              { value: '', label: t('suits.form.noOrder') },
              ...(orders.data ?? []).map((o) => ({
                value: o.id,
                label: `${o.number ?? t('orders.unnumbered')} · ${t(`codes.orderStatus.${o.status}`)}`,
              })),
            ]}
          />
        </Form.Item>
        <Form.Item label={t('suits.fields.plan')} name="planId">
          <Select
            allowClear
            aria-label={t('suits.fields.plan')}
            options={[
              { value: '', label: t('suits.form.noPlan') },
              ...(education.data?.plans ?? []).map((p) => ({ value: p.id, label: planLabel(p) })),
            ]}
          />
        </Form.Item>
        <Form.Item label={t('suits.fields.grounds')} name="grounds">
          <Checkbox.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
            options={SUIT_GROUNDS.map((g) => ({ value: g, label: t(`suits.codes.ground.${g}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('suits.fields.groundsText')} name="groundsText">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item label={t('suits.fields.facts')} name="facts" required>
          <Input.TextArea rows={5} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item label={t('suits.fields.opinion')} name="opinion">
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('suits.form.opinionPlaceholder')} />
        </Form.Item>
      </Card>
      <Card title={t('suits.fields.applicantKind')} size="small">
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item label={t('suits.fields.applicantKind')} name="applicantKind" required>
              <Select
                options={SUIT_APPLICANTS.map((a) => ({ value: a, label: t(`suits.codes.applicant.${a}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('suits.fields.applicantName')} name="applicantName">
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('suits.fields.applicantContact')} name="applicantContact">
              <Input maxLength={60} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('suits.fields.documents')} name="documents">
          <Checkbox.Group
            options={SUIT_DOCUMENTS.map((d) => ({ value: d, label: t(`suits.codes.document.${d}`) }))}
          />
        </Form.Item>
      </Card>
    </RecordPageForm>
  );
}
