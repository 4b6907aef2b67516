import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { pinyin } from 'pinyin-pro';
import type { z } from 'zod';
import {
  type Ctx,
  type Host,
  hostMethod,
  method,
  type ReadCtx,
  type Role,
  type SessionUser,
} from '../api/define';
import { ApiError } from '../api/errors';
import { newId } from '../common/ids';
import { created, updateVersioned } from '../common/records';
import { copySecrets, type Secrets, wipeSecrets } from '../core/vault';
import { type MessageKey, t } from '../i18n';
import {
  accountCreateInput,
  accountResetPassphraseInput,
  accountSetDisabledInput,
  changePassphraseInput,
  emptyInput,
  lockInput,
  setupInput,
  signInInput,
} from './inputs';
import { accounts } from './schema';
import { passphraseWeakness } from './strength';

export interface Account {
  id: string;
  username: string;
  displayName: string;
  role: SessionUser['role'];
  disabled: boolean;
  version: number;
  createdAt: number;
}

function toAccount(row: typeof accounts.$inferSelect): Account {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    disabled: row.disabledAt !== null,
    version: row.version,
    createdAt: row.createdAt,
  };
}

function getAccount(ctx: Ctx, id: string): Account {
  const row = ctx.db.select().from(accounts).where(eq(accounts.id, id)).get();
  if (!row) throw new ApiError('NOT_FOUND', t('errors.notFound'));
  return toAccount(row);
}

function assertUsernameFree(ctx: Ctx, username: string): void {
  if (ctx.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, username)).get()) {
    throw new ApiError('VALIDATION', t('errors.validation'), {
      username: t('validation.account.usernameTaken'),
    });
  }
}

/** The strength estimator's verdict as a field error; nothing is wrapped for a weak passphrase. */
function assertStrong(
  field: string,
  passphrase: string,
  who: { username: string; displayName?: string },
): void {
  const romanised = who.displayName
    ? pinyin(who.displayName, { toneType: 'none', type: 'array' }).join('')
    : undefined;
  const weakness = passphraseWeakness(passphrase, {
    username: who.username,
    displayName: romanised ?? who.displayName,
  });
  if (!weakness) return;
  const message =
    weakness === 'tooShort'
      ? t('validation.account.passphraseTooShort')
      : weakness === 'containsUsername'
        ? t('validation.account.passphraseContainsUsername')
        : t('validation.account.passphraseGuessable');
  throw new ApiError('VALIDATION', t('errors.validation'), { [field]: message });
}

function backoffError(key: 'signInBackoff' | 'changeBackoff', waitMs: number): ApiError {
  return new ApiError('VALIDATION', t(`validation.account.${key}`, { seconds: Math.ceil(waitMs / 1000) }));
}

/** A copy of the session's keys for an async step, wiped by the caller's finally. */
function sessionSecrets(host: Host): Secrets {
  return copySecrets(host.secrets());
}

// --- session ---------------------------------------------------------------------------------

async function sessionStatus(host: Host) {
  const state = host.state();
  return {
    state,
    user: state === 'unlocked' ? host.ctx().user : null,
    idleMinutes: host.idleMinutes() ?? 0,
    // No key slots but a database: first-run setup is refused; restoring is offered.
    databaseWithoutKeys: state === 'setup' && existsSync(host.vault.dbFile),
  };
}

