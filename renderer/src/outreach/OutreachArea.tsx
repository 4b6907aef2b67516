import { Route, Routes } from 'react-router';
import { OutreachCreatePage, OutreachEditRoute } from './OutreachForm';
import { OutreachList } from './OutreachList';
import { OutreachRoute } from './OutreachPage';

/** 法治宣讲's own routes, under /outreach. */
export function OutreachArea() {
  return (
    <Routes>
      <Route index element={<OutreachList />} />
      <Route path="new" element={<OutreachCreatePage />} />
      <Route path=":id" element={<OutreachRoute />} />
      <Route path=":id/edit" element={<OutreachEditRoute />} />
    </Routes>
  );
}
