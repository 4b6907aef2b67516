import { Card, Result } from 'antd';
import { t } from '../../../db/i18n';

export function ForbiddenPage() {
  return (
    <Card>
      <Result status="403" title={t('app.forbidden.title')} subTitle={t('app.forbidden.text')} />
    </Card>
  );
}
