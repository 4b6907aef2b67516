import { DeleteOutlined, PlusOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Flex, Input, Pagination, Select, type SelectProps } from 'antd';
import { memo, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import { CATEGORIES, RISK_LEVELS } from '../../../db/children/codes';
import { AGE_BANDS, TOWNSHIPS } from '../../../db/children/inputs';
import { type MessageKey, t } from '../../../db/i18n';
import { categoryLabel, genderLabel, RiskBadge, riskLabel, statusLabel } from '../common/codeLabels';
import { formatDate } from '../common/dates';
import { ExportExcelButton } from '../common/ExportExcelButton';
import { labelOr } from '../common/labels';
import { PageHeader } from '../common/PageHeader';
import { type PlainColumn, PlainTable, rowsInView } from '../common/PlainTable';
import { useApiQuery } from '../common/useApiQuery';
import { useSession } from '../session/store';
import { type ChildFilters, listInput, PAGE_SIZE, useChildrenList } from './listStore';
import type { ChildRow } from './types';

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
  return (
    <>
      <PageHeader
        title={t('children.title')}
        extra={
          <Flex gap={8}>
            <ExportChildren />
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
          <SearchBox />
          <ChildrenResults />
        </Flex>
      </Card>
    </>
  );
}

// The page is cut in parts that each read only what they show from the list's store, so a
// keystroke re-renders the search box and the results, not the header, the filters or the rows
// already shown (issue 19 #6: most of a keystroke's time was the page rendering itself again).

// What the list shows, read when 导出 Excel is clicked: the button never re-renders as one types.
function exportInput() {
  const { query, filters, sort, order } = useChildrenList.getState();
  return { ...(query ? { query } : {}), ...filters, sort, order };
}

function ExportChildren() {
  return <ExportExcelButton method="exports.children" input={exportInput} allowFullIds />;
}

function SearchBox() {
  const typed = useChildrenList((s) => s.typed);
  const { setTyped } = useChildrenList.getState();
  return (
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
  );
}

const FilterSelects = memo(function FilterSelects() {
  const user = useSession((s) => s.user);
  const isAdmin = user?.role === 'admin';
  const filters = useChildrenList((s) => s.filters);
  const { setFilter, resetFilters } = useChildrenList.getState();
  // Only an admin may list accounts; others filter by "mine" (see the report on accounts.options).
  // Asked when the owner filter is opened or already set, not with the list: a second call as
  // the page opens would sit in front of the rows in the core's queue.
  const [wantAccounts, setWantAccounts] = useState(filters.ownerId !== undefined);
  if (!wantAccounts && filters.ownerId !== undefined) setWantAccounts(true);
  const accounts = useApiQuery('accounts.list', isAdmin && wantAccounts ? {} : null);

  const select = <K extends keyof ChildFilters>(
    key: K,
    options: { value: NonNullable<ChildFilters[K]>; label: string }[],
    width = 150,
    more: Partial<SelectProps<NonNullable<ChildFilters[K]>>> = {},
  ) => (
    <Select<NonNullable<ChildFilters[K]>>
      {...more}
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
      {select('status', STATUS_OPTIONS, 110)}
      {select('riskLevel', RISK_OPTIONS, 140)}
      {select('category', CATEGORY_OPTIONS, 180)}
      {select('township', TOWNSHIP_OPTIONS, 150)}
      {select('ageBand', AGE_BAND_OPTIONS, 120)}
      {isAdmin
        ? select(
            'ownerId',
            (accounts.data ?? []).map((a) => ({ value: a.id, label: a.displayName })),
            140,
            {
              onOpenChange: (open) => open && setWantAccounts(true),
              onFocus: () => setWantAccounts(true),
              loading: wantAccounts && accounts.loading,
            },
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
    </>
  );
});

const STATUS_OPTIONS = (['active', 'closed'] as const).map((s) => ({
  value: s,
  label: labelOr(`codes.childStatus.${s}`, s),
}));
const RISK_OPTIONS = RISK_LEVELS.map((r) => ({ value: r, label: riskLabel(r) }));
const CATEGORY_OPTIONS = CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) }));
const TOWNSHIP_OPTIONS = TOWNSHIPS.map((n) => ({ value: n, label: n }));
const AGE_BAND_OPTIONS = AGE_BANDS.map((b) => ({ value: b, label: labelOr(`codes.ageBand.${b}`, b) }));

