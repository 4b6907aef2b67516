// Table cells every register shows the same way.
import { type TableColumnType, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatTime } from './dates';
import { None } from './empty';

/**
 * The column maker for a register's rows: `col(title, field, render?)` shows one field of the row,
 * keyed by the field's name, as it is or through `render`.
 */
export function columnsOf<R>() {
  return <K extends keyof R & string>(
    title: string,
    field: K,
    render?: (value: R[K], row: R) => ReactNode,
    more?: Omit<TableColumnType<R>, 'title' | 'dataIndex' | 'key' | 'render'>,
  ): TableColumnType<R> => ({
    title,
    dataIndex: field,
    key: field,
    ...(render ? { render: (value: R[K], row: R) => render(value, row) } : {}),
    ...more,
  });
}

/** A value that may be missing, or the grey dash. */
export function orDash(value: ReactNode) {
  return value ?? <None />;
}

/** The child's name, linking to their file. */
export function childLink(name: string, row: { childId: string }) {
  return recordLink(`/children/${row.childId}`, name);
}

/**
 * A link to a record inside a clickable row: the row opens it with the mouse, the link with the
 * keyboard, and a click on the link is not counted twice.
 */
export function recordLink(to: string, children: ReactNode, nowrap = false) {
  return (
    <Link to={to} onClick={(e) => e.stopPropagation()} style={nowrap ? { whiteSpace: 'nowrap' } : undefined}>
      {children}
    </Link>
  );
}

/** A record's number, or the grey word for one not yet numbered. */
export function numberLink(to: string, number: string | null, unnumbered: string) {
  return recordLink(to, number ?? <Typography.Text type="secondary">{unnumbered}</Typography.Text>, true);
}

/** When a row last changed, in grey. */
export function updatedCell(ms: number) {
  return <Typography.Text type="secondary">{formatTime(ms)}</Typography.Text>;
}
