import { describe, expect, it } from 'vitest';
import { ADMIN, CASEWORKER, CHILD, call, openCore, refuse } from './support';

async function withCaseworker() {
  const core = openCore();
  await call(core, 'session.setup', ADMIN);
  const li = await call(core, 'accounts.create', CASEWORKER);
  return { core, li };
}

describe('the API contract', () => {
  it('answers bad input with Chinese messages per field and changes nothing', async () => {
    const core = openCore();
    await call(core, 'session.setup', ADMIN);
    const error = await refuse(core, 'children.create', {
      ...CHILD,
      name: '',
      idNumber: '370115201503070015',
      // @ts-expect-error: a township outside 济阳区
      township: '历下区',
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('填写的内容有误，请检查标红的项目');
    expect(error.fields).toEqual({
      name: '请填写姓名',
      idNumber: '公民身份号码校验位不正确，请核对',
      township: '请选择济阳区的乡镇（街道）',
    });
    expect((await call(core, 'children.list', {})).total).toBe(0);
    expect((await call(core, 'audit.list', { action: 'children.create' })).total).toBe(0);
    core.close();
  });

  it('cross-checks gender and birth date against the ID number and refuses adults', async () => {
    const core = openCore();
    await call(core, 'session.setup', ADMIN);
    const mismatch = await refuse(core, 'children.create', {
      ...CHILD,
      gender: 'female',
      birthDate: '2015-03-08',
    });
    expect(mismatch.fields).toEqual({
      gender: '性别与公民身份号码不一致（号码显示为男）',
      birthDate: '出生日期与公民身份号码不一致（号码显示为2015-03-07）',
    });
    const adult = await refuse(core, 'children.create', {
      ...CHILD,
      idNumber: null,
      birthDate: '2008-01-01',
    });
    expect(adult.fields).toEqual({ birthDate: '登记时须未满18周岁' });
    await call(core, 'children.create', CHILD);
    const twice = await refuse(core, 'children.create', { ...CHILD, name: '张晓明' });
    expect(twice.fields).toEqual({ idNumber: '该公民身份号码已登记' });
    core.close();
  });

  it('refuses a stale version as a conflict instead of overwriting', async () => {
    const { core, li } = await withCaseworker();
    await call(core, 'accounts.setDisabled', { id: li.id, disabled: true, version: li.version });
    const stale = await refuse(core, 'accounts.setDisabled', {
      id: li.id,
      disabled: false,
      version: li.version,
      passphrase: 'Another-pass-2026 violet-harbor',
    });
    expect(stale).toEqual({
      code: 'CONFLICT',
      message: '该记录已被他人修改，请刷新后重新编辑',
      reason: 'staleVersion',
    });
    const [, account] = await call(core, 'accounts.list', {});
    expect(account).toMatchObject({ disabled: true, version: 2 });
    core.close();
  });

  it('keeps roles apart and audits each refusal', async () => {
    const { core } = await withCaseworker();
    await call(core, 'session.lock', {});
    await call(core, 'session.signIn', CASEWORKER);
    expect(await refuse(core, 'accounts.list', {})).toEqual({
      code: 'FORBIDDEN',
      message: '您没有执行此操作的权限',
    });
    expect((await refuse(core, 'audit.list', {})).code).toBe('FORBIDDEN');
    await call(core, 'session.lock', {});
    await call(core, 'session.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const denied = await call(core, 'audit.list', { action: 'access.denied' });
    expect(denied.rows.map((r) => [r.actorName, r.detail.method])).toEqual([
      ['李明', 'audit.list'],
      ['李明', 'accounts.list'],
    ]);
    core.close();
  });

  it('removes a disabled account’s key slot, and re-enabling needs a new passphrase', async () => {
    const { core, li } = await withCaseworker();
    const off = await call(core, 'accounts.setDisabled', { id: li.id, disabled: true, version: li.version });
    await call(core, 'session.lock', {});
    expect(
      (
        await refuse(core, 'session.signIn', {
          username: 'liming',
          passphrase: 'Caseworker-2026 violet-harbor',
        })
      ).message,
    ).toBe('用户名或密码错误');
    await call(core, 'session.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const noPass = await refuse(core, 'accounts.setDisabled', {
      id: li.id,
      disabled: false,
      version: off.version,
    });
    expect(noPass.fields).toEqual({ passphrase: '密码至少需要12个字符' });
    await call(core, 'accounts.setDisabled', {
      id: li.id,
      disabled: false,
      version: off.version,
      passphrase: 'Fresh-start-2026 violet-harbor',
    });
    await call(core, 'session.lock', {});
    await call(core, 'session.signIn', { username: 'liming', passphrase: 'Fresh-start-2026 violet-harbor' });
    core.close();
  });

  it('never lets the last administrator be disabled, nor an admin disable themself', async () => {
    const core = openCore();
    const admin = await call(core, 'session.setup', ADMIN);
    const [self] = await call(core, 'accounts.list', {});
    expect(
      (await refuse(core, 'accounts.setDisabled', { id: admin.id, disabled: true, version: self.version }))
        .message,
    ).toBe('不能停用自己的账号');
    core.close();
  });

  it('names an unknown method plainly and reports internal errors without details', async () => {
    const core = openCore();
    const result = await core.invoke('children.drop', {});
    expect(result).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '不支持的操作' } });
    core.close();
  });
});