async function sessionSetup(host: Host, input: z.output<typeof setupInput>): Promise<SessionUser> {
  if (host.state() !== 'setup') throw new ApiError('VALIDATION', t('validation.account.alreadySetUp'));
  // Deleting keyslots.json must not let whoever sits here make an administrator beside
  // the real database: that database is restored with its key slots, from a backup.
  if (existsSync(host.vault.dbFile)) throw new ApiError('VALIDATION', t('validation.account.databaseExists'));
  assertStrong('passphrase', input.passphrase, input);
  const user: SessionUser = {
    id: newId(),
    username: input.username,
    displayName: input.displayName,
    role: 'admin',
  };
  const { secrets, file } = await host.vault.createStudio(
    { id: user.id, username: user.username, role: 'admin' },
    input.passphrase,
  );
  try {
    host.initialize(secrets, user, (ctx) => {
      ctx.db
        .insert(accounts)
        .values({
          id: user.id,
          username: user.username,
          displayName: user.displayName,
          role: 'admin',
          ...created(ctx),
        })
        .run();
      ctx.audit.write({ action: 'session.setup', entity: 'account', entityId: user.id });
    });
  } catch (err) {
    wipeSecrets(secrets);
    throw err;
  }
  host.vault.create(file);
  return user;
}

/**
 * Failures the guard kept while the database was locked, the slot problems this sign-in saw,
 * and the sign-in itself, in one transaction. Usernames are looked up from the guard's tags;
 * a tag no account has is a guess at a name that does not exist.
 */
function auditSignIn(host: Host, user: SessionUser, warnings: readonly string[]): void {
  const pending = host.signInThrottle.pending();
  const unsigned = host.vault.report(host.secrets().signingPublicKey).filter((r) => !r.signed);
  host.transaction((ctx) => {
    const names = new Map(
      ctx.db
        .select({ username: accounts.username })
        .from(accounts)
        .all()
        .map((a) => [host.userTag(a.username), a.username] as const),
    );
    for (const f of pending) {
      ctx.audit.write({
        action: f.kind === 'changePassphrase' ? 'session.changePassphraseFailed' : 'session.signInFailed',
        detail: { username: names.get(f.user) ?? null, knownAccount: names.has(f.user), at: f.at },
      });
    }
    for (const warning of new Set(warnings)) {
      ctx.audit.write({ action: `security.${warning}`, entity: 'account', entityId: user.id });
    }
    if (unsigned.length > 0) {
      ctx.audit.write({
        action: 'security.unsignedSlots',
        detail: { accountIds: unsigned.map((u) => u.accountId) },
      });
    }
    ctx.audit.write({ action: 'session.signIn', entity: 'account', entityId: user.id });
  });
  host.signInThrottle.dropPending(pending.length);
}

async function sessionSignIn(host: Host, input: z.output<typeof signInInput>): Promise<SessionUser> {
  if (host.state() === 'setup') throw new ApiError('VALIDATION', t('validation.account.notSetUp'));
  const tag = host.userTag(input.username);
  // One attempt at a time: twelve parallel guesses wait for each other's KDF and back-off.
  return host.signInThrottle.serialize(async () => {
    const wait = host.signInThrottle.waitMs(host.clock.now(), tag);
    if (wait > 0) throw backoffError('signInBackoff', wait);
    if (host.state() === 'unlocked') host.lock('manual');
    let opened: Awaited<ReturnType<Host['vault']['open']>>;
    try {
      opened = await host.vault.open(input.username, input.passphrase);
    } catch (err) {
      if (err instanceof Error && err.name === 'SlotFileFormatError') {
        throw new ApiError('VALIDATION', t('validation.account.keyFormatOld'));
      }
      throw err;
    }
    if (!opened) {
      host.signInThrottle.fail(host.clock.now(), tag, 'signIn');
      throw new ApiError('VALIDATION', t('validation.account.signInFailed'));
    }
    const warnings = [...opened.warnings];
    let user: SessionUser;
    try {
      user = host.unlock(opened);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'FORBIDDEN')
        host.signInThrottle.fail(host.clock.now(), tag, 'signIn');
      throw err;
    }
    host.signInThrottle.succeed(tag);
    auditSignIn(host, user, warnings);
    return user;
  });
}

async function sessionLock(host: Host, input: z.output<typeof lockInput>) {
  host.lock(input.reason);
  return null;
}

