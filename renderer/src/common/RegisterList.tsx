// The frame of every register (orders, plans, referrals, relief, suits, reports, outreach, the audit
// log, the bin): the title with its Excel export and new button, the views as tabs, the filters,
// the paged table whose rows open the record, and the state that lives in the address.
import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Select,
  Space,
  Table,
  type TableColumnsType,
  type TableProps,
} from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes, ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { type Catalog, type MessageKey, t } from '../../../db/i18n';
import type { ApiInput } from '../api/client';
import { DATE_FORMAT } from './dates';
import { ExportExcelButton, type ExportMethod } from './ExportExcelButton';
import { PageHeader } from './PageHeader';
import { ViewTabs } from './ViewTabs';

export const PAGE_SIZE = 50;

/** A value from the address when it is one of the list's, else null. */
export function oneOf<T extends string>(list: readonly T[], v: string | null): T | null {
  return v !== null && (list as readonly string[]).includes(v) ? (v as T) : null;
}

/** How many records a view holds: a status's own count, the open ones together, or all. */
export function countOf(view: string, counts: Record<string, number>, open: readonly string[]): number {
  if (view === 'open') return open.reduce((n, s) => n + (counts[s] ?? 0), 0);
  if (view === 'all') return Object.values(counts).reduce((n, c) => n + c, 0);
  return counts[view] ?? 0;
}

/**
 * The register's state in the address (view, filters, page), so coming back shows the same list.
 * `go` changes some of it; a change other than the page starts again at page 1, and a default
 * (the first view, page 1, an empty filter) leaves the address clean.
 */
export function useRegisterAddress(defaultView: string) {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const go = (changes: Record<string, string | number | null | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, raw] of Object.entries(changes)) {
      const v = raw === null || raw === undefined || raw === '' ? null : String(raw);
      if (v === null || (k === 'view' && v === defaultView) || (k === 'page' && v === '1')) next.delete(k);
      else next.set(k, v);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };
  return { params, page, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE, go };
}

/** The texts every register reads from its area's catalog under the same names. */
interface RegisterTexts {
  title: string;
  intro: string;
  list: {
    newButton: string;
    viewsLabel: string;
    empty: string;
    emptyView: string;
    total: string;
    views: object;
  };
}
/** An area whose catalog holds a register's texts and whose records export as `exports.<area>`. */
export type RegisterArea = {
  [A in keyof Catalog]: Catalog[A] extends RegisterTexts
    ? `exports.${A}` extends ExportMethod
      ? A
      : never
    : never;
}[keyof Catalog];
type ViewOf<A extends RegisterArea> = keyof Catalog[A]['list']['views'] & string;

/** What a register is: its area (the texts and the export), where its records live, its views. */
export interface RegisterSpec<A extends RegisterArea, V extends ViewOf<A>> {
  area: A;
  /** `<path>/new` creates a record, `<path>/<id>` opens one. */
  path: string;
  views: readonly V[];
  /** The statuses the 'open' view holds together. */
  open: readonly string[];
  /** The first view unless said. */
  defaultView?: V;
}

/** The register's state in the address (as `useRegisterAddress`) with the view it shows. */
export function useRegisterView<A extends RegisterArea, V extends ViewOf<A>>(spec: RegisterSpec<A, V>) {
  const defaultView = spec.defaultView ?? (spec.views[0] as V);
  const address = useRegisterAddress(defaultView);
  return { ...address, spec, view: oneOf(spec.views, address.params.get('view')) ?? defaultView };
}

/**
 * A whole register: the header with its export and new button, the views as tabs with their
 * counts, the filters, the paged table whose rows open the record. Its texts come from the
 * area's catalog (`<area>.title`, `<area>.list.*`), so each area gives only what is its own.
 */
export function Register<
  A extends RegisterArea,
  V extends ViewOf<A>,
  R extends { id: string },
  D extends { rows: readonly R[]; total: number; counts: Record<string, number> },
>({
  register: { spec, view, page, go },
  query,
  columns,
  exportInput,
  tabExtra,
  filters,
  summary,
  footer,
  pagerTotal = true,
}: {
  register: ReturnType<typeof useRegisterView<A, V>>;
  query: { data: D | null | undefined; error: string | null; loading: boolean };
  columns: TableColumnsType<R>;
  exportInput: ApiInput<`exports.${A}`>;
  /** Beside the tabs, e.g. a year or kind filter. */
  tabExtra?: ReactNode;
  /** The filters under the tabs. */
  filters?: ReactNode;
  /** Above the table once loaded, e.g. the 台账 figures. */
  summary?: (data: D) => ReactNode;
  /** Below the table once loaded. */
  footer?: (data: D) => ReactNode;
  /** Whether the pager says how many (`<area>.list.total`). */
  pagerTotal?: boolean;
}) {
  const text = (key: string, params?: Record<string, string | number>) =>
    t(`${spec.area}.${key}` as MessageKey, params);
  const { data } = query;
  const counts = data?.counts ?? {};
  return (
    <>
      <RegisterHeader
        title={text('title')}
        intro={text('intro')}
        exportMethod={`exports.${spec.area}` as ExportMethod}
        exportInput={exportInput as ApiInput<ExportMethod>}
        newLabel={text('list.newButton')}
        newPath={`${spec.path}/new`}
      />
      <RegisterCard>
        <ViewTabs
          views={spec.views}
          active={view}
          onChange={(v) => go({ view: v })}
          ariaLabel={text('list.viewsLabel')}
          label={(v) => text(`list.views.${v}`)}
          count={data ? (v) => countOf(v, counts, spec.open) : null}
          extra={tabExtra}
        />
        {filters && <FilterBar>{filters}</FilterBar>}
        {data && summary?.(data)}
        <RegisterTable<R>
          {...tableRows(query)}
          columns={columns}
          rowPath={(row) => `${spec.path}/${row.id}`}
          empty={text(countOf('all', counts, spec.open) === 0 ? 'list.empty' : 'list.emptyView')}
          page={page}
          onPage={(p) => go({ page: p })}
          totalText={pagerTotal ? (total) => text('list.total', { total }) : undefined}
        />
        {data && footer?.(data)}
      </RegisterCard>
    </>
  );
}

