import { describe, expect, it } from 'vitest';
import type { Core } from '../../db/api/core';
import { ADMIN, CASEWORKER, CHILD, call, childEdit, ManualClock, openCore, refuse } from './support';

async function adminCore(clock = new ManualClock()) {
  const core = openCore(undefined, clock);
  await call(core, 'session.setup', ADMIN);
  return core;
}

async function withParents(core: Core, childId: string, father: object, mother: object) {
  await call(core, 'relations.add', {
    childId,
    relation: 'father',
    isGuardian: true,
    person: { name: '张建国', gender: 'male', ...father },
  });
  const links = await call(core, 'relations.add', {
    childId,
    relation: 'mother',
    isGuardian: true,
    person: { name: '刘翠兰', gender: 'female', ...mother },
  });
  return links;
}

describe('children: profile, relatives and custody', () => {
  it('derives the guardianship situation and flags a child who appears eligible and is not recognised', async () => {
    const core = await adminCore();
    const child = await call(core, 'children.create', { ...CHILD, categories: ['prisonerChild'] });
    const links = await withParents(core, child.id, {}, { deceasedOn: '2024-03-01' });
    const father = links.find((l) => l.relation === 'father')!;
    await call(core, 'custody.add', {
      personId: father.person.id,
      measure: 'sentence',
      facility: '山东省鲁中监狱',
      caseNumber: '济阳检刑诉〔2026〕12号',
      charge: '盗窃罪',
      startDate: '2026-01-10',
      expectedRelease: '2029-01-09',
    });

    let file = await call(core, 'children.get', { id: child.id });
    expect(file.guardianship).toMatchObject({
      situation: 'oneDetainedOtherAbsent',
      effectiveSituation: 'oneDetainedOtherAbsent',
      derived: true,
      eligibleDeFactoUnsupported: true,
      flagDeFactoUnsupported: true,
    });
    expect(file.detained).toEqual([
      {
        personId: father.person.id,
        name: '张建国',
        relation: 'father',
        measure: 'sentence',
        expectedRelease: '2029-01-09',
      },
    ]);

    // Once 民政 recognises the child, the flag goes; the eligibility stays visible.
    await call(core, 'children.update', {
      ...CHILD,
      id: child.id,
      version: file.profile.version,
      categories: ['prisonerChild', 'deFactoUnsupported'],
    });
    file = await call(core, 'children.get', { id: child.id });
    expect(file.guardianship.flagDeFactoUnsupported).toBe(false);
    expect(file.guardianship.eligibleDeFactoUnsupported).toBe(true);
    core.close();
  });

  it('keeps the 事实无人抚养 recognition date with the category, and 统计台账 counts the newly recognised by it', async () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 27, 2));
    const core = await adminCore(clock);
    // A date without the category, or after today, is refused beside the field and saves nothing.
    const lone = await refuse(core, 'children.create', { ...CHILD, deFactoRecognisedOn: '2026-03-01' });
    expect(lone.fields).toEqual({ deFactoRecognisedOn: '填写认定日期须同时勾选“事实无人抚养儿童”类别' });
    const future = await refuse(core, 'children.create', {
      ...CHILD,
      categories: ['deFactoUnsupported'],
      deFactoRecognisedOn: '2026-12-01',
    });
    expect(Object.keys(future.fields ?? {})).toEqual(['deFactoRecognisedOn']);
    expect((await call(core, 'children.list', {})).total).toBe(0);

    // Registered as recognised in 2025; another child recognised today without a date given.
    let a = await call(core, 'children.create', {
      ...CHILD,
      categories: ['prisonerChild', 'deFactoUnsupported'],
      deFactoRecognisedOn: '2025-12-30',
    });
    expect(a.deFactoRecognisedOn).toBe('2025-12-30');
    const b = await call(core, 'children.create', {
      ...CHILD,
      name: '李小红',
      gender: 'female',
      idNumber: undefined,
      birthDate: '2016-05-01',
      categories: ['deFactoUnsupported'],
    });
    expect(b.deFactoRecognisedOn).toBe('2026-11-27');
    const newly = async () =>
      (await call(core, 'stats.ledger', { period: { kind: 'year', year: 2026 } })).figures.find(
        (f) => f.key === 'deFactoNew',
      )!;
    expect((await newly()).total).toBe(1);
    expect((await newly()).lastYear.total).toBe(1);

    // An edit that leaves the date empty keeps it; dropping the category drops the date.
    const edit = (categories: ('prisonerChild' | 'deFactoUnsupported')[], date?: string) =>
      call(core, 'children.update', {
        ...CHILD,
        id: a.id,
        version: a.version,
        idNumber: undefined,
        categories,
        deFactoRecognisedOn: date ?? null,
      });
    a = await edit(['prisonerChild', 'deFactoUnsupported']);
    expect(a.deFactoRecognisedOn).toBe('2025-12-30');
    a = await edit(['prisonerChild', 'deFactoUnsupported'], '2026-02-14');
    expect(a.deFactoRecognisedOn).toBe('2026-02-14');
    expect((await newly()).total).toBe(2);
    a = await edit(['prisonerChild']);
    expect(a.deFactoRecognisedOn).toBeNull();
    expect((await newly()).total).toBe(1);
    // A recognised child purged for good by the administrator leaves no recognition behind.
    const gone = await call(core, 'children.get', { id: b.id });
    await call(core, 'children.delete', { id: b.id, version: gone.profile.version });
    await call(core, 'children.purge', { id: b.id });
    expect((await newly()).total).toBe(0);
    core.close();
  });

  it('keeps the caseworker’s own reading where the records cannot decide', async () => {
    const core = await adminCore();
    const child = await call(core, 'children.create', {
      ...CHILD,
      guardianshipSituation: 'other',
      guardianshipNote: '父亲外出务工',
    });
    const file = await call(core, 'children.get', { id: child.id });
    expect(file.guardianship).toMatchObject({
      situation: null,
      effectiveSituation: 'other',
      derived: false,
      flagDeFactoUnsupported: false,
    });
    core.close();
  });

  it('shares one person between siblings, edited once', async () => {
    const core = await adminCore();
    const a = await call(core, 'children.create', CHILD);
    const b = await call(core, 'children.create', {
      ...CHILD,
      name: '张小红',
      gender: 'female',
      birthDate: '2017-06-01',
      idNumber: null,
    });
    const [link] = await call(core, 'relations.add', {
      childId: a.id,
      relation: 'father',
      person: { name: '张建国', phone: '13905310000' },
    });
    const found = await call(core, 'persons.search', { query: '张建' });
    expect(found.map((p) => p.name)).toEqual(['张建国']);
    await call(core, 'relations.add', { childId: b.id, relation: 'father', personId: found[0].id });
    const updated = await call(core, 'persons.update', {
      id: link.person.id,
      version: link.person.version,
      name: '张建国',
      phone: '0531-84221234',
    });
    expect(updated).toMatchObject({ phone: '053184221234', childCount: 2 });
    const fileB = await call(core, 'children.get', { id: b.id });
    expect(fileB.relations[0].person).toMatchObject({
      id: link.person.id,
      phone: '053184221234',
      childCount: 2,
    });

    const badPhone = await refuse(core, 'persons.update', {
      id: link.person.id,
      version: updated.version,
      name: '张建国',
      phone: '12345',
    });
    expect(badPhone.fields).toEqual({ phone: '请输入有效的手机号码或带区号的固定电话' });
    core.close();
  });

  it('warns about a likely duplicate and registers only when the caseworker confirms', async () => {
    const core = await adminCore();
    const first = await call(core, 'children.create', { ...CHILD, idNumber: null });
    await call(core, 'relations.add', {
      childId: first.id,
      relation: 'mother',
      isGuardian: true,
      person: { name: '刘翠兰' },
    });

    // Same pinyin and birth date, different characters.
    const probe = { name: '张晓明', birthDate: CHILD.birthDate };
    expect(await call(core, 'children.checkDuplicates', probe)).toEqual([
      expect.objectContaining({ id: first.id, name: '张小明', reasons: ['samePinyinBirth'] }),
    ]);
    expect(
      await call(core, 'children.checkDuplicates', {
        name: '张小明',
        birthDate: '2015-09-09',
        guardianNames: ['刘翠兰'],
      }),
    ).toEqual([expect.objectContaining({ id: first.id, reasons: ['sameNameGuardian'] })]);
    const refused = await refuse(core, 'children.create', { ...CHILD, name: '张晓明', idNumber: null });
    expect(refused).toEqual({
      code: 'CONFLICT',
      message: '可能与已有档案重复，请先核对',
      reason: 'possibleDuplicate',
    });
    await call(core, 'children.create', {
      ...CHILD,
      name: '张晓明',
      idNumber: null,
      acknowledgeDuplicates: true,
    });
    expect((await call(core, 'children.list', {})).total).toBe(2);
    core.close();
  });

  it('finds children by name fragment, pinyin, initials, ID fragment, school and village', async () => {
    const core = await adminCore();
    await call(core, 'children.create', CHILD);
    await call(core, 'children.create', {
      name: '李小红',
      gender: 'female',
      birthDate: '2016-05-01',
      township: '仁风镇',
      village: '西王村',
      school: '仁风镇中心小学',
    });
    const names = async (query: string) =>
      (await call(core, 'children.list', { query })).rows.map((r) => r.name);
    expect(await names('小')).toEqual(['李小红', '张小明']);
    expect(await names('张小')).toEqual(['张小明']);
    expect(await names('zxm')).toEqual(['张小明']);
    expect(await names('zhangxiaoming')).toEqual(['张小明']);
    expect(await names('Zhang Xiao')).toEqual(['张小明']);
    expect(await names('xiaohong')).toEqual(['李小红']);
    expect(await names('20150307')).toEqual(['张小明']);
    expect(await names('中心小学')).toEqual(['李小红']);
    expect(await names('西王')).toEqual(['李小红']);
    expect(await names('王五')).toEqual([]);
    // 50% must not act as a wildcard.
    expect(await names('%')).toEqual([]);
    core.close();
  });

  it('filters by status, risk, category, township, owner and age band, and counts', async () => {
    const core = await adminCore();
    await call(core, 'children.create', {
      ...CHILD,
      riskLevel: 'red',
      riskReason: '独自居住',
      categories: ['prisonerChild'],
    });
    const b = await call(core, 'children.create', {
      name: '王小丽',
      gender: 'female',
      birthDate: '2022-01-01',
      township: '新市镇',
      categories: ['leftBehind'],
    });
    const list = (input: object) => call(core, 'children.list', input);
    expect((await list({ riskLevel: 'red' })).rows.map((r) => r.name)).toEqual(['张小明']);
    expect((await list({ category: 'leftBehind' })).rows.map((r) => r.name)).toEqual(['王小丽']);
    expect((await list({ township: '新市镇' })).total).toBe(1);
    expect((await list({ ageBand: '3-5' })).rows.map((r) => r.name)).toEqual(['王小丽']);
    expect((await list({ ageBand: '6-11' })).rows.map((r) => r.name)).toEqual(['张小明']);
    expect((await list({ sort: 'birthDate', order: 'desc' })).rows.map((r) => r.name)).toEqual([
      '王小丽',
      '张小明',
    ]);
    await call(core, 'children.close', { id: b.id, version: b.version, reason: 'movedAway' });
    expect((await list({ status: 'active' })).total).toBe(1);
    expect((await list({ status: 'closed' })).rows.map((r) => r.name)).toEqual(['王小丽']);
    const missingReason = await refuse(core, 'children.create', {
      ...CHILD,
      idNumber: null,
      name: '赵敏',
      riskLevel: 'orange',
    });
    expect(missingReason.fields).toEqual({ riskReason: '风险等级为红、橙、黄时须填写原因' });
    core.close();
  });

  it('closes and reopens a file with a reason, on the timeline', async () => {
    const core = await adminCore();
    const child = await call(core, 'children.create', CHILD);
    const noNote = await refuse(core, 'children.close', {
      id: child.id,
      version: child.version,
      reason: 'other',
    });
    expect(noNote.fields).toEqual({ note: '结案原因为“其他”时须填写说明' });
    const closed = await call(core, 'children.close', {
      id: child.id,
      version: child.version,
      reason: 'careRestored',
    });
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'careRestored' });
    const stale = await refuse(core, 'children.reopen', { id: child.id, version: child.version });
    expect(stale.code).toBe('CONFLICT');
    await call(core, 'children.reopen', { id: child.id, version: closed.version });
    const file = await call(core, 'children.get', { id: child.id });
    expect(file.profile.status).toBe('active');
    expect(file.timeline.map((i) => i.title)).toEqual(['重新开启档案', '结案', '登记建档']);
    expect(file.timeline[1].detail).toBe('父母刑满释放/解除强戒，监护恢复（王芳）');
    core.close();
  });

  it('moves a deleted file to the recycle bin, restores it, and lets only an admin purge it', async () => {
    const core = await adminCore();
    const child = await call(core, 'children.create', CHILD);
    await call(core, 'relations.add', { childId: child.id, relation: 'father', person: { name: '张建国' } });
    await call(core, 'children.delete', { id: child.id, version: child.version });
    expect((await call(core, 'children.list', {})).total).toBe(0);
    expect((await call(core, 'children.list', { query: 'zxm' })).total).toBe(0);
    expect((await refuse(core, 'children.get', { id: child.id })).code).toBe('NOT_FOUND');
    const [binned] = (await call(core, 'children.binList', {})).rows;
    expect(binned.name).toBe('张小明');
    // A restore carries the version the bin showed, as every write does; a stale one changes nothing.
    const stale = await refuse(core, 'children.restore', { id: child.id, version: binned.version - 1 });
    expect(stale).toEqual({
      code: 'CONFLICT',
      message: '该记录已被他人修改，请刷新后重新编辑',
      reason: 'staleVersion',
    });
    expect((await call(core, 'children.binList', {})).total).toBe(1);
    await call(core, 'children.restore', { id: child.id, version: binned.version });
    expect((await call(core, 'children.list', { query: 'zxm' })).total).toBe(1);

    const again = await call(core, 'children.get', { id: child.id });
    await call(core, 'accounts.create', CASEWORKER);
    await call(core, 'children.delete', { id: child.id, version: again.profile.version });
    await call(core, 'session.lock', {});
    await call(core, 'session.signIn', CASEWORKER);
    expect((await refuse(core, 'children.purge', { id: child.id })).code).toBe('FORBIDDEN');
    await call(core, 'session.lock', {});
    await call(core, 'session.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    await call(core, 'children.purge', { id: child.id });
    expect((await call(core, 'children.binList', {})).total).toBe(0);
    expect((await call(core, 'persons.search', { query: '张建国' })).length).toBe(0);
    const purge = await call(core, 'audit.list', { action: 'children.purge' });
    expect(purge.rows).toEqual([
      expect.objectContaining({ actorName: '王芳', entityId: child.id, detail: { personsRemoved: 1 } }),
    ]);
    expect((await call(core, 'audit.verify', {})).ok).toBe(true);
    core.close();
  });

  it('masks the ID number everywhere and audits a deliberate reveal', async () => {
    const core = await adminCore();
    const child = await call(core, 'children.create', CHILD);
    const list = await call(core, 'children.list', {});
    const file = await call(core, 'children.get', { id: child.id });
    expect(JSON.stringify([child, list, file])).not.toContain(CHILD.idNumber);
    expect(file.profile.idNumberMasked).toBe('370115************');
    expect(await call(core, 'children.revealIdNumber', { id: child.id, reason: '核对户口簿' })).toEqual({
      idNumber: CHILD.idNumber,
    });
    const reveals = await call(core, 'audit.list', { action: 'children.revealId' });
    expect(reveals.rows).toEqual([
      expect.objectContaining({ entity: 'child', entityId: child.id, actorName: '王芳' }),
    ]);
    core.close();
  });

  it('refuses a stale edit instead of overwriting a colleague’s change', async () => {
    const core = await adminCore();
    const child = await call(core, 'children.create', CHILD);
    await call(core, 'children.update', {
      ...CHILD,
      id: child.id,
      version: child.version,
      school: '济阳区第二实验小学',
    });
    const stale = await refuse(core, 'children.update', {
      ...CHILD,
      id: child.id,
      version: child.version,
      grade: '五年级',
    });
    expect(stale).toEqual({
      code: 'CONFLICT',
      message: '该记录已被他人修改，请刷新后重新编辑',
      reason: 'staleVersion',
    });
    const file = await call(core, 'children.get', { id: child.id });
    expect(file.profile).toMatchObject({ school: '济阳区第二实验小学', grade: null, version: 2 });
    core.close();
  });
});

