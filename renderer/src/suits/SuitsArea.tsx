import { RecordArea } from '../common/areaRoutes';
import { SuitCreatePage, SuitEditRoute } from './SuitForm';
import { SuitList } from './SuitList';
import { SuitRoute } from './SuitPage';

/** 支持起诉's own routes, under /suits. */
export function SuitsArea() {
  return <RecordArea list={SuitList} page={SuitRoute} create={SuitCreatePage} edit={SuitEditRoute} />;
}
