import { DeleteOutlined, PlusOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Flex,
  Input,
  Select,
  Spin,
  Table,
  type TableColumnsType,
  type TableProps,
  Typography,
} from 'antd';
import { memo, useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { CATEGORIES, RISK_LEVELS } from '../../../db/children/codes';
import { AGE_BANDS, TOWNSHIPS } from '../../../db/children/inputs';
import { type MessageKey, t } from '../../../db/i18n';
import { categoryLabel, genderLabel, RiskTag, riskLabel } from '../common/codeLabels';
import { formatDate } from '../common/dates';
import { ExportExcelButton } from '../common/ExportExcelButton';
import { labelOr } from '../common/labels';
import { PageHeader } from '../common/PageHeader';
import { useApiQuery } from '../common/useApiQuery';
import { useSession } from '../session/store';
import { type ChildFilters, useChildrenList } from './listStore';
import { CategoryTags, MaskedId, StatusTag } from './parts';
import type { ChildRow } from './types';

const PAGE_SIZE = 50;

const FILTER_LABELS: Record<keyof ChildFilters, MessageKey> = {
  status: 'children.list.filter.status',
  riskLevel: 'children.list.filter.riskLevel',
  category: 'children.list.filter.category',
  township: 'children.list.filter.township',
  ownerId: 'children.list.filter.owner',
  ageBand: 'children.list.filter.ageBand',
};

type SortKey = 'name' | 'birthDate' | 'createdAt' | 'updatedAt' | 'riskLevel';

export function ChildrenPage() {
  const navigate = useNavigate();
  const user = useSession((s) => s.user);
  const isAdmin = user?.role === 'admin';
  const { typed, query, filters, sort, order, page } = useChildrenList();
  const { setTyped, setFilter, resetFilters } = useChildrenList.getState();

  const input = useMemo(
    () => ({
      ...(query ? { query } : {}),
      ...filters,
      sort,
      order,
      offset: (page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    }),
    [query, filters, sort, order, page],
  );
  const { data, error, loading, fresh } = useApiQuery('children.list', input);
  // Only an admin may list accounts; others filter by "mine" (see the report on accounts.options).
  const accounts = useApiQuery('accounts.list', isAdmin ? {} : null);
  const total = data?.total ?? 0;
  const filtered = query !== '' || Object.keys(filters).length > 0;

  const select = <K extends keyof ChildFilters>(
    key: K,
    options: { value: NonNullable<ChildFilters[K]>; label: string }[],
    width = 150,
  ) => (
    <Select<NonNullable<ChildFilters[K]>>
      allowClear
      aria-label={t('children.list.filterBy', { field: t(FILTER_LABELS[key]) })}
      placeholder={t(FILTER_LABELS[key])}
      value={filters[key] ?? undefined}
      onChange={(v) => setFilter(key, v ?? undefined)}
      options={options}
      style={{ width }}
      popupMatchSelectWidth={false}
    />
  );

  return (
    <>
      <PageHeader
        title={t('children.title')}
        extra={
          <Flex gap={8}>
            <ExportExcelButton
              method="exports.children"
              input={{ ...(query ? { query } : {}), ...filters, sort, order }}
              allowFullIds
            />
            <Button icon={<UploadOutlined />} onClick={() => navigate('/children/import')}>
              {t('ledger.entry')}
            </Button>
            <Button icon={<DeleteOutlined />} onClick={() => navigate('/children/bin')}>
              {t('children.list.bin')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/children/new')}>
              {t('children.list.register')}
            </Button>
          </Flex>
        }
      />
      <Card>
        <Flex vertical gap={12} style={{ marginBottom: 16 }}>
          <Input
            type="search"
            allowClear
            prefix={<SearchOutlined aria-hidden />}
            aria-label={t('children.list.searchLabel')}
            placeholder={t('children.list.searchPlaceholder')}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            style={{ maxWidth: 480 }}
          />
          <Flex role="group" aria-label={t('children.list.filtersLabel')} gap={8} wrap align="center">
            {select(
              'status',
              (['active', 'closed'] as const).map((s) => ({
                value: s,
                label: labelOr(`codes.childStatus.${s}`, s),
              })),
              110,
            )}
            {select(
              'riskLevel',
              RISK_LEVELS.map((r) => ({ value: r, label: riskLabel(r) })),
              140,
            )}
            {select(
              'category',
              CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) })),
              180,
            )}
            {select(
              'township',
              TOWNSHIPS.map((n) => ({ value: n, label: n })),
              150,
            )}
            {select(
              'ageBand',
              AGE_BANDS.map((b) => ({ value: b, label: labelOr(`codes.ageBand.${b}`, b) })),
              120,
            )}
            {isAdmin
              ? select(
                  'ownerId',
                  (accounts.data ?? []).map((a) => ({ value: a.id, label: a.displayName })),
                  140,
                )
              : user && (
                  <Checkbox
                    checked={filters.ownerId === user.id}
                    onChange={(e) => setFilter('ownerId', e.target.checked ? user.id : undefined)}
                  >
                    {t('children.list.filter.mine')}
                  </Checkbox>
                )}
            {Object.keys(filters).length > 0 && (
              <Button type="link" onClick={resetFilters}>
                {t('children.list.filter.reset')}
              </Button>
            )}
            <Typography.Text
              type="secondary"
              data-testid="children-total"
              style={{ marginInlineStart: 'auto' }}
            >
              {data
                ? t(data.totalCapped ? 'children.list.totalCapped' : 'children.list.total', { total })
                : null}
            </Typography.Text>
          </Flex>
        </Flex>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        {data?.idScope === 'own' && (
          <Alert type="info" showIcon title={t('children.list.idFragmentOwn')} style={{ marginBottom: 16 }} />
        )}
        {/* data-query: the search the rows shown answer, once they do (the screen bench waits on it). */}
        <div data-testid="children-results" data-query={fresh ? query : undefined}>
          {/* The spinner wraps a memoised table: a keystroke or the spinner itself re-renders no row. */}
          <Spin spinning={loading} delay={200}>
            <ChildrenTable
              rows={data?.rows ?? NO_ROWS}
              sort={sort}
              order={order}
              page={page}
              total={total}
              filtered={filtered}
            />
          </Spin>
        </div>
      </Card>
    </>
  );
}

