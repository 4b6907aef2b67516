import { Route, Routes } from 'react-router';
import { ReliefCreatePage, ReliefEditRoute } from './ReliefForm';
import { ReliefList } from './ReliefList';
import { ReliefRoute } from './ReliefPage';

/** 国家司法救助's own routes, under /relief. */
export function ReliefArea() {
  return (
    <Routes>
      <Route index element={<ReliefList />} />
      <Route path="new" element={<ReliefCreatePage />} />
      <Route path=":id" element={<ReliefRoute />} />
      <Route path=":id/edit" element={<ReliefEditRoute />} />
    </Routes>
  );
}
