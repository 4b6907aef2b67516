import { AreaRoutes } from '../common/areaRoutes';
import { AdmonitionCreatePage } from './AdmonitionForm';
import { EducationHome } from './EducationHome';
import { PlanCreatePage, PlanEditRoute } from './PlanForm';
import { PlanRoute } from './PlanPage';

const ROUTES = {
  'admonitions/new': AdmonitionCreatePage,
  'plans/new': PlanCreatePage,
  'plans/:id': PlanRoute,
  'plans/:id/edit': PlanEditRoute,
};

/** The education area's own routes, under /education: 训诫 and guidance plans. */
export function EducationArea() {
  return <AreaRoutes index={EducationHome} routes={ROUTES} />;
}
