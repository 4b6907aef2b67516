// Empty values and long text, shown the same way on every page.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
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

/**
 * Back to the area's list, as a button above the page's title: pages that hold a working state
 * (a visit being typed, a file with its tabs) leave by it, and it reads as the way out.
 */
export function BackButton({ to, label }: { to: string; label: string }) {
  const navigate = useNavigate();
  return (
    <Button
      type="link"
      icon={<ArrowLeftOutlined />}
      onClick={() => navigate(to)}
      style={{ paddingInline: 0, marginBottom: 8 }}
    >
      {label}
    </Button>
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
