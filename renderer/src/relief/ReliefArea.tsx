import { RecordArea } from '../common/areaRoutes';
import { ReliefCreatePage, ReliefEditRoute } from './ReliefForm';
import { ReliefList } from './ReliefList';
import { ReliefRoute } from './ReliefPage';

/** 国家司法救助's own routes, under /relief. */
export function ReliefArea() {
  return <RecordArea list={ReliefList} page={ReliefRoute} create={ReliefCreatePage} edit={ReliefEditRoute} />;
}