const NO_ROWS: ChildRow[] = [];

interface ChildrenTableProps {
  rows: ChildRow[];
  sort: SortKey;
  order: 'asc' | 'desc';
  page: number;
  total: number;
  filtered: boolean;
}

const ChildrenTable = memo(function ChildrenTable({
  rows,
  sort,
  order,
  page,
  total,
  filtered,
}: ChildrenTableProps) {
  const navigate = useNavigate();
  const { setSort, setPage } = useChildrenList.getState();
  const columns = useMemo(() => childColumns(sort, order), [sort, order]);
  const onTableChange: TableProps<ChildRow>['onChange'] = (_p, _f, sorter, extra) => {
    // The table reports page changes here too; those go through the pagination's onChange.
    if (extra.action !== 'sort') return;
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    if (s?.order && s.columnKey) setSort(s.columnKey as SortKey, s.order === 'descend' ? 'desc' : 'asc');
    else setSort('name', 'asc');
  };
  const from = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const to = Math.min(page * PAGE_SIZE, total);
  return (
    <Table<ChildRow>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      onChange={onTableChange}
      showSorterTooltip={false}
      onRow={(row) => ({
        onClick: (e) => {
          // The name link navigates by itself; a click elsewhere on the row does it here.
          if ((e.target as HTMLElement).closest('a')) return;
          navigate(`/children/${row.id}`);
        },
        style: { cursor: 'pointer' },
      })}
      locale={{ emptyText: filtered ? t('children.list.emptySearch') : t('children.list.empty') }}
      pagination={{
        current: page,
        pageSize: PAGE_SIZE,
        total,
        showSizeChanger: false,
        hideOnSinglePage: true,
        onChange: setPage,
        showTotal: () => t('children.list.range', { from, to, total }),
      }}
    />
  );
});

function childColumns(sort: SortKey, order: 'asc' | 'desc'): TableColumnsType<ChildRow> {
  const dash = t('app.common.empty');
  const sorted = (key: SortKey) => ({
    sorter: true,
    sortDirections: ['ascend', 'descend'] as ('ascend' | 'descend')[],
    sortOrder: sort === key ? (order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null,
  });
  return [
    {
      title: t('children.fields.name'),
      dataIndex: 'name',
      key: 'name',
      fixed: 'start',
      ...sorted('name'),
      render: (name: string, row) => (
        <Link to={`/children/${row.id}`} aria-label={t('children.list.open', { name })}>
          {name}
        </Link>
      ),
    },
    {
      title: t('children.fields.gender'),
      dataIndex: 'gender',
      key: 'gender',
      render: (g: ChildRow['gender']) => genderLabel(g),
    },
    {
      title: t('children.list.birthAndAge'),
      key: 'birthDate',
      ...sorted('birthDate'),
      render: (_, row) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {row.birthDate}
          <Typography.Text type="secondary">{t('children.list.ageParen', { age: row.age })}</Typography.Text>
        </span>
      ),
    },
    {
      title: t('children.fields.idNumber'),
      dataIndex: 'idNumberMasked',
      key: 'idNumber',
      render: (v: string | null) => <MaskedId value={v} />,
    },
    {
      // Place and school share a column: both are what a search by village or school matched.
      title: t('children.list.placeAndSchool'),
      key: 'place',
      render: (_, row) => (
        <Flex vertical>
          <span>{row.village ? `${row.township} ${row.village}` : row.township}</span>
          {row.school && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.school}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('children.fields.categories'),
      dataIndex: 'categories',
      key: 'categories',
      width: 150,
      render: (v: ChildRow['categories']) => <CategoryTags categories={v} />,
    },
    {
      title: t('children.fields.riskLevel'),
      dataIndex: 'riskLevel',
      key: 'riskLevel',
      ...sorted('riskLevel'),
      render: (v: ChildRow['riskLevel']) => <RiskTag level={v} short />,
    },
    {
      title: t('children.fields.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: ChildRow['status']) => <StatusTag status={s} />,
    },
    { title: t('children.fields.owner'), dataIndex: 'ownerName', key: 'owner', render: (v) => v || dash },
    {
      title: t('children.fields.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      ...sorted('createdAt'),
      render: (v: number) => formatDate(v),
    },
    {
      title: t('children.fields.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      ...sorted('updatedAt'),
      render: (v: number) => formatDate(v),
    },
  ];
}
