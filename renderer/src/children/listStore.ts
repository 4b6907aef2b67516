import { create } from 'zustand';
import type { Category, RiskLevel } from '../../../db/children/codes';
import type { AGE_BANDS, SORTS, TOWNSHIPS } from '../../../db/children/inputs';
import { registerReset } from '../common/resetRegistry';
import { prefetchApi } from '../common/useApiQuery';

/** Rows per page of the list. */
export const PAGE_SIZE = 50;

export interface ChildFilters {
  status?: 'active' | 'closed';
  riskLevel?: RiskLevel;
  category?: Category;
  township?: (typeof TOWNSHIPS)[number];
  ownerId?: string;
  ageBand?: (typeof AGE_BANDS)[number];
}

interface ListState {
  /** What is in the search box; `query` is it trimmed, asked on every keystroke (see useLoad). */
  typed: string;
  query: string;
  filters: ChildFilters;
  sort: (typeof SORTS)[number];
  order: 'asc' | 'desc';
  page: number;
  setTyped(typed: string): void;
  setFilter<K extends keyof ChildFilters>(key: K, value: ChildFilters[K] | undefined): void;
  resetFilters(): void;
  setSort(sort: ListState['sort'], order: ListState['order']): void;
  setPage(page: number): void;
}

const initial = {
  typed: '',
  query: '',
  filters: {},
  sort: 'name' as const,
  order: 'asc' as const,
  page: 1,
};

/**
 * Kept outside the page so a caseworker who opens a file and comes back finds the list as
 * they left it. The search text may be a child's name, so locking clears it.
 */
export const useChildrenList = create<ListState>()((set) => ({
  ...initial,
  setTyped: (typed) =>
    set((s) => {
      const query = typed.trim();
      return query === s.query ? { typed } : { typed, query, page: 1 };
    }),
  setFilter: (key, value) =>
    set((s) => {
      const filters = { ...s.filters };
      if (value === undefined || value === null) delete filters[key];
      else filters[key] = value;
      return { filters, page: 1 };
    }),
  resetFilters: () => set({ filters: {}, page: 1 }),
  setSort: (sort, order) => set({ sort, order, page: 1 }),
  setPage: (page) => set({ page }),
}));

registerReset(() => useChildrenList.setState(initial));

/** What the list asks children.list for, from the list's state (the page and its prefetch agree). */
export function listInput(s: Pick<ListState, 'query' | 'filters' | 'sort' | 'order' | 'page'>) {
  return {
    ...(s.query ? { query: s.query } : {}),
    ...s.filters,
    sort: s.sort,
    order: s.order,
    offset: (s.page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
}

/** What the list would ask for now. */
export const childrenListInput = () => listInput(useChildrenList.getState());

/** Asks for the rows the list will show, as the menu item that opens it is clicked. */
export function prefetchChildrenList(): void {
  prefetchApi('children.list', childrenListInput());
}
