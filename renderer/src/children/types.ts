import type { ApiInput, ApiOutput } from '../api/client';

export type ChildRow = ApiOutput<'children.list'>['rows'][number];
export type ChildCreateInput = ApiInput<'children.create'>;
