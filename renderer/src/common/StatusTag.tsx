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

/** An area's status tag: its colour table and label, once. Call it at module level (each area's parts). */
export function statusTag<S extends string>(
  colors: Readonly<Record<S, string>>,
  label: (status: S) => string,
) {
  // biome-ignore lint/correctness/noComponentHookFactories: made once per area at module load, so each tag is one stable component
  return function AreaStatusTag({ status, testId }: { status: S; testId?: string }) {
    return <StatusTag status={status} colors={colors} label={label} testId={testId} />;
  };
}
