// Table cells every register shows the same way.
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatTime } from './dates';

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
