// Read and write contexts are types (issue 15): a read handler has no audit writer and no
// writable database. The `@ts-expect-error` lines are the test that `npm run typecheck` runs:
// if a read handler could write or audit, the directive would be unused and typecheck fails.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readContext } from '../../../db/api/core';
import { type Ctx, method, type ReadCtx } from '../../../db/api/define';
import { dispatch } from '../../../db/api/dispatch';

const input = z.object({});

const _readsThatWouldWrite = {
  audits: method({
    input,
    access: 'user',
    kind: 'read',
    handler: (ctx) => {
      // @ts-expect-error: a read context has no audit writer
      ctx.audit.write({ action: 'x' });
    },
  }),
  inserts: method({
    input,
    access: 'user',
    kind: 'read',
    // @ts-expect-error: a read's drizzle handle has no insert (nor update, delete, run, transaction)
    handler: (ctx) => ctx.db.insert,
  }),
  runsRaw: method({
    input,
    access: 'user',
    kind: 'read',
    // @ts-expect-error: a read's raw statements have no run()
    handler: (ctx) => ctx.raw.prepare('DELETE FROM children').run(),
  }),
  execsRaw: method({
    input,
    access: 'user',
    kind: 'read',
    // @ts-expect-error: a read's raw connection has no exec()
    handler: (ctx) => ctx.raw.exec('DELETE FROM children'),
  }),
  takesAWriteCtx: method({
    input,
    access: 'user',
    // @ts-expect-error: a handler that needs the write context cannot be a read
    kind: 'read',
    handler: (ctx: Ctx) => ctx.audit.write({ action: 'x' }),
  }),
  // A view (a read that leaves audit rows) audits, and can write nothing else.
  viewInserts: method({
    input,
    access: 'user',
    kind: 'view',
    handler: (ctx) => {
      ctx.audit.write({ action: 'x' });
      // @ts-expect-error: a view's drizzle handle has no insert
      return ctx.db.insert;
    },
  }),
  viewRunsRaw: method({
    input,
    access: 'user',
    kind: 'view',
    // @ts-expect-error: a view's raw statements have no run()
    handler: (ctx) => ctx.raw.prepare('DELETE FROM children').run(),
  }),
  viewTakesAWriteCtx: method({
    input,
    access: 'user',
    // @ts-expect-error: a handler that needs the write context cannot be a view
    kind: 'view',
    handler: (ctx: Ctx) => ctx.db.insert,
  }),
  // A write may do all of it; a read handler is also fine where a write is declared.
  writes: method({
    input,
    access: 'user',
    kind: 'write',
    handler: (ctx) => {
      ctx.audit.write({ action: 'x' });
      return ctx.db.insert;
    },
  }),
  readsAsWrite: method({ input, access: 'user', kind: 'write', handler: (ctx: ReadCtx) => ctx.user.id }),
};

const user = { id: 'u1', username: 'li', displayName: '李明', role: 'caseworker' as const };

describe('read and write contexts', () => {
  it('leaves the audit writer out of a read context, at run time as well', () => {
    const ctx = { db: {}, raw: {}, user, clock: { now: () => 0 }, audit: { write() {} }, counselling: {} };
    const read = readContext(ctx as unknown as Ctx);
    expect('audit' in read).toBe(false);
    expect(read.user).toBe(user);
  });

  it('gives read methods the read context and never the write one', async () => {
    const seen: string[] = [];
    const readCtx = {
      db: {},
      raw: {},
      user: { ...user, role: 'admin' as const },
      clock: { now: () => 0 },
      counselling: {},
    };
    const host = {
      state: () => 'unlocked' as const,
      ctx: () => {
        seen.push('write');
        throw new Error('a read asked for the write context');
      },
      readCtx: () => {
        seen.push('read');
        return readCtx;
      },
      transaction: () => {
        throw new Error('a read opened a transaction');
      },
      // No import holds the connection.
      busy: () => null,
      log: () => {},
    };
    // policy.forChild without a child answers from the policy alone.
    const result = await dispatch(host as never, 'policy.forChild', {});
    expect(seen).not.toContain('write');
    expect(seen).toContain('read');
    expect(result.ok).toBe(true);
  });
});
