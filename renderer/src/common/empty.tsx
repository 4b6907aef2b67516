// Empty values and long text, shown the same way on every page.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { t } from '../../../db/i18n';

export function None() {
  return <Typography.Text type="secondary">{t('app.common.empty')}</Typography.Text>;
}

export function orNone(value: ReactNode) {
  return value === null || value === undefined || value === '' ? <None /> : value;
}

/** Long free text as the caseworker typed it, line breaks kept. */
export function Prose({ text, testId }: { text: string | null; testId?: string }) {
  if (!text) return <None />;
  return (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid={testId}>
      {text}
    </Typography.Paragraph>
  );
}

export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Link to={to}>
      <ArrowLeftOutlined aria-hidden /> {label}
    </Link>
  );
}

export function OverdueTag({ label }: { label?: string }) {
  return (
    <Tag color="red" variant="solid" style={{ marginInlineEnd: 0 }}>
      {label ?? t('orders.shared.overdue')}
    </Tag>
  );
}
