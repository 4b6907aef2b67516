import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Flex, Form, Select, type TableColumnsType, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { t } from '../../../db/i18n';
import { type ApiOutput, api } from '../api/client';
import { columnsOf } from '../common/columns';
import { formatDateTime } from '../common/dates';
import { PageHeader } from '../common/PageHeader';
import { PAGE_SIZE, RegisterTable } from '../common/RegisterList';
import { useApiQuery } from '../common/useApiQuery';
import { useBusyCall } from '../common/useBusyCall';
import { AUDIT_ACTIONS, actionLabel, entityLabel, formatDetail } from './actions';

type AuditRow = ApiOutput<'audit.list'>['rows'][number];
const col = columnsOf<AuditRow>();
type VerifyResult = ApiOutput<'audit.verify'>;

export function AuditPage() {
  const [action, setAction] = useState<string | undefined>();
  // 儿童: everything that happened to one child, whatever record it was written under (child_id).
  const [params, setParams] = useSearchParams();
  const childId = params.get('childId') ?? undefined;
  const [childQuery, setChildQuery] = useState('');
  const found = useApiQuery('children.list', childQuery ? { query: childQuery, limit: 20 } : null);
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [page, setPage] = useState(1);
  const [outcome, setOutcome] = useState<VerifyResult | null>(null);

  const input = useMemo(
    () => ({
      ...(action ? { action } : {}),
      ...(childId ? { childId } : {}),
      ...(range ? { from: range[0].startOf('day').valueOf(), to: range[1].endOf('day').valueOf() } : {}),
      offset: (page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    }),
    [action, childId, range, page],
  );
  const { data, error, loading, reload } = useApiQuery('audit.list', input);
  const columns = useMemo(auditColumns, []);
  const actionOptions = useMemo(
    () => AUDIT_ACTIONS.map((code) => ({ value: code, label: actionLabel(code) })),
    [],
  );

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        intro={t('audit.intro')}
        extra={<VerifyButton onResult={setOutcome} onDone={reload} />}
      />
      {outcome && <VerifyOutcome outcome={outcome} />}
      <Card>
        <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item label={t('audit.filters.action')} htmlFor="audit-action">
            <Select
              id="audit-action"
              allowClear
              style={{ width: 200 }}
              placeholder={t('audit.filters.actionAll')}
              options={actionOptions}
              value={action}
              onChange={(v?: string) => {
                setAction(v);
                setPage(1);
              }}
            />
          </Form.Item>
          <Form.Item label={t('audit.filters.child')} htmlFor="audit-child">
            <Select
              id="audit-child"
              allowClear
              showSearch={{ filterOption: false, onSearch: (q) => setChildQuery(q.trim()) }}
              style={{ width: 200 }}
              placeholder={t('audit.filters.childAll')}
              notFoundContent={childQuery ? t('audit.filters.childNone') : null}
              options={(found.data?.rows ?? []).map((c) => ({
                value: c.id,
                label: `${c.name}（${c.birthDate}）`,
              }))}
              value={childId}
              labelRender={(v) =>
                v.label ? v.label : (params.get('childName') ?? t('audit.filters.childSelected'))
              }
              onChange={(v?: string) => {
                const option = found.data?.rows.find((c) => c.id === v);
                setParams(v ? { childId: v, childName: option?.name ?? '' } : {}, { replace: true });
                setPage(1);
              }}
            />
          </Form.Item>
          <Form.Item label={t('audit.filters.range')} htmlFor="audit-range">
            <DatePicker.RangePicker
              id={{ start: 'audit-range' }}
              placeholder={[t('audit.filters.rangeStart'), t('audit.filters.rangeEnd')]}
              value={range}
              onChange={(v) => {
                setRange(v?.[0] && v[1] ? [v[0], v[1]] : null);
                setPage(1);
              }}
            />
          </Form.Item>
        </Form>
        <RegisterTable<AuditRow>
          rowKey="seq"
          error={error}
          columns={columns}
          rows={data?.rows}
          loading={loading}
          empty={t('audit.empty')}
          page={page}
          total={data?.total}
          onPage={setPage}
          totalText={(n) => t('audit.total', { total: n })}
        />
      </Card>
    </>
  );
}

function VerifyButton({
  onResult,
  onDone,
}: {
  onResult: (r: VerifyResult | null) => void;
  /** Reloads the table so it shows the rows the check just read. */
  onDone: () => void;
}) {
  const { running, run: call } = useBusyCall();
  const run = () =>
    call(true, async () => {
      onResult(null);
      onResult(await api('audit.verify', {}));
      onDone();
    });
  return (
    <Button icon={<SafetyCertificateOutlined />} loading={running} onClick={() => void run()}>
      {t('audit.verify.button')}
    </Button>
  );
}

function VerifyOutcome({ outcome }: { outcome: VerifyResult }) {
  if (outcome.ok) {
    return (
      <Alert
        type="success"
        showIcon
        role="status"
        data-testid="audit-verify-result"
        style={{ marginBottom: 16 }}
        title={t('audit.verify.ok', { checked: outcome.checked })}
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="audit-verify-result"
      style={{ marginBottom: 16 }}
      title={t('audit.verify.failed', { count: outcome.problems.length, checked: outcome.checked })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {outcome.problems.map((p) => (
            <li key={`${p.seq}-${p.kind}`}>
              <Typography.Text type="danger">{p.message}</Typography.Text>
            </li>
          ))}
        </ul>
      }
    />
  );
}

function auditColumns(): TableColumnsType<AuditRow> {
  const dash = t('app.common.empty');
  return [
    col(t('audit.columns.seq'), 'seq', undefined, { width: 80 }),
    col(t('audit.columns.at'), 'at', (at) => (
      <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatDateTime(at)}</span>
    )),
    col(t('audit.columns.actor'), 'actorName', (v) => v || dash),
    col(t('audit.columns.action'), 'action', actionLabel),
    {
      title: t('audit.columns.entity'),
      key: 'entity',
      render: (_, row) =>
        row.entity ? (
          <Flex vertical>
            <span>{entityLabel(row.entity)}</span>
            {row.entityId && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable={{ text: row.entityId }}>
                {row.entityId}
              </Typography.Text>
            )}
          </Flex>
        ) : (
          dash
        ),
    },
    col(t('audit.columns.detail'), 'detail', (detail) => <DetailText detail={detail} />),
  ];
}

function DetailText({ detail }: { detail: unknown }) {
  const text = formatDetail(detail);
  if (!text) return <>{t('app.common.empty')}</>;
  return (
    <Typography.Text style={{ maxWidth: 360, fontSize: 12 }} ellipsis={{ tooltip: text }}>
      {text}
    </Typography.Text>
  );
}