/** The current passphrase is checked under the same per-account guard as a sign-in. */
async function sessionChangePassphrase(host: Host, input: z.output<typeof changePassphraseInput>) {
  const user = host.ctx().user;
  assertStrong('next', input.next, user);
  const tag = host.userTag(user.username);
  return host.signInThrottle.serialize(async () => {
    const wait = host.signInThrottle.waitMs(host.clock.now(), tag);
    if (wait > 0) throw backoffError('changeBackoff', wait);
    const slot = await host.vault.rewrap(user.id, input.current, input.next);
    if (!slot) {
      host.signInThrottle.fail(host.clock.now(), tag, 'changePassphrase');
      throw new ApiError('VALIDATION', t('errors.validation'), {
        current: t('validation.account.currentWrong'),
      });
    }
    host.transaction((ctx) =>
      ctx.audit.write({ action: 'session.changePassphrase', entity: 'account', entityId: user.id }),
    );
    host.vault.store(slot);
    host.signInThrottle.succeed(tag);
    return null;
  });
}

// --- accounts ----------------------------------------------------------------------------------

function listAccounts(ctx: ReadCtx): Account[] {
  return ctx.db.select().from(accounts).orderBy(asc(accounts.createdAt)).all().map(toAccount);
}

/** Names to pick an owner or a counsellor from; any signed-in user may see who their colleagues are. */
function accountOptions(ctx: ReadCtx): { id: string; displayName: string; role: SessionUser['role'] }[] {
  return ctx.db
    .select({ id: accounts.id, displayName: accounts.displayName, role: accounts.role })
    .from(accounts)
    .where(isNull(accounts.disabledAt))
    .orderBy(asc(accounts.createdAt))
    .all();
}

/** The account an administrator acts on: never their own, refused with `ownKey`'s wording. */
function colleague(host: Host, id: string, ownKey: MessageKey): Account {
  const target = getAccount(host.ctx(), id);
  if (target.id === host.ctx().user.id) throw new ApiError('VALIDATION', t(ownKey));
  return target;
}

/** A new slot for the account under `passphrase`; the session's copy of the secrets is wiped however it ends. */
async function enrolSlot(
  host: Host,
  who: { id: string; username: string; role: Role },
  passphrase: string,
): Promise<Awaited<ReturnType<Host['vault']['enrol']>>> {
  const secrets = sessionSecrets(host);
  try {
    return await host.vault.enrol(
      { id: who.id, username: who.username, role: who.role },
      passphrase,
      secrets,
    );
  } finally {
    wipeSecrets(secrets);
  }
}

async function createAccount(host: Host, input: z.output<typeof accountCreateInput>): Promise<Account> {
  assertUsernameFree(host.ctx(), input.username);
  assertStrong('passphrase', input.passphrase, input);
  const id = newId();
  const slot = await enrolSlot(host, { id, username: input.username, role: input.role }, input.passphrase);
  const account = host.transaction((ctx) => {
    assertUsernameFree(ctx, input.username);
    ctx.db
      .insert(accounts)
      .values({
        id,
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        ...created(ctx),
      })
      .run();
    ctx.audit.write({
      action: 'accounts.create',
      entity: 'account',
      entityId: id,
      detail: { role: input.role },
    });
    return getAccount(ctx, id);
  });
  host.vault.store(slot);
  return account;
}

/**
 * Disabling removes the account's slot (rotating the database key is offered next, so a copy of
 * the old slot opens nothing current). Re-enabling a disabled account gives it a new slot under
 * a passphrase the administrator sets; it never touches an enabled account's passphrase.
 */
