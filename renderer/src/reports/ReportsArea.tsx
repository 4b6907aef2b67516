import { Route, Routes } from 'react-router';
import { ReportCreatePage, ReportEditRoute } from './ReportForm';
import { ReportList } from './ReportList';
import { ReportRoute } from './ReportPage';

/** 强制报告's own routes, under /reports. */
export function ReportsArea() {
  return (
    <Routes>
      <Route index element={<ReportList />} />
      <Route path="new" element={<ReportCreatePage />} />
      <Route path=":id" element={<ReportRoute />} />
      <Route path=":id/edit" element={<ReportEditRoute />} />
    </Routes>
  );
}
