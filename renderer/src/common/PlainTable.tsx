// A table of plain elements for the long lists a caseworker searches as they type (儿童档案).
// antd's Table renders each cell through several context-reading components and measures its
// columns after every render; at 50 rows × 11 columns that was most of a keystroke's time
// (issue 19 #6). Here a cell is a <td> with what the column renders, the widths are fixed
// (table-layout: fixed, so a new page of rows lays out without measuring its text), and a
// row is memoised on its data, so a row already on screen is not rendered again.
import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';
import { Empty } from 'antd';
import { type MouseEvent, memo, type ReactNode, startTransition, useEffect, useState } from 'react';
import './plainTable.css';

export type SortOrder = 'asc' | 'desc';

export interface PlainColumn<Row, SortKey extends string = string> {
  key: string;
  title: string;
  /** Pixels: every column has one, so the layout never depends on the rows' text. */
  width: number;
  /** Set: a click on the head sorts by it (ascending first, then the other way). */
  sortKey?: SortKey;
  /** Stays in view while the table scrolls sideways (the first column only). */
  sticky?: boolean;
  render(row: Row): ReactNode;
}

export interface PlainTableProps<Row, SortKey extends string> {
  columns: readonly PlainColumn<Row, SortKey>[];
  /** null: not answered yet, so the body stays empty rather than saying there are none. */
  rows: readonly Row[] | null;
  rowKey(row: Row): string;
  sort?: SortKey;
  order?: SortOrder;
  onSort?(sort: SortKey, order: SortOrder): void;
  /** A click on a row outside its links and buttons. */
  onRowClick?(row: Row): void;
  emptyText: string;
  label?: string;
  /**
   * Rows drawn in the first frame of a new set of rows (about a screenful); the rest follow once
   * that frame is painted, as a transition the next keystroke may interrupt. Unset: all at once.
   */
  firstRows?: number;
}

/** About as many rows as a window can show (a row is at least 39 px high): the rest are below it. */
export const rowsInView = () => Math.max(10, Math.ceil(window.innerHeight / 39));

/**
 * How many of `rows` to draw: `first` when they are new, all of them once the frame that shows
 * the first ones has been painted (a frame, then a task: the browser paints between them).
 */
function useRowsShown(rows: readonly unknown[], first: number | undefined): number {
  const initial = first === undefined ? rows.length : Math.min(first, rows.length);
  const [shown, setShown] = useState({ rows, count: initial });
  let count = shown.count;
  if (shown.rows !== rows) {
    // New rows: start again from the first screenful (React's "adjust state while rendering").
    count = initial;
    setShown({ rows, count });
  }
  useEffect(() => {
    if (count >= rows.length) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setShown({ rows, count: rows.length })));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [rows, count]);
  return count;
}

const NONE: readonly never[] = [];

const ariaSort = (active: boolean, order: SortOrder | undefined) =>
  active ? (order === 'desc' ? 'descending' : 'ascending') : undefined;

export function PlainTable<Row, SortKey extends string>({
  columns,
  rows,
  rowKey,
  sort,
  order,
  onSort,
  onRowClick,
  emptyText,
  label,
  firstRows,
}: PlainTableProps<Row, SortKey>) {
  const shown = useRowsShown(rows ?? NONE, firstRows);
  const width = columns.reduce((sum, c) => sum + c.width, 0);
  // One listener for the body rather than one per row: the row is found from the target.
  const onClick = onRowClick
    ? (e: MouseEvent<HTMLTableSectionElement>) => {
        const target = e.target as HTMLElement;
        if (target.closest('a, button')) return;
        const tr = target.closest('tr');
        const index = tr ? Number(tr.dataset.index) : Number.NaN;
        const row = rows?.[index];
        if (row !== undefined) onRowClick(row);
      }
    : undefined;
  return (
    <div className="sw-table-scroll">
      <table className="sw-table" style={{ width, minWidth: '100%' }} aria-label={label}>
        <colgroup>
          {columns.map((c) => (
            <col key={c.key} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {columns.map((c) => {
              const active = c.sortKey !== undefined && c.sortKey === sort;
              return (
                <th
                  key={c.key}
                  scope="col"
                  className={c.sticky ? 'sw-sticky' : undefined}
                  aria-sort={c.sortKey ? (ariaSort(active, order) ?? 'none') : undefined}
                >
                  {c.sortKey && onSort ? (
                    <button
                      type="button"
                      className="sw-sort"
                      onClick={() => onSort(c.sortKey as SortKey, active && order === 'asc' ? 'desc' : 'asc')}
                    >
                      <span>{c.title}</span>
                      <span className="sw-sort-arrows" aria-hidden>
                        <CaretUpOutlined className={active && order === 'asc' ? 'sw-on' : undefined} />
                        <CaretDownOutlined className={active && order === 'desc' ? 'sw-on' : undefined} />
                      </span>
                    </button>
                  ) : (
                    c.title
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        {/* biome-ignore lint/a11y/useKeyWithClickEvents: a mouse shortcut only; from the keyboard the row's own link (its first cell) opens it. */}
        <tbody onClick={onClick} className={onRowClick ? 'sw-clickable' : undefined}>
          {rows === null ? null : rows.length === 0 ? (
            <tr className="sw-empty">
              <td colSpan={columns.length}>
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />
              </td>
            </tr>
          ) : (
            rows
              .slice(0, shown)
              .map((row, i) => (
                <PlainRow
                  key={rowKey(row)}
                  row={row}
                  index={i}
                  columns={columns as unknown as readonly PlainColumn<unknown>[]}
                />
              ))
          )}
        </tbody>
      </table>
    </div>
  );
}

// Memoised on the row object, its place and the columns: a new page re-renders only rows whose
// data changed (the core answers with new objects, so in practice every row of a new answer;
// but a re-render of the page for anything else — the spinner, a sort arrow — renders none).
const PlainRow = memo(function PlainRow({
  row,
  index,
  columns,
}: {
  row: unknown;
  index: number;
  columns: readonly PlainColumn<unknown>[];
}) {
  return (
    <tr data-index={index}>
      {columns.map((c) => (
        <td key={c.key} className={c.sticky ? 'sw-sticky' : undefined}>
          {c.render(row)}
        </td>
      ))}
    </tr>
  );
});
