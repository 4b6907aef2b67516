import { and, eq, inArray, isNull, ne, or, type SQL } from 'drizzle-orm';
import { can } from '../access/policy';
import type { Ctx } from '../api/define';
import { maskIdNumber } from './idNumber';
import { pinyinKey } from './model';
import { childRelations, children, persons } from './schema';

export type DuplicateReason = 'sameIdNumber' | 'sameNameBirth' | 'samePinyinBirth' | 'sameNameGuardian';

export interface DuplicateCandidate {
  id: string;
  name: string;
  birthDate: string;
  idNumberMasked: string | null;
  township: string;
  village: string | null;
  status: 'active' | 'closed';
  reasons: DuplicateReason[];
  /**
   * The only match is the ID number, on a child whose full number this reader may not see: the
   * answer says that a file has this number and nothing about which (every other field empty).
   */
  hidden: boolean;
}

export interface DuplicateProbe {
  excludeId?: string | null;
  name: string;
  birthDate?: string | null;
  idNumber?: string | null;
  guardianNames?: string[];
}

/**
 * Children who are probably the one being entered: the same ID number; the same name, or the
 * same pinyin (张晓明/张小明), with the same birth date; or the same name under a guardian of
 * the same name. Each lookup is an index probe.
 */
export function findDuplicates(
  ctx: Ctx,
  probe: DuplicateProbe,
): (DuplicateCandidate & { ownerId: string | null })[] {
  const found = new Map<string, { row: typeof children.$inferSelect; reasons: Set<DuplicateReason> }>();
  const add = (rows: (typeof children.$inferSelect)[], reason: DuplicateReason) => {
    for (const row of rows) {
      const entry = found.get(row.id) ?? { row, reasons: new Set<DuplicateReason>() };
      entry.reasons.add(reason);
      found.set(row.id, entry);
    }
  };
  const live = (...more: (SQL | undefined)[]) =>
    and(isNull(children.deletedAt), probe.excludeId ? ne(children.id, probe.excludeId) : undefined, ...more);

  const id = probe.idNumber?.trim().toUpperCase();
  if (id && id.length === 18)
    add(
      ctx.db
        .select()
        .from(children)
        .where(live(eq(children.idNumber, id)))
        .all(),
      'sameIdNumber',
    );

  const name = probe.name.trim();
  if (name && probe.birthDate) {
    add(
      ctx.db
        .select()
        .from(children)
        .where(live(eq(children.name, name), eq(children.birthDate, probe.birthDate)))
        .all(),
      'sameNameBirth',
    );
    const py = pinyinKey(name);
    if (py) {
      const rows = ctx.db
        .select()
        .from(children)
        .where(live(eq(children.namePinyin, py), eq(children.birthDate, probe.birthDate)))
        .all()
        .filter((r) => r.name !== name);
      add(rows, 'samePinyinBirth');
    }
  }

  const guardians = (probe.guardianNames ?? []).map((g) => g.trim()).filter(Boolean);
  if (name && guardians.length) {
    const rows = ctx.db
      .select({ child: children })
      .from(children)
      .innerJoin(
        childRelations,
        and(eq(childRelations.childId, children.id), isNull(childRelations.deletedAt)),
      )
      .innerJoin(persons, eq(persons.id, childRelations.personId))
      .where(
        live(
          eq(children.name, name),
          inArray(persons.name, guardians),
          or(eq(childRelations.isGuardian, true), eq(childRelations.isCaregiver, true)),
        ),
      )
      .all();
    add(
      rows.map((r) => r.child),
      'sameNameGuardian',
    );
  }

  return [...found.values()].slice(0, 20).map(({ row, reasons }) => ({
    ownerId: row.ownerId,
    id: row.id,
    name: row.name,
    birthDate: row.birthDate,
    idNumberMasked: maskIdNumber(row.idNumber),
    township: row.township,
    village: row.village,
    status: row.status,
    reasons: [...reasons],
    hidden: false,
  }));
}

/**
 * The duplicate check as a reader may see it (issue 11, item 3). A match by name, pinyin or
 * guardian shows what the children list shows anyway; a match by ID number alone would tie a
 * guessed number to a child, so unless the reader may see that child's full number it says only
 * that a file has the number. Every check that carried a whole number is audited.
 */
export function duplicatesForReader(ctx: Ctx, probe: DuplicateProbe): DuplicateCandidate[] {
  const found = findDuplicates(ctx, probe);
  const id = probe.idNumber?.trim();
  if (id && id.length === 18) {
    ctx.audit.write({
      action: 'children.idLookup',
      entity: 'child',
      entityId: null,
      detail: {
        via: 'children.checkDuplicates',
        mode: 'whole',
        found: found.filter((c) => c.reasons.includes('sameIdNumber')).length,
      },
    });
  }
  return found.map(({ ownerId, ...c }) => {
    const onlyId = c.reasons.length === 1 && c.reasons[0] === 'sameIdNumber';
    if (!onlyId || can(ctx.user, 'revealId', { ownerId })) return c;
    return {
      id: '',
      name: '',
      birthDate: '',
      idNumberMasked: null,
      township: '',
      village: null,
      status: 'active' as const,
      reasons: c.reasons,
      hidden: true,
    };
  });
}
