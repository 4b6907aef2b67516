import { Route, Routes } from 'react-router';
import { CounsellingIndex } from './CounsellingIndex';
import { CounsellingRecordRoute } from './CounsellingRecordPage';

/** The counselling area's own routes, under /counselling. */
export function CounsellingArea() {
  return (
    <Routes>
      <Route index element={<CounsellingIndex />} />
      <Route path=":childId" element={<CounsellingRecordRoute />} />
    </Routes>
  );
}