function ChildrenResults() {
  const { query, filters, sort, order, page } = useChildrenList(
    useShallow((s) => ({ query: s.query, filters: s.filters, sort: s.sort, order: s.order, page: s.page })),
  );
  const input = useMemo(
    () => listInput({ query, filters, sort, order, page }),
    [query, filters, sort, order, page],
  );
  const { data, error, loading, fresh } = useApiQuery('children.list', input);
  const total = data?.total ?? 0;
  const filtered = query !== '' || Object.keys(filters).length > 0;

  return (
    <>
      <Flex role="group" aria-label={t('children.list.filtersLabel')} gap={8} wrap align="center">
        <FilterSelects />
        <span className="sw-secondary" data-testid="children-total" style={{ marginInlineStart: 'auto' }}>
          {data ? t(data.totalCapped ? 'children.list.totalCapped' : 'children.list.total', { total }) : null}
        </span>
      </Flex>
      {error && <Alert type="error" showIcon title={error} />}
      {data?.idScope === 'own' && <Alert type="info" showIcon title={t('children.list.idFragmentOwn')} />}
      {/* data-query: the search the rows shown answer, once they do (the screen bench waits on it). */}
      {/* aria-busy dims the rows while a slow answer is awaited (plainTable.css), as antd's Spin did,
          without a component that renders again on every keystroke. */}
      <div
        data-testid="children-results"
        data-query={fresh ? query : undefined}
        aria-busy={loading}
        className="sw-results"
        style={{ marginTop: 4 }}
      >
        <ChildrenTable
          rows={data ? data.rows : null}
          sort={sort}
          order={order}
          page={page}
          total={total}
          filtered={filtered}
        />
      </div>
    </>
  );
}

interface ChildrenTableProps {
  rows: ChildRow[] | null;
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
  const from = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const to = Math.min(page * PAGE_SIZE, total);
  return (
    <>
      <PlainTable<ChildRow, SortKey>
        label={t('children.title')}
        columns={COLUMNS}
        rows={rows}
        rowKey={rowKey}
        sort={sort}
        order={order}
        onSort={setSort}
        onRowClick={(row) => navigate(`/children/${row.id}`)}
        firstRows={rowsInView()}
        emptyText={filtered ? t('children.list.emptySearch') : t('children.list.empty')}
      />
      {total > PAGE_SIZE && (
        <Pagination
          align="end"
          style={{ marginTop: 16 }}
          size="small"
          current={page}
          pageSize={PAGE_SIZE}
          total={total}
          showSizeChanger={false}
          onChange={setPage}
          showTotal={() => t('children.list.range', { from, to, total })}
        />
      )}
    </>
  );
});

const rowKey = (row: ChildRow) => row.id;

// Fixed widths (px), so a page of rows lays out without measuring its text, and a keystroke
// never makes the columns jump. The name stays in view when the table scrolls sideways.
const COLUMNS: PlainColumn<ChildRow, SortKey>[] = [
  {
    key: 'name',
    title: t('children.fields.name'),
    width: 110,
    sortKey: 'name',
    sticky: true,
    // A plain link (the router is a hash router): react-router's Link is a component with its
    // own hooks in every row.
    render: (row) => (
      <a href={`#/children/${row.id}`} aria-label={t('children.list.open', { name: row.name })}>
        {row.name}
      </a>
    ),
  },
  { key: 'gender', title: t('children.fields.gender'), width: 56, render: (row) => genderLabel(row.gender) },
  {
    key: 'birthDate',
    title: t('children.list.birthAndAge'),
    width: 170,
    sortKey: 'birthDate',
    render: (row) => (
      <span className="sw-nowrap">
        {row.birthDate}
        <span className="sw-secondary">{t('children.list.ageParen', { age: row.age })}</span>
      </span>
    ),
  },
  {
    key: 'idNumber',
    title: t('children.fields.idNumber'),
    width: 180,
    render: (row) =>
      row.idNumberMasked ? (
        <span className="sw-nowrap" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {row.idNumberMasked}
        </span>
      ) : (
        <span className="sw-secondary">{t('children.common.noIdNumber')}</span>
      ),
  },
  {
    // Place and school share a column: both are what a search by village or school matched.
    key: 'place',
    title: t('children.list.placeAndSchool'),
    width: 200,
    render: (row) => (
      <>
        <div>{row.village ? `${row.township} ${row.village}` : row.township}</div>
        {row.school && <div className="sw-secondary sw-small">{row.school}</div>}
      </>
    ),
  },
  {
    key: 'categories',
    title: t('children.fields.categories'),
    width: 150,
    render: (row) =>
      row.categories.length ? (
        <span className="sw-tags">
          {row.categories.map((c) => (
            <span key={c} className="sw-tag sw-tag-blue">
              {categoryLabel(c)}
            </span>
          ))}
        </span>
      ) : (
        <span className="sw-secondary">{t('children.profile.noCategories')}</span>
      ),
  },
  {
    key: 'riskLevel',
    title: t('children.fields.riskLevel'),
    width: 90,
    sortKey: 'riskLevel',
    render: (row) => <RiskBadge level={row.riskLevel} short />,
  },
  {
    key: 'status',
    title: t('children.fields.status'),
    width: 72,
    render: (row) => (
      <span className={row.status === 'active' ? 'sw-tag sw-tag-green' : 'sw-tag'}>
        {statusLabel(row.status)}
      </span>
    ),
  },
  {
    key: 'owner',
    title: t('children.fields.owner'),
    width: 100,
    render: (row) => row.ownerName || t('app.common.empty'),
  },
  {
    key: 'createdAt',
    title: t('children.fields.createdAt'),
    width: 120,
    sortKey: 'createdAt',
    render: (row) => formatDate(row.createdAt),
  },
  {
    key: 'updatedAt',
    title: t('children.fields.updatedAt'),
    width: 120,
    sortKey: 'updatedAt',
    render: (row) => formatDate(row.updatedAt),
  },
];