/** The title, its intro, the Excel export of what the list selects and the button for a new record. */
export function RegisterHeader<M extends ExportMethod>({
  title,
  intro,
  exportMethod,
  exportInput,
  newLabel,
  newPath,
}: {
  title: string;
  intro?: string;
  exportMethod: M;
  exportInput: ApiInput<M>;
  newLabel: string;
  newPath: string;
}) {
  const navigate = useNavigate();
  return (
    <PageHeader
      title={title}
      intro={intro}
      extra={
        <Space>
          <ExportExcelButton method={exportMethod} input={exportInput} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(newPath)}>
            {newLabel}
          </Button>
        </Space>
      }
    />
  );
}

/** The card below the header that holds the tabs, the filters and the table. */
export function RegisterCard({ children }: { children: ReactNode }) {
  return <Card styles={{ body: { paddingTop: 4 } }}>{children}</Card>;
}

export function ErrorLine({ error }: { error: string }) {
  return <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />;
}

/**
 * A register's paged table, with why it failed to load above it. With `rowPath` a click on a row opens the record (each row also
 * holds a real link for the keyboard); with `totalText` the pager says how many and hides on
 * a single page.
 */
export function RegisterTable<R extends object>({
  rowKey = 'id',
  error,
  columns,
  rows,
  loading,
  empty,
  page,
  total,
  onPage,
  rowPath,
  rowProps,
  totalText,
  hideOnSinglePage = totalText !== undefined,
}: {
  rowKey?: TableProps<R>['rowKey'];
  error: string | null;
  columns: TableColumnsType<R>;
  rows: readonly R[] | undefined;
  loading: boolean;
  empty: ReactNode;
  page: number;
  total: number | undefined;
  onPage: (page: number) => void;
  rowPath?: (row: R) => string;
  /** More attributes on a row, e.g. a mark a test or a style reads. */
  rowProps?: (row: R) => HTMLAttributes<HTMLElement> & Record<string, unknown>;
  totalText?: (total: number) => string;
  hideOnSinglePage?: boolean;
}) {
  const navigate = useNavigate();
  return (
    <>
      {error && <ErrorLine error={error} />}
      <Table<R>
        rowKey={rowKey}
        size="middle"
        columns={columns}
        dataSource={rows ? [...rows] : []}
        loading={{ spinning: loading, delay: 200 }}
        scroll={{ x: 'max-content' }}
        onRow={
          rowPath
            ? (row) => ({
                onClick: () => navigate(rowPath(row)),
                style: { cursor: 'pointer' },
                ...rowProps?.(row),
              })
            : undefined
        }
        locale={{ emptyText: empty }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage,
          showTotal: totalText,
          onChange: onPage,
        }}
      />
    </>
  );
}

/** A register query's answer as its table takes it: the rows, the total, loading, or why it failed. */
export function tableRows<R>(query: {
  data: { rows: readonly R[]; total: number } | null | undefined;
  error: string | null;
  loading: boolean;
}) {
  return { error: query.error, rows: query.data?.rows, loading: query.loading, total: query.data?.total };
}

/** A filter chosen from a list, "any" first; '' stands for no filter. */
export function FilterSelect<V extends string>({
  label,
  value,
  onChange,
  anyLabel,
  options,
  width,
}: {
  label: string;
  value: V | null;
  onChange: (v: V | null) => void;
  anyLabel: string;
  options: { value: V; label: string }[];
  width: number;
}) {
  return (
    <Form.Item label={label}>
      <Select<V | ''>
        style={{ width }}
        value={value ?? ''}
        onChange={(v) => onChange(v || null)}
        options={[{ value: '' as const, label: anyLabel }, ...options]}
      />
    </Form.Item>
  );
}

/** A period filter: from and to, either may stay open. */
export function PeriodFilter({
  label,
  from,
  to,
  onChange,
}: {
  label: string;
  from: string | null;
  to: string | null;
  onChange: (range: { from: string | null; to: string | null }) => void;
}) {
  return (
    <Form.Item label={label}>
      <DatePicker.RangePicker
        format={DATE_FORMAT}
        value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
        allowEmpty={[true, true]}
        onChange={(range) =>
          onChange({
            from: range?.[0] ? range[0].format(DATE_FORMAT) : null,
            to: range?.[1] ? range[1].format(DATE_FORMAT) : null,
          })
        }
      />
    </Form.Item>
  );
}

/** The row of filters under the tabs. */
export function FilterBar({ children }: { children: ReactNode }) {
  return (
    <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
      {children}
    </Form>
  );
}
