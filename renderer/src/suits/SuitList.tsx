import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Flex,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { t } from '../../../db/i18n';
import { SUIT_KINDS, SUIT_OPEN } from '../../../db/suits/codes';
import type { ApiInput, ApiOutput } from '../api/client';
import { ExportExcelButton } from '../common/ExportExcelButton';
import { None } from '../common/empty';
import { PageHeader } from '../common/PageHeader';
import { useApiQuery } from '../common/useApiQuery';
import { ViewTabs } from '../common/ViewTabs';
import { SuitStatusTag } from './parts';

type View = NonNullable<ApiInput<'suits.list'>['status']>;
type Kind = NonNullable<ApiInput<'suits.list'>['kind']>;
type Row = ApiOutput<'suits.list'>['rows'][number];

const PAGE_SIZE = 50;
const TABS: readonly View[] = ['open', 'draft', 'issued', 'filed', 'decided', 'withdrawn', 'all'];

function isView(v: string | null): v is View {
  return v !== null && (TABS as readonly string[]).includes(v);
}

function countOf(view: View, counts: Record<string, number>): number {
  if (view === 'open') return SUIT_OPEN.reduce((n, s) => n + (counts[s] ?? 0), 0);
  if (view === 'all') return Object.values(counts).reduce((n, c) => n + c, 0);
  return counts[view] ?? 0;
}

/** The register of 支持起诉; its tab, kind and page live in the address. */
export function SuitList() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const viewParam = params.get('view');
  const view: View = isView(viewParam) ? viewParam : 'open';
  const kindParam = params.get('kind');
  const kind: Kind = (SUIT_KINDS as readonly string[]).includes(kindParam ?? '')
    ? (kindParam as Kind)
    : 'all';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const input = useMemo(
    () => ({ status: view, kind, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    [view, kind, page],
  );
  const { data, error, loading } = useApiQuery('suits.list', input);
  const counts = data?.counts ?? {};

  const go = (changes: { view?: View; kind?: Kind; page?: number }) => {
    const next = new URLSearchParams();
    const v = changes.view ?? view;
    if (v !== 'open') next.set('view', v);
    const k = changes.kind ?? kind;
    if (k !== 'all') next.set('kind', k);
    const p = changes.page ?? (changes.view || changes.kind ? 1 : page);
    if (p > 1) next.set('page', String(p));
    setParams(next, { replace: true });
  };

  const columns: TableColumnsType<Row> = [
    {
      title: t('suits.fields.number'),
      dataIndex: 'number',
      key: 'number',
      render: (n: string | null, row) => (
        <Link to={`/suits/${row.id}`} onClick={(e) => e.stopPropagation()} style={{ whiteSpace: 'nowrap' }}>
          {n ?? <Typography.Text type="secondary">{t('suits.document.unnumbered')}</Typography.Text>}
        </Link>
      ),
    },
    {
      title: t('suits.fields.child'),
      dataIndex: 'childName',
      key: 'child',
      render: (name: string, row) => (
        <Link to={`/children/${row.childId}`} onClick={(e) => e.stopPropagation()}>
          {name}
        </Link>
      ),
    },
    {
      title: t('suits.fields.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (k: Row['kind'], row) => (
        <Flex gap={6} wrap>
          {t(`suits.codes.kind.${k}`)}
          {row.fromOrder && <Tag style={{ marginInlineEnd: 0 }}>{t('suits.list.fromOrder')}</Tag>}
        </Flex>
      ),
    },
    {
      title: t('suits.fields.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: Row['status']) => <SuitStatusTag status={s} />,
    },
    {
      title: t('suits.fields.court'),
      dataIndex: 'court',
      key: 'court',
      render: (c: string | null) => c ?? <None />,
    },
    {
      title: t('suits.fields.filedDate'),
      dataIndex: 'filedDate',
      key: 'filed',
      render: (d: string | null) => d ?? <None />,
    },
    {
      title: t('suits.fields.decision'),
      dataIndex: 'decision',
      key: 'decision',
      render: (d: Row['decision']) => (d ? t(`suits.codes.decision.${d}`) : <None />),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('suits.title')}
        intro={t('suits.intro')}
        extra={
          <Space>
            <ExportExcelButton method="exports.suits" input={{ status: view, kind }} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/suits/new')}>
              {t('suits.list.newButton')}
            </Button>
          </Space>
        }
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <ViewTabs
          views={TABS}
          active={view}
          onChange={(v) => go({ view: v })}
          ariaLabel={t('suits.list.viewsLabel')}
          label={(v) => t(`suits.list.views.${v}`)}
          count={data ? (v) => countOf(v, counts) : null}
          extra={
            <Select<Kind>
              aria-label={t('suits.list.kindLabel')}
              value={kind}
              onChange={(k) => go({ kind: k })}
              style={{ width: 160 }}
              options={[
                { value: 'all', label: t('suits.list.allKinds') },
                ...SUIT_KINDS.map((k) => ({ value: k, label: t(`suits.codes.kind.${k}`) })),
              ]}
            />
          }
        />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Table<Row>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.rows ?? []}
          loading={{ spinning: loading, delay: 200 }}
          scroll={{ x: 'max-content' }}
          onRow={(row) => ({ onClick: () => navigate(`/suits/${row.id}`), style: { cursor: 'pointer' } })}
          locale={{
            emptyText: countOf('all', counts) === 0 ? t('suits.list.empty') : t('suits.list.emptyView'),
          }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: (total) => t('suits.list.total', { total }),
            onChange: (p) => go({ page: p }),
          }}
        />
      </Card>
    </>
  );
}
