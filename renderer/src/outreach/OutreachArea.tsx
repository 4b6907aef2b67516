import { RecordArea } from '../common/areaRoutes';
import { OutreachCreatePage, OutreachEditRoute } from './OutreachForm';
import { OutreachList } from './OutreachList';
import { OutreachRoute } from './OutreachPage';

/** 法治宣讲's own routes, under /outreach. */
export function OutreachArea() {
  return (
    <RecordArea
      list={OutreachList}
      page={OutreachRoute}
      create={OutreachCreatePage}
      edit={OutreachEditRoute}
    />
  );
}
