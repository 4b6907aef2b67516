import { AreaRoutes } from '../common/areaRoutes';
import { VisitRoute } from './VisitRoute';
import { VisitsIndex } from './VisitsIndex';

/** The visits area's own routes, under /visits: a new visit and a saved one share the editor's route. */
export function VisitsArea() {
  return <AreaRoutes index={VisitsIndex} routes={{ new: VisitRoute, ':id': VisitRoute }} />;
}
