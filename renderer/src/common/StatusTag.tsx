// One tag for a record's status in every area: the area gives the colour table and the label.
import { Tag } from 'antd';

export function StatusTag<S extends string>({
  status,
  colors,
  label,
  testId,
}: {
  status: S;
  colors: Readonly<Record<S, string>>;
  label: (status: S) => string;
  testId?: string;
}) {
  return (
    <Tag color={colors[status] ?? 'default'} style={{ marginInlineEnd: 0 }} data-testid={testId}>
      {label(status)}
    </Tag>
  );
}
