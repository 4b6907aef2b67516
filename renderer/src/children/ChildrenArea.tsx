import { Route, Routes } from 'react-router';
import { LedgerImportPage } from '../ledger/LedgerImportPage';
import { ChildBinPage } from './ChildBinPage';
import { ChildCreatePage } from './ChildCreatePage';
import { ChildFileRoute } from './ChildFilePage';
import { ChildrenPage } from './ChildrenPage';

/** The children area's own routes, under /children. */
export function ChildrenArea() {
  return (
    <Routes>
      <Route index element={<ChildrenPage />} />
      <Route path="bin" element={<ChildBinPage />} />
      <Route path="new" element={<ChildCreatePage />} />
      <Route path="import" element={<LedgerImportPage />} />
      <Route path=":id" element={<ChildFileRoute />} />
    </Routes>
  );
}
