import { Route, Routes } from 'react-router';
import { AdmonitionCreatePage } from './AdmonitionForm';
import { EducationHome } from './EducationHome';
import { PlanCreatePage, PlanEditRoute } from './PlanForm';
import { PlanRoute } from './PlanPage';

/** The education area's own routes, under /education. */
export function EducationArea() {
  return (
    <Routes>
      <Route index element={<EducationHome />} />
      <Route path="admonitions/new" element={<AdmonitionCreatePage />} />
      <Route path="plans/new" element={<PlanCreatePage />} />
      <Route path="plans/:id" element={<PlanRoute />} />
      <Route path="plans/:id/edit" element={<PlanEditRoute />} />
    </Routes>
  );
}
