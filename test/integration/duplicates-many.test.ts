// The ledger's batch duplicate guard (findDuplicatesMany) against the single guard that
// children.create and the form's check use: the same files, for the same reasons, per row.
import { describe, expect, it } from 'vitest';
import { type DuplicateProbe, findDuplicates, findDuplicatesMany } from '../../db/children/duplicates';
import { idCheckCharacter } from '../fixtures/idNumbers';
import { statsCtx } from './duties-support';
import { ADMIN, CHILD, call, ManualClock, openCore } from './support';

const ID_A = CHILD.idNumber;
const ID_D = `37011520140101001${idCheckCharacter('37011520140101001')}`;

async function studio() {
  const core = openCore(undefined, new ManualClock());
  await call(core, 'session.setup', ADMIN);
  const base = { gender: 'male' as const, township: CHILD.township, acknowledgeDuplicates: true };
  const a = await call(core, 'children.create', { ...CHILD });
  await call(core, 'relations.add', {
    childId: a.id,
    relation: 'mother',
    isGuardian: true,
    person: { name: '刘翠兰', gender: 'female' },
  });
  const b = await call(core, 'children.create', { ...base, name: '张晓明', birthDate: CHILD.birthDate });
  const c = await call(core, 'children.create', { ...base, name: '张小明', birthDate: '2016-01-01' });
  await call(core, 'relations.add', {
    childId: c.id,
    relation: 'grandparent',
    isCaregiver: true,
    person: { name: '刘翠兰', gender: 'female' },
  });
  const d = await call(core, 'children.create', {
    ...base,
    name: '李四',
    birthDate: '2014-01-01',
    idNumber: ID_D,
  });
  const file = await call(core, 'children.get', { id: d.id });
  await call(core, 'children.delete', { id: d.id, version: file.profile.version });
  const e = await call(core, 'children.create', { ...base, name: '张小明', birthDate: CHILD.birthDate });
  return { ctx: await statsCtx(core), ids: { a: a.id, b: b.id, c: c.id, e: e.id } };
}

describe('findDuplicatesMany', () => {
  it('answers for each row of a batch what the single guard answers, for every kind of duplicate', async () => {
    const { ctx, ids } = await studio();
    try {
      const probes: DuplicateProbe[] = [
        // Every rule at once: ID, name + birth, pinyin + birth, name + guardian.
        { name: '张小明', birthDate: CHILD.birthDate, idNumber: ID_A, guardianNames: ['刘翠兰'] },
        // The ID number alone, typed in lower case around spaces.
        { name: '王五', idNumber: ` ${ID_A.toLowerCase()} ` },
        // The other writing of the same pinyin.
        { name: '张晓明', birthDate: CHILD.birthDate },
        // A child in the recycle bin is no duplicate.
        { name: '李四', birthDate: '2014-01-01', idNumber: ID_D },
        // The guardian named twice and blank once; the file being edited left out.
        { name: ' 张小明 ', guardianNames: ['刘翠兰', '刘翠兰', ' '], excludeId: ids.c },
        // Nothing to look up.
        { name: '', birthDate: CHILD.birthDate },
        // No match at all, between rows that have some.
        { name: '赵六', birthDate: '2013-05-05', guardianNames: ['赵大'] },
        // The same probe twice in one batch: each answered on its own.
        { name: '张小明', birthDate: CHILD.birthDate, idNumber: ID_A, guardianNames: ['刘翠兰'] },
      ];
      const many = findDuplicatesMany(ctx, probes);
      expect(many).toEqual(probes.map((p) => findDuplicates(ctx, p)));

      const reasons = (n: number) => Object.fromEntries(many[n].map((c) => [c.id, [...c.reasons].sort()]));
      expect(reasons(0)).toEqual({
        [ids.a]: ['sameIdNumber', 'sameNameBirth', 'sameNameGuardian'],
        [ids.e]: ['sameNameBirth'],
        [ids.b]: ['samePinyinBirth'],
        [ids.c]: ['sameNameGuardian'],
      });
      expect(many[0][0].id).toBe(ids.a);
      expect(reasons(1)).toEqual({ [ids.a]: ['sameIdNumber'] });
      expect(reasons(2)).toEqual({
        [ids.b]: ['sameNameBirth'],
        [ids.a]: ['samePinyinBirth'],
        [ids.e]: ['samePinyinBirth'],
      });
      expect(many[3]).toEqual([]);
      expect(reasons(4)).toEqual({ [ids.a]: ['sameNameGuardian'] });
      expect(many[5]).toEqual([]);
      expect(many[6]).toEqual([]);
      expect(many[7]).toEqual(many[0]);
      expect(findDuplicatesMany(ctx, [])).toEqual([]);
    } finally {
      ctx.raw.close();
    }
  });
});
