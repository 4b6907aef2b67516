// How every area routes itself under the shell's /<area>/*: one component, so the areas' routes
// stand the same way and a record area's addresses cannot drift from another's.
import type { ComponentType } from 'react';
import { Route, Routes } from 'react-router';

/**
 * An area's own routes: its first screen at the area's root, then each path below it and the
 * screen it shows. React Router ranks the paths itself (new before :id), so their order is free.
 */
export function AreaRoutes({
  index: Index,
  routes = {},
}: {
  index: ComponentType;
  routes?: Readonly<Record<string, ComponentType>>;
}) {
  return (
    <Routes>
      <Route index element={<Index />} />
      {Object.entries(routes).map(([path, Screen]) => (
        <Route key={path} path={path} element={<Screen />} />
      ))}
    </Routes>
  );
}

/** The four screens every record area (orders, reports, outreach, relief, suits) is made of. */
export interface RecordScreens {
  /** The register, at the area's root. */
  list: ComponentType;
  /** One record, at :id. */
  page: ComponentType;
  /** A new record, at new. */
  create: ComponentType;
  /** The record's form, at :id/edit. */
  edit: ComponentType;
}

/** A record area's routes: the register, new, one record and its form, at the same paths in each. */
export function RecordArea({ list, page, create, edit }: RecordScreens) {
  return <AreaRoutes index={list} routes={{ new: create, ':id': page, ':id/edit': edit }} />;
}
