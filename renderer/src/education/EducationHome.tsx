import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Table, type TableColumnsType, Tabs, Typography, theme } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { REGISTER_VIEWS } from '../../../db/education/codes';
import { t } from '../../../db/i18n';
import { AttachmentsButton, useAttachmentCounts } from '../attachments/AttachmentsButton';
import { todayText } from '../common/dates';
import { ExportExcelButton } from '../common/ExportExcelButton';
import { None, OverdueTag } from '../common/empty';
import { countText } from '../common/labels';
import { PageHeader } from '../common/PageHeader';
import { oneOf, PAGE_SIZE, useRegisterAddress } from '../common/RegisterList';
import { PlanKindTag, PlanStatusTag, termText } from './parts';
import { type RegisterAdmonition, type RegisterPlan, type RegisterView, useRegister } from './register';

/**
 * Guidance plans by status, and the register of 训诫. The tab and the page live in the address;
 * each page is the core's, so the screen costs a page however long the register grows.
 */
export function EducationHome() {
  const navigate = useNavigate();
  const { params, page, offset, limit, go } = useRegisterAddress('active');
  const view: RegisterView = oneOf(REGISTER_VIEWS, params.get('view')) ?? 'active';
  const { data, error, loading } = useRegister(view, offset, limit);
  const planColumns = useMemo(planListColumns, []);
  const admonitionIds = useMemo(() => (data?.admonitions ?? []).map((a) => a.id), [data]);
  const attached = useAttachmentCounts('admonition', view === 'admonitions' ? admonitionIds : []);
  const admonitionColumns = useMemo(
    () => admonitionListColumns(attached.counts, attached.reload),
    [attached.counts, attached.reload],
  );

  const count = (v: RegisterView) => (data ? countText(data.counts[v], data.capped[v]) : null);
  const pagination = {
    current: page,
    pageSize: PAGE_SIZE,
    total: data?.total ?? 0,
    hideOnSinglePage: true,
    showSizeChanger: false,
    onChange: (p: number) => go({ page: p }),
  };

  return (
    <>
      <PageHeader
        title={t('education.title')}
        intro={t('education.intro')}
        extra={
          <Flex gap={8}>
            <ExportExcelButton method="exports.plans" input={{}} label={t('ledger.export.plansButton')} />
            <ExportExcelButton
              method="exports.admonitions"
              input={{}}
              label={t('ledger.export.admonitionsButton')}
            />
            <Button icon={<PlusOutlined />} onClick={() => navigate('/education/admonitions/new')}>
              {t('education.list.newAdmonition')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/education/plans/new')}>
              {t('education.list.newPlan')}
            </Button>
          </Flex>
        }
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={view}
          onChange={(key) => go({ view: key })}
          aria-label={t('education.list.viewsLabel')}
          items={REGISTER_VIEWS.map((v) => ({
            key: v,
            label: <TabLabel label={t(`education.list.views.${v}`)} count={count(v)} />,
          }))}
        />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        {view === 'admonitions' ? (
          <Table<RegisterAdmonition>
            rowKey="id"
            size="middle"
            columns={admonitionColumns}
            dataSource={data?.admonitions ?? []}
            loading={{ spinning: loading, delay: 200 }}
            data-testid="admonition-register"
            locale={{ emptyText: t('education.list.noAdmonitions') }}
            pagination={pagination}
          />
        ) : (
          <Table<RegisterPlan>
            rowKey="id"
            size="middle"
            columns={planColumns}
            dataSource={data?.plans ?? []}
            loading={{ spinning: loading, delay: 200 }}
            scroll={{ x: 'max-content' }}
            data-testid="plan-list"
            onRow={(row) => ({
              onClick: () => navigate(`/education/plans/${row.id}`),
              style: { cursor: 'pointer' },
            })}
            locale={{ emptyText: t('education.list.noPlans') }}
            pagination={pagination}
          />
        )}
      </Card>
    </>
  );
}

function TabLabel({ label, count }: { label: string; count: string | null }) {
  const { token } = theme.useToken();
  return (
    <Flex gap={6} align="center">
      {label}
      {count !== null && <span style={{ color: token.colorTextTertiary }}>{count}</span>}
    </Flex>
  );
}

function ChildLink({ id, name }: { id: string; name: string }) {
  return (
    <Link to={`/children/${id}`} onClick={(e) => e.stopPropagation()}>
      {name}
    </Link>
  );
}

function planListColumns(): TableColumnsType<RegisterPlan> {
  const today = todayText();
  return [
    {
      title: t('education.fields.child'),
      key: 'child',
      render: (_v, p) => (
        <Flex gap={6} align="center" wrap={false}>
          <Link to={`/education/plans/${p.id}`} onClick={(e) => e.stopPropagation()}>
            {p.childName}
          </Link>
        </Flex>
      ),
    },
    { title: t('education.fields.kind'), key: 'kind', render: (_v, p) => <PlanKindTag kind={p.kind} /> },
    {
      title: t('education.fields.guardians'),
      key: 'guardians',
      render: (_v, p) => p.guardians.map((g) => g.name).join('、'),
    },
    {
      title: t('education.fields.provider'),
      dataIndex: 'provider',
      key: 'provider',
      render: (v: string | null) => v ?? <None />,
    },
    { title: t('education.fields.term'), key: 'term', render: (_v, p) => termText(p) ?? <None /> },
    {
      title: t('education.list.progress'),
      key: 'progress',
      render: (_v, p) =>
        p.progress ? (
          <Flex gap={6} align="center" wrap={false}>
            <span>
              {t('education.list.heldOfRequired', { held: p.progress.held, required: p.progress.required })}
            </span>
            {p.progress.missed > 0 && (
              <OverdueTag label={t('education.list.missed', { n: p.progress.missed })} />
            )}
          </Flex>
        ) : (
          <None />
        ),
    },
    {
      title: t('education.list.next'),
      key: 'next',
      render: (_v, p) => {
        const due =
          p.status === 'active' ? p.progress?.dueBy : p.status === 'completed' ? p.followUpDue : null;
        if (!due) return <None />;
        const label =
          p.status === 'active' ? t('education.list.sessionDue') : t('education.list.followUpDue');
        return (
          <Typography.Text type={due < today ? 'danger' : undefined} style={{ whiteSpace: 'nowrap' }}>
            {label} {due}
          </Typography.Text>
        );
      },
    },
    {
      title: t('education.fields.status'),
      key: 'status',
      render: (_v, p) => <PlanStatusTag status={p.status} />,
    },
  ];
}

function admonitionListColumns(
  counts: Record<string, number>,
  onChange: () => void,
): TableColumnsType<RegisterAdmonition> {
  return [
    {
      title: t('education.admonition.date'),
      dataIndex: 'date',
      key: 'date',
      width: 120,
      render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{d}</span>,
    },
    {
      title: t('education.fields.child'),
      key: 'child',
      width: 110,
      render: (_v, a) => <ChildLink id={a.childId} name={a.childName} />,
    },
    {
      title: t('education.admonition.guardian'),
      key: 'guardian',
      width: 110,
      render: (_v, a) => a.guardian.name,
    },
    { title: t('education.admonition.place'), dataIndex: 'place', key: 'place', width: 180 },
    { title: t('education.admonition.reason'), dataIndex: 'reason', key: 'reason' },
    { title: t('education.admonition.deliveredBy'), dataIndex: 'deliveredBy', key: 'by', width: 110 },
    {
      title: t('attachments.title'),
      key: 'attachments',
      width: 100,
      render: (_v, a) => (
        <AttachmentsButton
          recordKind="admonition"
          recordId={a.id}
          label={`${a.childName} ${a.date} ${t('attachments.records.admonition')}`}
          count={counts[a.id]}
          onChange={onChange}
        />
      ),
    },
  ];
}
