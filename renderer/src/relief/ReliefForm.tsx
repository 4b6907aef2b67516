import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Result,
  Row,
  Select,
  Spin,
} from 'antd';
import { useCallback, useMemo } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { t } from '../../../db/i18n';
import { RELIEF_APPLICANT_RELATIONS, RELIEF_MATERIALS } from '../../../db/relief/codes';
import { api, toApiCallError } from '../api/client';
import { ChildSelect, useChildFile } from '../children/pickers';
import { afterToday, DATE_FORMAT, dateItem, todayText } from '../common/dates';
import { BackLink } from '../common/empty';
import { blankToNull } from '../common/forms';
import { PageForm } from '../common/PageForm';
import { PageHeader } from '../common/PageHeader';
import { useApiForm } from '../common/useApiForm';
import { useApiQuery } from '../common/useApiQuery';
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

/** 新建救助申请: /relief/new, optionally ?childId= from the child's file. */
export function ReliefCreatePage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  return (
    <>
      <BackLink to="/relief" label={t('relief.form.backToList')} />
      <div style={{ height: 8 }} />
      <PageHeader title={t('relief.form.createTitle')} intro={t('relief.form.createIntro')} />
      <ReliefForm
        relief={null}
        initialChildId={params.get('childId')}
        onSaved={(v) => navigate(`/relief/${v.id}`, { replace: true })}
        onCancel={() => navigate(-1)}
        onConflict={() => undefined}
      />
    </>
  );
}

export function ReliefEditRoute() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { data, error, reload } = useApiQuery('relief.get', { id });
  if (!data) {
    if (error) return <Result status="warning" title={t('relief.page.notFound')} subTitle={error} />;
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin size="large" />
      </Flex>
    );
  }
  const editable = data.status === 'applied' || data.status === 'reviewing';
  return (
    <>
      <BackLink to={`/relief/${id}`} label={t('relief.form.backToRecord')} />
      <div style={{ height: 8 }} />
      <PageHeader title={t('relief.form.editTitle')} />
      {editable ? (
        <ReliefForm
          relief={data}
          initialChildId={data.child.id}
          onSaved={(v) => navigate(`/relief/${v.id}`, { replace: true })}
          onCancel={() => navigate(`/relief/${id}`)}
          onConflict={reload}
        />
      ) : (
        <Alert type="warning" showIcon title={t('relief.form.notEditable')} />
      )}
    </>
  );
}

function ReliefForm({
  relief,
  initialChildId,
  onSaved,
  onCancel,
  onConflict,
}: {
  relief: ReliefView | null;
  initialChildId: string | null;
  onSaved: (v: ReliefView) => void;
  onCancel: () => void;
  onConflict: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const watched = Form.useWatch('childId', form);
  const childId = watched === undefined ? (relief?.child.id ?? initialChildId) : watched;
  const { file } = useChildFile(childId);
  const initialValues = useMemo<Values>(
    () =>
      relief
        ? viewValues(relief)
        : { childId: initialChildId, applicationDate: todayText(), materials: ['application'] },
    [relief, initialChildId],
  );

  const call = useCallback(
    async (v: Values) => {
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
      try {
        return relief
          ? await api('relief.update', { id: relief.id, version: relief.version, ...fields })
          : await api('relief.create', { childId: v.childId ?? '', ...fields });
      } catch (err) {
        if (toApiCallError(err).code === 'CONFLICT') onConflict();
        throw err;
      }
    },
    [relief, onConflict],
  );
  const { onFinish, submitting, failure } = useApiForm(form, call, {
    onSuccess: onSaved,
    successMessage: t('relief.form.saved'),
  });

  return (
    <PageForm<Values>
      form={form}
      onFinish={onFinish}
      initialValues={initialValues}
      failure={failure}
      maxWidth={1000}
    >
      <Flex vertical gap={16}>
        <Card title={t('relief.page.sectionApplication')} size="small">
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item
                label={t('relief.form.childLabel')}
                name="childId"
                rules={[{ required: true, message: t('orders.shared.childRequired') }]}
              >
                <ChildSelect disabled={!!relief} selectedLabel={file?.profile.name ?? relief?.child.name} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                label={t('relief.fields.applicationDate')}
                name="applicationDate"
                required
                {...dateItem}
              >
                <DatePicker format={DATE_FORMAT} disabledDate={afterToday} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label={t('relief.fields.applicantName')} name="applicantName" required>
                <Input maxLength={40} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label={t('relief.fields.applicantRelation')} name="applicantRelation" required>
                <Select
                  options={RELIEF_APPLICANT_RELATIONS.map((r) => ({
                    value: r,
                    label: t(`relief.codes.relation.${r}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label={t('relief.fields.applicantPhone')} name="applicantPhone">
                <Input maxLength={20} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label={t('relief.fields.caseNumber')} name="caseNumber">
                <Input maxLength={60} placeholder={t('relief.form.caseNumberPlaceholder')} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label={t('relief.fields.requested')} name="requested">
                <Input maxLength={16} suffix="元" placeholder={t('relief.form.amountPlaceholder')} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={t('relief.fields.reasons')} name="reasons" required>
            <Input.TextArea rows={4} maxLength={4000} showCount />
          </Form.Item>
          <Form.Item label={t('relief.fields.materials')} name="materials">
            <Checkbox.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
              options={RELIEF_MATERIALS.map((m) => ({ value: m, label: t(`relief.codes.material.${m}`) }))}
            />
          </Form.Item>
        </Card>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={submitting}>
            {t('relief.form.save')}
          </Button>
          <Button onClick={onCancel}>{t('relief.form.cancel')}</Button>
        </Flex>
      </Flex>
    </PageForm>
  );
}
