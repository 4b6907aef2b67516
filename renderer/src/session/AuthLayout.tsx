import { SunOutlined } from '@ant-design/icons';
import { Card, Flex, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { t } from '../../../db/i18n';

/** The frame around the first-run and sign-in forms: brand above, one card in the middle. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 24, background: token.colorBgLayout }}
    >
      <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
        <Flex align="center" gap={10}>
          <SunOutlined style={{ fontSize: 30, color: token.colorWarning }} aria-hidden />
          <Typography.Title level={2} style={{ margin: 0, letterSpacing: 4 }}>
            {t('app.name')}
          </Typography.Title>
        </Flex>
        <Typography.Text type="secondary">
          {t('app.org')} · {t('app.studio')}
        </Typography.Text>
      </Flex>
      <Card title={title} style={{ width: '100%', maxWidth: 440 }}>
        {children}
      </Card>
    </Flex>
  );
}
