// The requirement / follow-up mechanism both areas share (db/followups): an order's
// requirements and a plan's goals, the 回访 that checks them, and the history of those visits.
import {
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Radio,
  Row,
  Select,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useCallback, useMemo } from 'react';
import { t } from '../../../db/i18n';
import { afterToday, DATE_FORMAT, dateItem, todayText } from '../common/dates';
import { None, OverdueTag } from '../common/empty';
import { FormModal, type ModalProps, useModalForm } from '../common/FormDialog';
import { blankToNull } from '../common/forms';
import { ShortTable } from '../common/ShortTable';
import { statusTag } from '../common/StatusTag';
import type { FollowUpView, RequirementView } from './types';

const REQUIREMENT_STATUSES = ['pending', 'met', 'partlyMet', 'notMet'] as const;
type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

const STATUS_COLOR: Record<RequirementStatus, string> = {
  pending: 'default',
  met: 'green',
  partlyMet: 'gold',
  notMet: 'red',
};

export const RequirementStatusTag = statusTag(STATUS_COLOR, (s: RequirementStatus) =>
  t(`codes.requirementStatus.${s}`),
);

/** Requirements (or goals) with their status; a pending one past its due date stands out. */
export function RequirementsTable({
  items,
  textTitle,
  emptyText,
  testId,
}: {
  items: RequirementView[];
  textTitle: string;
  emptyText: string;
  testId?: string;
}) {
  const columns: TableColumnsType<RequirementView> = [
    { title: '#', key: 'n', width: 48, render: (_v, _r, i) => i + 1 },
    { title: textTitle, dataIndex: 'text', key: 'text' },
    {
      title: t('orders.shared.dueDate'),
      dataIndex: 'dueDate',
      key: 'due',
      width: 150,
      render: (due: string | null, row) =>
        due ? (
          <Flex gap={6} align="center" wrap={false}>
            <span style={{ whiteSpace: 'nowrap' }}>{due}</span>
            {row.overdue && <OverdueTag />}
          </Flex>
        ) : (
          <None />
        ),
    },
    {
      title: t('orders.shared.requirementStatus'),
      dataIndex: 'status',
      key: 'status',
      width: 110,
      render: (s: RequirementStatus) => <RequirementStatusTag status={s} />,
    },
    {
      title: t('orders.shared.requirementNote'),
      dataIndex: 'note',
      key: 'note',
      render: (n: string | null) => n ?? <None />,
    },
  ];
  return (
    <ShortTable<RequirementView>
      columns={columns}
      rows={items}
      testId={testId}
      empty={emptyText}
      onRow={(row) => ({
        'data-overdue': row.overdue ? 'true' : undefined,
        style: row.overdue ? { background: '#fff1f0' } : undefined,
      })}
    />
  );
}

export function FollowUpHistory({ items, testId }: { items: FollowUpView[]; testId?: string }) {
  const columns: TableColumnsType<FollowUpView> = [
    {
      title: t('orders.followUp.date'),
      dataIndex: 'date',
      key: 'date',
      width: 110,
      render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{d}</span>,
    },
    {
      title: t('orders.followUp.method'),
      dataIndex: 'method',
      key: 'method',
      width: 80,
      render: (m: FollowUpView['method']) => t(`codes.followUpMethod.${m}`),
    },
    { title: t('orders.followUp.findings'), dataIndex: 'findings', key: 'findings' },
    {
      title: t('orders.followUp.compliance'),
      dataIndex: 'compliance',
      key: 'compliance',
      width: 100,
      render: (c: FollowUpView['compliance']) => (c ? t(`codes.compliance.${c}`) : <None />),
    },
    {
      title: t('orders.followUp.nextDate'),
      dataIndex: 'nextDate',
      key: 'next',
      width: 110,
      render: (d: string | null) => d ?? <None />,
    },
    {
      title: t('orders.followUp.recordedBy'),
      dataIndex: 'createdByName',
      key: 'by',
      width: 100,
      render: (n: string | null) => n ?? <None />,
    },
  ];
  return (
    <ShortTable<FollowUpView>
      columns={columns}
      rows={items}
      testId={testId}
      empty={t('orders.followUp.none')}
    />
  );
}

export interface FollowUpValues {
  date: string;
  method?: FollowUpView['method'];
  findings?: string;
  compliance?: FollowUpView['compliance'];
  nextDate?: string | null;
  /** One row per requirement, in the order shown; the API's error paths use the same index. */
  requirementStatuses: { status: RequirementStatus; note?: string | null }[];
}

/** The values as the API takes them: each row with the id and version of its requirement. */
export interface FollowUpSubmit extends Omit<FollowUpValues, 'requirementStatuses'> {
  requirementStatuses: { id: string; version: number; status: RequirementStatus; note?: string | null }[];
}

