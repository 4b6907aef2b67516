// A list's views as tabs, each with how many records it holds once the list has loaded.
import { Flex, Tabs, theme } from 'antd';
import type { ReactNode } from 'react';

export function ViewTabs<V extends string>({
  views,
  active,
  onChange,
  ariaLabel,
  label,
  count,
  extra,
}: {
  views: readonly V[];
  active: V;
  onChange: (view: V) => void;
  ariaLabel: string;
  label: (view: V) => string;
  /** Null until the counts have loaded. */
  count: ((view: V) => number | string) | null;
  /** Beside the tabs, e.g. a year or kind filter. */
  extra?: ReactNode;
}) {
  const { token } = theme.useToken();
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => onChange(key as V)}
      aria-label={ariaLabel}
      tabBarExtraContent={extra}
      items={views.map((v) => ({
        key: v,
        label: (
          <Flex gap={6} align="center">
            {label(v)}
            {count && <span style={{ color: token.colorTextTertiary }}>{count(v)}</span>}
          </Flex>
        ),
      }))}
    />
  );
}
