import { Route, Routes } from 'react-router';
import { SuitCreatePage, SuitEditRoute } from './SuitForm';
import { SuitList } from './SuitList';
import { SuitRoute } from './SuitPage';

/** 支持起诉's own routes, under /suits. */
export function SuitsArea() {
  return (
    <Routes>
      <Route index element={<SuitList />} />
      <Route path="new" element={<SuitCreatePage />} />
      <Route path=":id" element={<SuitRoute />} />
      <Route path=":id/edit" element={<SuitEditRoute />} />
    </Routes>
  );
}
