import { AreaRoutes } from '../common/areaRoutes';
import { CounsellingIndex } from './CounsellingIndex';
import { CounsellingRecordRoute } from './CounsellingRecordPage';

/** The counselling area's own routes, under /counselling: one record per child. */
export function CounsellingArea() {
  return <AreaRoutes index={CounsellingIndex} routes={{ ':childId': CounsellingRecordRoute }} />;
}
