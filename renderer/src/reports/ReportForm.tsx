import { AutoComplete, Card, Col, DatePicker, Flex, Form, Input, Row, Select, Spin } from 'antd';
import { useCallback, useMemo } from 'react';
import { TOWNSHIPS } from '../../../db/children/inputs';
import { t } from '../../../db/i18n';
import { REPORTER_KINDS, TRIGGERS } from '../../../db/reports/codes';
import { reportCreateInput, reportUpdateInput } from '../../../db/reports/inputs';
import { api } from '../api/client';
import { type ChildOption, ChildrenSelect, childLabel } from '../children/pickers';
import { afterToday, DATE_FORMAT, dateItem, todayText } from '../common/dates';
import { RecordFormRoute, type RecordFormSpec, RecordPageForm, type SpecFormProps } from '../common/FormPage';
import { blankToNull } from '../common/forms';
import { useApiQuery } from '../common/useApiQuery';
import { checkInput } from '../common/zodFields';
import type { ReportView } from './parts';

/** Form values use the API's field names, so every field error lands beside its field. */
interface Values {
  reporterUnit?: string;
  reporterKind?: string;
  reporterName?: string;
  reporterContact?: string | null;
  learnedDate?: string | null;
  reportedDate?: string | null;
  trigger?: string;
  situation?: string;
  policeStation?: string | null;
  childIds?: string[];
}

// The district's police stations by township name; the caseworker may type another.
const STATIONS = TOWNSHIPS.map((tw) => ({ value: `${tw.replace(/街道|镇$/, '')}派出所` }));

function toInput(v: Values) {
  return {
    ...v,
    reporterContact: blankToNull(v.reporterContact),
    policeStation: blankToNull(v.policeStation),
    childIds: v.childIds ?? [],
  };
}

const PAGES: RecordFormSpec<'mandatoryReports.get'> = {
  get: 'mandatoryReports.get',
  path: '/reports',
  texts: 'mandatoryReports.form',
  // A conflict shows its message without loading the report again.
  form: (r, props, query) =>
    r ? (
      <ReportForm
        report={r}
        known={r.children.map((c) => ({ value: c.id, label: childLabel(c) }))}
        {...props}
        onConflict={undefined}
      />
    ) : (
      <NewReportForm childId={query.get('childId')} {...props} />
    ),
};
/** 登记强制报告: /reports/new, optionally ?childId= from a child's file. */
export const ReportCreatePage = () => <RecordFormRoute spec={PAGES} mode="create" />;
export const ReportEditRoute = () => <RecordFormRoute spec={PAGES} mode="edit" />;

/** A new report starts with the child it was opened from, once their file has loaded. */
function NewReportForm({ childId, ...props }: SpecFormProps<ReportView> & { childId: string | null }) {
  const { data: child } = useApiQuery('children.get', childId ? { id: childId } : null);
  if (childId && !child)
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin size="large" />
      </Flex>
    );
  return (
    <ReportForm
      report={null}
      known={child ? [{ value: child.profile.id, label: childLabel(child.profile) }] : []}
      {...props}
    />
  );
}

function ReportForm({
  report,
  known,
  ...props
}: SpecFormProps<ReportView> & { report: ReportView | null; known: ChildOption[] }) {
  const [form] = Form.useForm<Values>();
  const initialValues = useMemo<Values>(
    () =>
      report
        ? {
            reporterUnit: report.reporterUnit,
            reporterKind: report.reporterKind,
            reporterName: report.reporterName,
            reporterContact: report.reporterContact,
            learnedDate: report.learnedDate,
            reportedDate: report.reportedDate,
            trigger: report.trigger,
            situation: report.situation,
            policeStation: report.policeStation,
            childIds: report.children.map((c) => c.id),
          }
        : { reportedDate: todayText(), childIds: known.map((k) => k.value) },
    [report, known],
  );
  const call = useCallback(
    (v: Values) =>
      report
        ? api(
            'mandatoryReports.update',
            checkInput(reportUpdateInput, { id: report.id, version: report.version, ...toInput(v) }),
          )
        : api('mandatoryReports.create', checkInput(reportCreateInput, toInput(v))),
    [report],
  );

  return (
    <RecordPageForm form={form} save={call} initialValues={initialValues} maxWidth={null} {...props}>
      <Card title={t('mandatoryReports.page.report')} size="small">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label={t('mandatoryReports.fields.reporterUnit')} name="reporterUnit" required>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('mandatoryReports.fields.reporterKind')} name="reporterKind" required>
              <Select
                options={REPORTER_KINDS.map((k) => ({
                  value: k,
                  label: t(`mandatoryReports.reporterKinds.${k}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('mandatoryReports.fields.reporterName')} name="reporterName" required>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('mandatoryReports.fields.reporterContact')} name="reporterContact">
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              label={t('mandatoryReports.fields.learnedDate')}
              name="learnedDate"
              required
              {...dateItem}
            >
              <DatePicker format={DATE_FORMAT} disabledDate={afterToday} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              label={t('mandatoryReports.fields.reportedDate')}
              name="reportedDate"
              required
              {...dateItem}
            >
              <DatePicker format={DATE_FORMAT} disabledDate={afterToday} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('mandatoryReports.fields.policeStation')}
              name="policeStation"
              extra={t('mandatoryReports.form.policeStationHint')}
            >
              <AutoComplete options={STATIONS} maxLength={60} filterOption />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('mandatoryReports.fields.trigger')} name="trigger" required>
          <Select
            options={TRIGGERS.map((k) => ({ value: k, label: t(`mandatoryReports.triggers.${k}`) }))}
            optionRender={(o) => <span style={{ whiteSpace: 'normal' }}>{o.label}</span>}
          />
        </Form.Item>
        <Form.Item label={t('mandatoryReports.fields.childIds')} name="childIds" required>
          <ChildrenSelect known={known} />
        </Form.Item>
        <Form.Item label={t('mandatoryReports.fields.situation')} name="situation" required>
          <Input.TextArea rows={4} maxLength={4000} showCount />
        </Form.Item>
      </Card>
    </RecordPageForm>
  );
}
