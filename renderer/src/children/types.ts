import type { ApiInput, ApiOutput } from '../api/client';

export type ChildRow = ApiOutput<'children.list'>['rows'][number];
export type BinRow = ApiOutput<'children.binList'>['rows'][number];
export type ChildFile = ApiOutput<'children.get'>;
export type ChildProfile = ChildFile['profile'];
export type PersonLink = ChildFile['relations'][number];
export type PersonView = PersonLink['person'];
export type CustodyView = PersonLink['custody'][number];
export type DuplicateCandidate = ApiOutput<'children.checkDuplicates'>[number];
export type ChildListInput = ApiInput<'children.list'>;
export type ChildCreateInput = ApiInput<'children.create'>;
