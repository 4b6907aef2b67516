import { existsSync } from 'node:fs';
import { asc, eq, isNull } from 'drizzle-orm';
import { t } from '../../renderer/src/i18n';
import { type Ctx, hostMethod, method, type SessionUser } from '../api/define';
import { ApiError } from '../api/errors';
import { newId } from '../common/ids';
import { created, updateVersioned } from '../common/records';
import {
  accountCreateInput,
  accountSetDisabledInput,
  changePassphraseInput,
  emptyInput,
  lockInput,
  setupInput,
  signInInput,
} from './inputs';
import { accounts } from './schema';

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

export const sessionMethods = {
  'session.status': hostMethod({
    input: emptyInput,
    access: 'public',
    kind: 'host',
    handler: async (host) => {
      const state = host.state();
      return {
        state,
        user: state === 'unlocked' ? host.ctx().user : null,
        idleMinutes: host.idleMinutes() ?? 0,
        // No key slots but a database: first-run setup is refused; restoring is offered.
        databaseWithoutKeys: state === 'setup' && existsSync(host.vault.dbFile),
      };
    },
  }),

  'session.setup': hostMethod({
    input: setupInput,
    access: 'public',
    kind: 'host',
    handler: async (host, input): Promise<SessionUser> => {
      if (host.state() !== 'setup') throw new ApiError('VALIDATION', t('validation.account.alreadySetUp'));
      // Deleting keyslots.json must not let whoever sits here make an administrator beside
      // the real database: that database is restored with its key slots, from a backup.
      if (existsSync(host.vault.dbFile))
        throw new ApiError('VALIDATION', t('validation.account.databaseExists'));
      const user: SessionUser = {
        id: newId(),
        username: input.username,
        displayName: input.displayName,
        role: 'admin',
      };
      const key = host.vault.newDatabaseKey();
      const slot = await host.vault.wrap(
        key,
        { accountId: user.id, username: user.username },
        input.passphrase,
      );
      host.initialize(key, user, (ctx) => {
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
      key.fill(0);
      host.vault.store(slot);
      return user;
    },
  }),

  'session.signIn': hostMethod({
    input: signInInput,
    access: 'public',
    kind: 'host',
    handler: async (host, input): Promise<SessionUser> => {
      if (host.state() === 'setup') throw new ApiError('VALIDATION', t('validation.account.notSetUp'));
      const now = host.clock.now();
      const wait = host.signInThrottle.waitMs(now);
      if (wait > 0) {
        throw new ApiError(
          'VALIDATION',
          t('validation.account.signInBackoff', { seconds: Math.ceil(wait / 1000) }),
        );
      }
      if (host.state() === 'unlocked') host.lock('manual');
      const opened = await host.vault.open(input.username, input.passphrase);
      if (!opened) {
        host.signInThrottle.fail(host.clock.now(), input.username);
        throw new ApiError('VALIDATION', t('validation.account.signInFailed'));
      }
      const user = host.unlock(opened.key, opened.accountId);
      const failures = host.signInThrottle.succeed();
      host.transaction((ctx) => {
        for (const f of failures) {
          ctx.audit.write({ action: 'session.signInFailed', detail: { username: f.username, at: f.at } });
        }
        ctx.audit.write({ action: 'session.signIn', entity: 'account', entityId: user.id });
      });
      return user;
    },
  }),

  'session.lock': hostMethod({
    input: lockInput,
    access: 'public',
    kind: 'host',
    handler: async (host, input) => {
      host.lock(input.reason);
      return null;
    },
  }),

  'session.changePassphrase': hostMethod({
    input: changePassphraseInput,
    access: 'user',
    kind: 'host',
    handler: async (host, input) => {
      const user = host.ctx().user;
      if (!(await host.vault.check(user.id, input.current))) {
        throw new ApiError('VALIDATION', t('errors.validation'), {
          current: t('validation.account.currentWrong'),
        });
      }
      const key = Buffer.from(host.databaseKey());
      const slot = await host.vault.wrap(key, { accountId: user.id, username: user.username }, input.next);
      key.fill(0);
      host.transaction((ctx) =>
        ctx.audit.write({ action: 'session.changePassphrase', entity: 'account', entityId: user.id }),
      );
      host.vault.store(slot);
      return null;
    },
  }),
};

export const accountMethods = {
  'accounts.list': method({
    input: emptyInput,
    access: ['admin'],
    kind: 'read',
    handler: (ctx): Account[] =>
      ctx.db.select().from(accounts).orderBy(asc(accounts.createdAt)).all().map(toAccount),
  }),

  /** Names to pick an owner or a counsellor from; any signed-in user may see who their colleagues are. */
  'accounts.options': method({
    input: emptyInput,
    access: 'user',
    kind: 'read',
    handler: (ctx): { id: string; displayName: string; role: SessionUser['role'] }[] =>
      ctx.db
        .select({ id: accounts.id, displayName: accounts.displayName, role: accounts.role })
        .from(accounts)
        .where(isNull(accounts.disabledAt))
        .orderBy(asc(accounts.createdAt))
        .all(),
  }),

  'accounts.create': hostMethod({
    input: accountCreateInput,
    access: ['admin'],
    kind: 'host',
    handler: async (host, input): Promise<Account> => {
      assertUsernameFree(host.ctx(), input.username);
      const id = newId();
      const key = Buffer.from(host.databaseKey());
      const slot = await host.vault.wrap(key, { accountId: id, username: input.username }, input.passphrase);
      key.fill(0);
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
    },
  }),

  'accounts.setDisabled': hostMethod({
    input: accountSetDisabledInput,
    access: ['admin'],
    kind: 'host',
    handler: async (host, input): Promise<Account> => {
      const me = host.ctx().user;
      const target = getAccount(host.ctx(), input.id);
      if (input.disabled && target.id === me.id) {
        throw new ApiError('VALIDATION', t('validation.account.cannotDisableSelf'));
      }
      // Re-enabling gives the account a fresh slot; disabling removes it, so a former
      // colleague's passphrase no longer opens the file at all.
      let slot = null;
      if (!input.disabled) {
        const key = Buffer.from(host.databaseKey());
        slot = await host.vault.wrap(
          key,
          { accountId: target.id, username: target.username },
          input.passphrase ?? '',
        );
        key.fill(0);
      }
      const account = host.transaction((ctx) => {
        if (input.disabled && target.role === 'admin') {
          const admins = ctx.db
            .select()
            .from(accounts)
            .all()
            .filter((a) => a.role === 'admin' && a.disabledAt === null);
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
    },
  }),
};
