import { Route, Routes } from 'react-router';
import { ChildrenPage } from './ChildrenPage';

/** The children area's own routes, under /children. */
export function ChildrenArea() {
  return (
    <Routes>
      <Route index element={<ChildrenPage />} />
    </Routes>
  );
}
