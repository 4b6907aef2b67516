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
import type { ApiInput, Method } from '../api/client';
import { DATE_FORMAT } from './dates';
import { ExportExcelButton, type ExportMethod } from './ExportExcelButton';
import { type CatalogBlock, countText } from './labels';
import { PageHeader } from './PageHeader';
import { useApiQuery } from './useApiQuery';
import { ViewTabs } from './ViewTabs';

export const PAGE_SIZE = 50;

/** A value from the address when it is one of the list's, else null. */
export function oneOf<T extends string>(list: readonly T[], v: string | null): T | null {
  return v !== null && (list as readonly string[]).includes(v) ? (v as T) : null;
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
    /** The total where counting stopped at the cap (超过 N). */
    totalCapped: string;
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
 * A register's state in the address with its page of rows for the view and the filters read from
 * the address, and the same selection without the page for its Excel export, so the export always
 * holds what the list shows: what `Register` takes.
 */
export function useRegister<A extends RegisterArea, V extends ViewOf<A>, M extends Method>(
  spec: RegisterSpec<A, V>,
  method: M,
  filtersOf: (params: URLSearchParams) => Omit<ApiInput<M>, 'status' | 'offset' | 'limit'>,
) {
  const register = useRegisterView(spec);
  const { view, offset, limit, params } = register;
  const exportInput = { status: view, ...filtersOf(params) };
  // useApiQuery keys on the input's content, so a new object each render asks only when it changes.
  const query = useApiQuery(method, { ...exportInput, offset, limit } as ApiInput<M>);
  return { register, query, exportInput };
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
  D extends {
    rows: readonly R[];
    total: number;
    totalCapped: boolean;
    counts: Record<string, number>;
    capped: Record<string, boolean>;
  },
>({
  register,
  query,
  columns,
  exportInput,
  tabExtra,
  filters,
  summary,
  footer,
  pagerTotal: sayTotal = true,
}: {
  register: ReturnType<typeof useRegisterView<A, V>>;
  query: { data: D | null | undefined; error: string | null; loading: boolean };
  columns: TableColumnsType<R>;
  exportInput: ApiInput<`exports.${A}`>;
  /** Beside the tabs, e.g. a year or kind filter. */
  tabExtra?: ReactNode;
  /** The filters under the tabs, held in the address. */
  filters?: readonly AddressFilter[];
  /** Above the table once loaded, e.g. the 台账 figures. */
  summary?: (data: D) => ReactNode;
  /** Below the table once loaded. */
  footer?: (data: D) => ReactNode;
  /** Whether the pager says how many (`<area>.list.total`). */
  pagerTotal?: boolean;
}) {
  const { spec, view, page, go } = register;
  const text = (key: string, params?: Record<string, string | number>) =>
    t(`${spec.area}.${key}` as MessageKey, params);
  const { data } = query;
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
          count={data ? (v) => countText(data.counts[v] ?? 0, !!data.capped[v]) : null}
          extra={tabExtra}
        />
        {filters && (
          <FilterBar>
            {filters.map((f) =>
              f.kind === 'code' ? (
                <FilterSelect key={f.param} filter={f} register={register} />
              ) : (
                <PeriodFilter key="period" filter={f} register={register} />
              ),
            )}
          </FilterBar>
        )}
        {data && summary?.(data)}
        <RegisterTable<R>
          {...tableRows(query)}
          total={data ? pagerTotal(data, page) : undefined}
          columns={columns}
          rowPath={(row) => `${spec.path}/${row.id}`}
          empty={text((data?.counts.all ?? 0) === 0 ? 'list.empty' : 'list.emptyView')}
          page={page}
          onPage={(p) => go({ page: p })}
          totalText={
            sayTotal && data
              ? () => text(data.totalCapped ? 'list.totalCapped' : 'list.total', { total: data.total })
              : undefined
          }
        />
        {data && footer?.(data)}
      </RegisterCard>
    </>
  );
}

/**
 * The pager's reach: the view's count, and where counting stopped at the cap, one page past the
 * page shown while that page is full, so the pages beyond the cap stay reachable one at a time.
 */
export function pagerTotal(
  data: { total: number; totalCapped: boolean; rows: readonly unknown[] },
  page: number,
) {
  if (!data.totalCapped) return data.total;
  const shown = (page - 1) * PAGE_SIZE + data.rows.length;
  return Math.max(data.total + 1, data.rows.length === PAGE_SIZE ? shown + 1 : shown);
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

/** A filter the address holds as `?<param>=<code>`, chosen from its codes. */
export interface CodeFilter<V extends string> {
  kind: 'code';
  param: string;
  label: string;
  anyLabel: string;
  codes: readonly V[];
  option(code: V): string;
  width: number;
  /** The filter's code in the address; null when it is empty or not one of the codes. */
  read(params: URLSearchParams): V | null;
}

/**
 * A register's filter by code, worded by its catalog block (`<block>.label`, `.any`); the address
 * names it after the block's last name (`outreach.list.filters.topic` → `?topic=`).
 */
export function codeFilter<V extends string>(
  block: CatalogBlock<'any', 'label'>,
  codes: readonly V[],
  option: (code: V) => string,
  width: number,
): CodeFilter<V> {
  const param = block.slice(block.lastIndexOf('.') + 1);
  return {
    kind: 'code',
    param,
    label: t(`${block}.label`),
    anyLabel: t(`${block}.any`),
    codes,
    option,
    width,
    read: (params) => oneOf(codes, params.get(param)),
  };
}

/** A code filter's select, "any" first; '' stands for no filter. */
function FilterSelect<V extends string>({
  filter: f,
  register: { params, go },
}: {
  filter: CodeFilter<V>;
  register: Pick<ReturnType<typeof useRegisterAddress>, 'params' | 'go'>;
}) {
  return (
    <Form.Item label={f.label}>
      <Select<V | ''>
        style={{ width: f.width }}
        value={f.read(params) ?? ''}
        onChange={(v) => go({ [f.param]: v || null })}
        options={[
          { value: '' as const, label: f.anyLabel },
          ...f.codes.map((k) => ({ value: k, label: f.option(k) })),
        ]}
      />
    </Form.Item>
  );
}

/** A period filter: the address holds it as `?from=&to=`, either end may stay open. */
export interface PeriodFilterSpec {
  kind: 'period';
  label: string;
  read(params: URLSearchParams): { from: string | null; to: string | null };
}

export function periodFilter(label: string): PeriodFilterSpec {
  return { kind: 'period', label, read: (params) => ({ from: params.get('from'), to: params.get('to') }) };
}

/** A filter a register keeps in its address. */
export type AddressFilter = CodeFilter<string> | PeriodFilterSpec;

function PeriodFilter({
  filter,
  register: { params, go },
}: {
  filter: PeriodFilterSpec;
  register: Pick<ReturnType<typeof useRegisterAddress>, 'params' | 'go'>;
}) {
  const { from, to } = filter.read(params);
  return (
    <Form.Item label={filter.label}>
      <DatePicker.RangePicker
        format={DATE_FORMAT}
        value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
        allowEmpty={[true, true]}
        onChange={(range) =>
          go({
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
