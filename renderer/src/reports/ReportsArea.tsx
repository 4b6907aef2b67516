import { RecordArea } from '../common/areaRoutes';
import { ReportCreatePage, ReportEditRoute } from './ReportForm';
import { ReportList } from './ReportList';
import { ReportRoute } from './ReportPage';

/** 强制报告's own routes, under /reports. */
export function ReportsArea() {
  return <RecordArea list={ReportList} page={ReportRoute} create={ReportCreatePage} edit={ReportEditRoute} />;
}
