import { Card, Checkbox, Form } from 'antd';
import { useCallback, useMemo } from 'react';
import { type Catalog, t } from '../../../db/i18n';
import { RELIEF_APPLICANT_RELATIONS, RELIEF_MATERIALS } from '../../../db/relief/codes';
import { api } from '../api/client';
import { ChildField, useFormChild } from '../children/pickers';
import { todayText } from '../common/dates';
import { RecordFormRoute, type RecordFormSpec, RecordPageForm, type SpecFormProps } from '../common/FormPage';
import { DateField, FieldRow, SelectField, TextAreaField, TextField } from '../common/fields';
import { blankToNull } from '../common/forms';
import type { ReliefView } from './parts';

/** Form values use the API's field names, so its field errors land beside their fields. */
interface Values {
  childId?: string | null;
  applicantName?: string;
  applicantRelation?: (typeof RELIEF_APPLICANT_RELATIONS)[number];
  applicantPhone?: string | null;
  applicationDate?: string | null;
  caseNumber?: string | null;
  reasons?: string;
  materials?: (typeof RELIEF_MATERIALS)[number][];
  requested?: string | null;
}

function viewValues(r: ReliefView): Values {
  return {
    childId: r.child.id,
    applicantName: r.applicantName,
    applicantRelation: r.applicantRelation as Values['applicantRelation'],
    applicantPhone: r.applicantPhone,
    applicationDate: r.applicationDate,
    caseNumber: r.caseNumber,
    reasons: r.reasons,
    materials: r.materials,
    requested: r.requested?.replace(/,/g, '') ?? null,
  };
}

const f = (k: keyof Catalog['relief']['fields']) => t(`relief.fields.${k}`);
const RELATIONS = RELIEF_APPLICANT_RELATIONS.map((r) => ({
  value: r,
  label: t(`relief.codes.relation.${r}`),
}));

const PAGES: RecordFormSpec<'relief.get'> = {
  get: 'relief.get',
  path: '/relief',
  texts: 'relief.form',
  editable: (r) => r.status === 'applied' || r.status === 'reviewing',
  form: (r, props, query) => (
    <ReliefForm relief={r} initialChildId={r?.child.id ?? query.get('childId')} {...props} />
  ),
};
/** 新建救助申请: /relief/new, optionally ?childId= from the child's file. */
export const ReliefCreatePage = () => <RecordFormRoute spec={PAGES} mode="create" />;
export const ReliefEditRoute = () => <RecordFormRoute spec={PAGES} mode="edit" />;

function ReliefForm({
  relief,
  initialChildId,
  ...props
}: SpecFormProps<ReliefView> & { relief: ReliefView | null; initialChildId: string | null }) {
  const [form] = Form.useForm<Values>();
  const { file } = useFormChild(form, relief?.child.id ?? initialChildId);
  const initialValues = useMemo<Values>(
    () =>
      relief
        ? viewValues(relief)
        : { childId: initialChildId, applicationDate: todayText(), materials: ['application'] },
    [relief, initialChildId],
  );

  const call = useCallback(
    (v: Values) => {
      const fields = {
        applicantName: v.applicantName ?? '',
        applicantRelation: v.applicantRelation as NonNullable<Values['applicantRelation']>,
        applicantPhone: blankToNull(v.applicantPhone),
        applicationDate: v.applicationDate ?? '',
        caseNumber: blankToNull(v.caseNumber),
        reasons: v.reasons ?? '',
        materials: v.materials ?? [],
        requested: blankToNull(v.requested),
      };
      return relief
        ? api('relief.update', { id: relief.id, version: relief.version, ...fields })
        : api('relief.create', { childId: v.childId ?? '', ...fields });
    },
    [relief],
  );

  return (
    <RecordPageForm form={form} save={call} initialValues={initialValues} {...props}>
      <Card title={t('relief.page.sectionApplication')} size="small">
        <FieldRow spans={[12, 12, 8, 8, 8, 12, 12]}>
          <ChildField
            label={t('relief.form.childLabel')}
            disabled={!!relief}
            selectedLabel={file?.profile.name ?? relief?.child.name}
          />
          <DateField label={f('applicationDate')} name="applicationDate" required width="100%" />
          <TextField label={f('applicantName')} name="applicantName" required maxLength={40} />
          <SelectField label={f('applicantRelation')} name="applicantRelation" required options={RELATIONS} />
          <TextField label={f('applicantPhone')} name="applicantPhone" maxLength={20} />
          <TextField
            label={f('caseNumber')}
            name="caseNumber"
            maxLength={60}
            placeholder={t('relief.form.caseNumberPlaceholder')}
          />
          <TextField
            label={f('requested')}
            name="requested"
            maxLength={16}
            suffix={t('relief.yuan')}
            placeholder={t('relief.form.amountPlaceholder')}
          />
        </FieldRow>
        <TextAreaField label={f('reasons')} name="reasons" required rows={4} count={4000} />
        <Form.Item label={f('materials')} name="materials">
          <Checkbox.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
            options={RELIEF_MATERIALS.map((m) => ({ value: m, label: t(`relief.codes.material.${m}`) }))}
          />
        </Form.Item>
      </Card>
    </RecordPageForm>
  );
}