/** What both areas' addFollowUp take besides the record's id (and an order's version). */
export function followUpInput(v: FollowUpSubmit) {
  return {
    date: v.date,
    method: v.method as FollowUpView['method'],
    findings: v.findings ?? '',
    compliance: v.compliance ?? null,
    nextDate: v.nextDate || null,
    requirementStatuses: v.requirementStatuses.map((r) => ({
      id: r.id,
      version: r.version,
      status: r.status,
      note: blankToNull(r.note),
    })),
  };
}

/**
 * 回访: what was found, how well the guardian complies, when to come again, and the status of
 * each requirement (or goal) as found on this visit.
 */
export function FollowUpModal<R>({
  requirements,
  requirementsTitle,
  call,
  ...props
}: ModalProps<R> & {
  requirements: RequirementView[];
  requirementsTitle: string;
  call: (values: FollowUpSubmit) => Promise<R>;
}) {
  const [form] = Form.useForm<FollowUpValues>();
  // The form holds only what the caseworker edits; ids and versions come from the list shown.
  const withIds = useCallback(
    (v: FollowUpValues) =>
      call({
        ...v,
        requirementStatuses: requirements.map((r, i) => ({
          id: r.id,
          version: r.version,
          status: v.requirementStatuses?.[i]?.status ?? r.status,
          note: v.requirementStatuses?.[i]?.note ?? null,
        })),
      }),
    [call, requirements],
  );
  const { onFinish, submitting, failure } = useModalForm(form, withIds, props, t('orders.followUp.done'));
  const initialValues = useMemo<FollowUpValues>(
    () => ({
      date: todayText(),
      requirementStatuses: requirements.map((r) => ({ status: r.status, note: r.note })),
    }),
    [requirements],
  );

  return (
    <FormModal<FollowUpValues>
      title={t('orders.followUp.title')}
      onClose={props.onClose}
      form={form}
      onFinish={onFinish}
      submitting={submitting}
      failure={failure}
      okText={t('orders.followUp.submit')}
      width={760}
      initialValues={initialValues}
    >
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item label={t('orders.followUp.date')} name="date" required {...dateItem}>
            <DatePicker format={DATE_FORMAT} disabledDate={afterToday} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item label={t('orders.followUp.method')} name="method" required>
            <Radio.Group
              optionType="button"
              options={(['visit', 'phone', 'atOffice'] as const).map((m) => ({
                value: m,
                label: t(`codes.followUpMethod.${m}`),
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('orders.followUp.findings')} name="findings" required>
        <Input.TextArea rows={3} maxLength={2000} placeholder={t('orders.followUp.findingsPlaceholder')} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label={t('orders.followUp.compliance')} name="compliance">
            <Radio.Group
              optionType="button"
              options={(['good', 'fair', 'poor'] as const).map((c) => ({
                value: c,
                label: t(`codes.compliance.${c}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label={t('orders.followUp.nextDate')}
            name="nextDate"
            extra={t('orders.followUp.nextDateHint')}
            {...dateItem}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {requirements.length > 0 && (
        <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <legend style={{ fontWeight: 600, fontSize: 14, marginBottom: 8, padding: 0 }}>
            {requirementsTitle}
          </legend>
          <Form.List name="requirementStatuses">
            {(fields) =>
              fields.map((field) => {
                const req = requirements[field.name];
                return (
                  <div
                    key={field.key}
                    data-testid={`requirement-status-${field.name}`}
                    // The legend already draws a rule above the first row.
                    style={
                      field.name > 0
                        ? { borderTop: '1px solid #f0f0f0', paddingTop: 8, marginBottom: 4 }
                        : { marginBottom: 4 }
                    }
                  >
                    <Typography.Text style={{ display: 'block', marginBottom: 6 }}>
                      {field.name + 1}. {req?.text}
                      {req?.dueDate && (
                        <Typography.Text type="secondary">
                          {' '}
                          {t('orders.shared.dueBy', { date: req.dueDate })}
                        </Typography.Text>
                      )}
                    </Typography.Text>
                    <Row gutter={12}>
                      <Col span={8}>
                        <Form.Item
                          name={[field.name, 'status']}
                          label={t('orders.followUp.requirementStatusLabel', { n: field.name + 1 })}
                          style={{ marginBottom: 8 }}
                        >
                          <Select
                            options={REQUIREMENT_STATUSES.map((s) => ({
                              value: s,
                              label: t(`codes.requirementStatus.${s}`),
                            }))}
                          />
                        </Form.Item>
                      </Col>
                      <Col span={16}>
                        <Form.Item
                          name={[field.name, 'note']}
                          label={t('orders.followUp.requirementNoteLabel', { n: field.name + 1 })}
                          style={{ marginBottom: 8 }}
                        >
                          <Input maxLength={500} />
                        </Form.Item>
                      </Col>
                    </Row>
                  </div>
                );
              })
            }
          </Form.List>
        </fieldset>
      )}
    </FormModal>
  );
}
