// A record's own short list (its follow-ups, sessions, relatives, actions): every row shown, no
// pager, and what it says while empty.
import { Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';

export function ShortTable<R extends object>({
  rows,
  empty,
  testId,
  rowKey = 'id',
  size = 'small',
  ...table
}: Omit<TableProps<R>, 'dataSource' | 'pagination' | 'locale'> & {
  rows: readonly R[];
  empty?: ReactNode;
  testId?: string;
}) {
  return (
    <Table<R>
      {...table}
      rowKey={rowKey}
      size={size}
      dataSource={[...rows]}
      pagination={false}
      data-testid={testId}
      locale={empty === undefined ? undefined : { emptyText: empty }}
    />
  );
}
