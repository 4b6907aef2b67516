import { Route, Routes } from 'react-router';
import { VisitRoute } from './VisitRoute';
import { VisitsIndex } from './VisitsIndex';

/** The visits area's own routes, under /visits. */
export function VisitsArea() {
  return (
    <Routes>
      <Route index element={<VisitsIndex />} />
      <Route path="new" element={<VisitRoute />} />
      <Route path=":id" element={<VisitRoute />} />
    </Routes>
  );
}
