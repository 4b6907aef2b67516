import { TeamOutlined } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { SessionUser } from '../../../db/api/define';
import { roleLabel } from '../common/labels';
import { t } from '../i18n';

/** A welcome, not a dashboard: the figures come with the areas that produce them. */
export function HomePage({ user }: { user: SessionUser }) {
  const navigate = useNavigate();
  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('app.home.greeting', { name: user.displayName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('app.home.signedInAs', { role: roleLabel(user.role) })}
      </Typography.Paragraph>
      <Typography.Paragraph>{t('app.home.intro')}</Typography.Paragraph>
      <Typography.Paragraph>{t('app.home.dashboardLater')}</Typography.Paragraph>
      <Typography.Paragraph>{t('app.home.startHint')}</Typography.Paragraph>
      <Button type="primary" icon={<TeamOutlined />} onClick={() => navigate('/children')}>
        {t('app.home.openChildren')}
      </Button>
    </Card>
  );
}