describe('children: edits that keep what the form cannot show', () => {
  it('keeps the registered ID number when an edit leaves it out, and clears it on null', async () => {
    const core = openCore();
    await call(core, 'session.setup', ADMIN);
    const child = await call(core, 'children.create', CHILD);
    const kept = await call(core, 'children.update', childEdit(child, { grade: '三年级' }));
    expect(kept.idNumberMasked).toBe('370115************');
    // The kept number still has to agree with an edited birth date.
    const mismatch = await refuse(core, 'children.update', childEdit(kept, { birthDate: '2015-03-08' }));
    expect(mismatch.fields).toEqual({ birthDate: '出生日期与公民身份号码不一致（号码显示为2015-03-07）' });
    const cleared = await call(core, 'children.update', childEdit(kept, { idNumber: null }));
    expect(cleared.idNumberMasked).toBeNull();
    core.close();
  });

  it('refreshes an open file without counting a new opening', async () => {
    const core = openCore();
    await call(core, 'session.setup', ADMIN);
    const child = await call(core, 'children.create', CHILD);
    await call(core, 'children.get', { id: child.id });
    await call(core, 'relations.add', { childId: child.id, relation: 'mother', person: { name: '刘翠兰' } });
    const file = await call(core, 'children.refresh', { id: child.id });
    expect(file.relations.map((r) => r.person.name)).toEqual(['刘翠兰']);
    expect((await call(core, 'audit.list', { action: 'children.view' })).total).toBe(1);
    core.close();
  });
});
