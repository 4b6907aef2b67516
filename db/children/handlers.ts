import { and, count, desc, eq, isNull, like, or, type SQL } from 'drizzle-orm';
import { t } from '../../renderer/src/i18n';
import { type Ctx, method } from '../api/define';
import { ApiError } from '../api/errors';
import { localDate } from '../common/dates';
import { newId } from '../common/ids';
import { created } from '../common/records';
import { ageOn, maskIdNumber } from './idNumber';
import { childCreateInput, childGetInput, childListInput } from './inputs';
import { children } from './schema';

export interface Child {
  id: string;
  name: string;
  gender: 'male' | 'female';
  birthDate: string;
  age: number;
  idNumberMasked: string | null;
  township: string;
  village: string | null;
  school: string | null;
  status: 'active' | 'closed';
  version: number;
  createdAt: number;
  updatedAt: number;
}

function toChild(row: typeof children.$inferSelect, today: string): Child {
  return {
    id: row.id,
    name: row.name,
    gender: row.gender,
    birthDate: row.birthDate,
    age: ageOn(row.birthDate, today),
    idNumberMasked: maskIdNumber(row.idNumber),
    township: row.township,
    village: row.village,
    school: row.school,
    status: row.status,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function loadChild(ctx: Ctx, id: string): typeof children.$inferSelect {
  const row = ctx.db
    .select()
    .from(children)
    .where(and(eq(children.id, id), isNull(children.deletedAt)))
    .get();
  if (!row) throw new ApiError('NOT_FOUND', t('errors.notFound'));
  return row;
}

/** Escapes LIKE wildcards so a search for "50%" finds the text, not everything. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const childrenMethods = {
  'children.create': method({
    input: childCreateInput,
    access: 'user',
    kind: 'write',
    handler: (ctx, input): Child => {
      const today = localDate(ctx.clock.now());
      if (input.birthDate > today) {
        throw new ApiError('VALIDATION', t('errors.validation'), { birthDate: t('errors.dateInFuture') });
      }
      if (ageOn(input.birthDate, today) >= 18) {
        throw new ApiError('VALIDATION', t('errors.validation'), {
          birthDate: t('validation.child.notMinor'),
        });
      }
      if (input.idNumber) {
        const taken = ctx.db
          .select({ id: children.id })
          .from(children)
          .where(and(eq(children.idNumber, input.idNumber), isNull(children.deletedAt)))
          .get();
        if (taken)
          throw new ApiError('VALIDATION', t('errors.validation'), {
            idNumber: t('validation.idNumber.duplicate'),
          });
      }
      const id = newId();
      ctx.db
        .insert(children)
        .values({ id, ...input, status: 'active', ...created(ctx) })
        .run();
      ctx.audit.write({ action: 'children.create', entity: 'child', entityId: id });
      return toChild(loadChild(ctx, id), today);
    },
  }),

  'children.list': method({
    input: childListInput,
    access: 'user',
    kind: 'read',
    handler: (ctx, input): { rows: Child[]; total: number } => {
      const where: SQL[] = [isNull(children.deletedAt)];
      if (input.query) {
        const p = likePattern(input.query);
        where.push(
          or(
            like(children.name, p),
            like(children.idNumber, p.toUpperCase()),
            like(children.school, p),
            like(children.village, p),
          ) as SQL,
        );
      }
      const filter = and(...where);
      const today = localDate(ctx.clock.now());
      const rows = ctx.db
        .select()
        .from(children)
        .where(filter)
        .orderBy(desc(children.createdAt))
        .limit(input.limit)
        .offset(input.offset)
        .all();
      const total = ctx.db.select({ n: count() }).from(children).where(filter).get()?.n ?? 0;
      return { rows: rows.map((r) => toChild(r, today)), total };
    },
  }),

  'children.get': method({
    input: childGetInput,
    access: 'user',
    // Opening a child's file is recorded (个人信息保护法 art. 28: sensitive data), so this read writes.
    kind: 'write',
    handler: (ctx, input): Child => {
      const row = loadChild(ctx, input.id);
      ctx.audit.write({ action: 'children.view', entity: 'child', entityId: row.id });
      return toChild(row, localDate(ctx.clock.now()));
    },
  }),
};
