import { Card } from 'antd';
import { t } from '../../../db/i18n';
import { ChildPicker } from '../children/ChildPicker';
import { ExportExcelButton } from '../common/ExportExcelButton';
import { PageHeader } from '../common/PageHeader';

/** 心理疏导: pick a child, then read or add to that child's counselling record. */
export function CounsellingIndex() {
  return (
    <>
      <PageHeader
        title={t('counselling.title')}
        intro={t('counselling.intro')}
        extra={<ExportExcelButton method="exports.counselling" input={{}} />}
      />
      <Card title={t('counselling.picker.title')}>
        <ChildPicker testId="counselling-picker" linkTo={(child) => `/counselling/${child.id}`} />
      </Card>
    </>
  );
}
