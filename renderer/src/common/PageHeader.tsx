import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

export function PageHeader({ title, extra, intro }: { title: string; extra?: ReactNode; intro?: string }) {
  return (
    <div style={{ marginBottom: 16 }}>
      <Flex align="center" justify="space-between" gap={16} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      {intro && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {intro}
        </Typography.Paragraph>
      )}
    </div>
  );
}
