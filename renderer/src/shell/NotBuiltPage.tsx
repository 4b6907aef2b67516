import { ToolOutlined } from '@ant-design/icons';
import { Card, Result } from 'antd';
import { type MessageKey, t } from '../../../db/i18n';
import { PageHeader } from '../common/PageHeader';
import type { PendingArea } from './nav';

/** An honest placeholder: says the area is coming and what it will do, shows no data. */
export function NotBuiltPage({ area, title }: { area: PendingArea; title: MessageKey }) {
  return (
    <>
      <PageHeader title={t(title)} />
      <Card>
        <Result
          icon={<ToolOutlined />}
          title={t('app.notBuilt.title')}
          subTitle={t(`app.notBuilt.${area}`)}
        />
      </Card>
    </>
  );
}