async function setAccountDisabled(
  host: Host,
  input: z.output<typeof accountSetDisabledInput>,
): Promise<Account> {
  const target = colleague(
    host,
    input.id,
    input.disabled ? 'validation.account.cannotDisableSelf' : 'validation.account.cannotResetSelf',
  );
  let slot = null;
  if (!input.disabled) {
    if (!target.disabled) throw new ApiError('VALIDATION', t('validation.account.notDisabled'));
    assertStrong('passphrase', input.passphrase ?? '', target);
    slot = await enrolSlot(host, target, input.passphrase ?? '');
  }
  const account = host.transaction((ctx) => {
    if (input.disabled && target.role === 'admin') {
      const admins = ctx.db
        .select()
        .from(accounts)
        .where(and(eq(accounts.role, 'admin'), isNull(accounts.disabledAt)))
        .all();
      if (admins.length <= 1) throw new ApiError('VALIDATION', t('validation.account.lastAdmin'));
    }
    updateVersioned(ctx, accounts, input.id, input.version, {
      disabledAt: input.disabled ? ctx.clock.now() : null,
    });
    ctx.audit.write({
      action: 'accounts.setDisabled',
      entity: 'account',
      entityId: input.id,
      detail: { disabled: input.disabled },
    });
    return getAccount(ctx, input.id);
  });
  if (slot) host.vault.store(slot);
  else host.vault.remove(input.id);
  return account;
}

/** A colleague forgot their passphrase: a new slot under one the administrator hands over in person. */
async function resetPassphrase(
  host: Host,
  input: z.output<typeof accountResetPassphraseInput>,
): Promise<Account> {
  const target = colleague(host, input.id, 'validation.account.cannotResetSelf');
  if (target.disabled) throw new ApiError('VALIDATION', t('validation.account.resetDisabled'));
  assertStrong('passphrase', input.passphrase, target);
  const slot = await enrolSlot(host, target, input.passphrase);
  const account = host.transaction((ctx) => {
    updateVersioned(ctx, accounts, input.id, input.version, {});
    ctx.audit.write({ action: 'accounts.resetPassphrase', entity: 'account', entityId: input.id });
    return getAccount(ctx, input.id);
  });
  host.vault.store(slot);
  return account;
}

/** 更换数据库密钥: the whole file re-encrypted under a new key, every remaining slot resealed. */
async function rotateKey(host: Host): Promise<{ epoch: number; seconds: number }> {
  const started = Date.now();
  const next = randomBytes(32);
  const { epoch } = host.rotateDatabaseKey(next);
  host.transaction((ctx) => ctx.audit.write({ action: 'accounts.rotateKey', detail: { epoch } }));
  return { epoch, seconds: Math.round((Date.now() - started) / 100) / 10 };
}

export const sessionMethods = {
  'session.status': hostMethod({ input: emptyInput, access: 'public', kind: 'host', handler: sessionStatus }),
  'session.setup': hostMethod({ input: setupInput, access: 'public', kind: 'host', handler: sessionSetup }),
  'session.signIn': hostMethod({
    input: signInInput,
    access: 'public',
    kind: 'host',
    handler: sessionSignIn,
  }),
  // Concurrent: locking does not wait for an import's steps; it rolls the import back.
  'session.lock': hostMethod({
    input: lockInput,
    access: 'public',
    kind: 'host',
    concurrent: true,
    handler: sessionLock,
  }),
  'session.changePassphrase': hostMethod({
    input: changePassphraseInput,
    access: 'user',
    kind: 'host',
    handler: sessionChangePassphrase,
  }),
};

export const accountMethods = {
  'accounts.list': method({ input: emptyInput, access: ['admin'], kind: 'read', handler: listAccounts }),
  'accounts.options': method({ input: emptyInput, access: 'user', kind: 'read', handler: accountOptions }),
  'accounts.create': hostMethod({
    input: accountCreateInput,
    access: ['admin'],
    kind: 'host',
    handler: createAccount,
  }),
  'accounts.setDisabled': hostMethod({
    input: accountSetDisabledInput,
    access: ['admin'],
    kind: 'host',
    handler: setAccountDisabled,
  }),
  'accounts.resetPassphrase': hostMethod({
    input: accountResetPassphraseInput,
    access: ['admin'],
    kind: 'host',
    handler: resetPassphrase,
  }),
  'accounts.rotateKey': hostMethod({
    input: emptyInput,
    access: ['admin'],
    kind: 'host',
    handler: rotateKey,
  }),
};
