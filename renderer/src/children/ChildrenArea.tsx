import { AreaRoutes } from '../common/areaRoutes';
import { LedgerImportPage } from '../ledger/LedgerImportPage';
import { ChildBinPage } from './ChildBinPage';
import { ChildCreatePage } from './ChildCreatePage';
import { ChildFileRoute } from './ChildFilePage';
import { ChildrenPage } from './ChildrenPage';

/** The children area's own routes, under /children (the ledger import is reached from the list). */
export function ChildrenArea() {
  return (
    <AreaRoutes
      index={ChildrenPage}
      routes={{ bin: ChildBinPage, new: ChildCreatePage, import: LedgerImportPage, ':id': ChildFileRoute }}
    />
  );
}
