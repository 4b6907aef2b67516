// 未成年人情况转介摘要: what a partner agency is sent about one child. Assembled from the other
// areas' own read functions, so the summary shows exactly what their screens show, minus what a
// partner must not see (DOMAIN.md "Privacy duties").
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { demand } from '../access/policy';
import { accounts } from '../accounts/schema';
import type { Ctx } from '../api/define';
import { APPENDABLE } from '../attachments/codes';
import { attachmentTitles } from '../attachments/model';
import type { Category, CloseReason, GuardianshipSituation, NeedKind, RiskLevel } from '../children/codes';
import { ageOn, maskIdNumber } from '../children/idNumber';
import { deriveGuardianship, loadChild, today } from '../children/model';
import { relationsOfChild } from '../children/relations';
import { localDate } from '../common/dates';
import { counsellingOfChild } from '../counselling/model';
import { educationOfChild } from '../education/model';
import { ordersOfChild } from '../orders/model';
import { viewReferral } from '../referrals/model';
import { referralChildren, referrals } from '../referrals/schema';
import { visitsOfChild } from '../visits/model';
import type { childSummaryInput, SummarySection } from './inputs';

type Input = z.output<typeof childSummaryInput>;

export interface SummaryCustody {
  measure: string;
  facility: string | null;
  startDate: string;
  expectedRelease: string | null;
  actualRelease: string | null;
  /** Only when the exporter chose to include it. */
  charge: string | null;
  caseNumber: string | null;
}

export interface SummaryRelative {
  name: string;
  relation: string;
  isGuardian: boolean;
  isCaregiver: boolean;
  phone: string | null;
  address: string | null;
  deceasedOn: string | null;
  missingSince: string | null;
  severeDisability: boolean;
  severeIllness: boolean;
  custody: SummaryCustody[];
}

export interface SummaryReferral {
  number: string;
  receivedDate: string;
  sourceDepartment: string;
  /** Only with the charge: a criminal case number says as much as the charge. */
  sourceCaseNumber: string | null;
  status: string;
  urgency: 'normal' | 'urgent';
  summary: string | null;
  actions: {
    agency: string;
    carrier: string;
    sentDate: string;
    replyDue: string;
    replyDate: string | null;
    result: string | null;
    followUpNote: string | null;
    withdrawn: boolean;
  }[];
}

export interface SummaryPlan {
  kind: 'ordered' | 'voluntary';
  status: string;
  guardians: string[];
  provider: string | null;
  startDate: string | null;
  endDate: string | null;
  goals: { text: string; dueDate: string | null; status: string }[];
  sessions: {
    date: string;
    mode: string;
    minutes: number;
    instructor: string;
    content: string;
  }[];
  finalResult: string | null;
  completedDate: string | null;
}

export interface SummaryOrder {
  number: string | null;
  status: string;
  issueDate: string | null;
  guardians: { name: string; relation: string }[];
  problems: { article: string; text: string }[];
  problemsOther: string | null;
  requirements: { text: string; dueDate: string | null; status: string }[];
  deliveryMethod: string | null;
  deliveryDate: string | null;
  observationStart: string | null;
  observationEnd: string | null;
  followUps: { date: string; method: string; findings: string; compliance: string | null }[];
  evaluation: string | null;
}

/**
 * As on the counselling page: for an exporter without text access (`restricted`) only that a
 * record exists, its date, its counsellor and the crisis flag; every other field is null.
 */
export interface SummaryCounselling {
  restricted: boolean;
  assessments: {
    date: string;
    instrument: string | null;
    riskLevel: string | null;
    assessor: string;
    score: string | null;
    crisis: boolean;
  }[];
  sessions: {
    date: string;
    institution: string | null;
    counsellor: string;
    minutes: number | null;
    summary: string | null;
    crisis: boolean;
  }[];
  treatments: { date: string; institution: string | null; reason: string | null; outcome: string | null }[];
}

export interface SummaryVisit {
  date: string;
  kind: string | null;
  place: string | null;
  visitors: string | null;
  personsMet: string | null;
  findings: Record<string, string | null>;
  actionsAgreed: string | null;
  nextVisitDate: string | null;
}

export interface ChildSummaryDoc {
  childId: string;
  child: {
    name: string;
    gender: 'male' | 'female';
    birthDate: string;
    age: number;
    /** Masked unless the exporter asked for the full number with a reason. */
    idNumber: string | null;
    idNumberFull: boolean;
  };
  partner: string;
  from: string | null;
  to: string | null;
  /** The sections this document carries, in print order. */
  sections: SummarySection[];
  /** Sections asked for but left out, and why; the document says so in place of them. */
  omitted: { section: SummarySection; reason: 'restricted' }[];
  includeCharge: boolean;
  exporter: { name: string };
  generatedAt: number;
  basic?: {
    ethnicity: string | null;
    householdAddress: string | null;
    currentAddress: string | null;
    township: string;
    village: string | null;
    school: string | null;
    grade: string | null;
    boarding: boolean | null;
    healthNotes: string | null;
    disabilityNotes: string | null;
    categories: Category[];
    riskLevel: RiskLevel;
    riskReason: string | null;
    status: 'active' | 'closed';
    closeReason: CloseReason | null;
    ownerName: string | null;
  };
  guardianship?: {
    situation: GuardianshipSituation | null;
    note: string | null;
    flagDeFactoUnsupported: boolean;
    caregiver: { name: string; relation: string; phone: string | null } | null;
    relatives: SummaryRelative[];
  };
  needs?: { kind: NeedKind; note: string | null; met: boolean }[];
  referrals?: SummaryReferral[];
  education?: {
    admonitions: { date: string; place: string; guardian: string; reason: string; deliveredBy: string }[];
    plans: SummaryPlan[];
  };
  orders?: SummaryOrder[];
  counselling?: SummaryCounselling;
  visits?: SummaryVisit[];
  /** 附件目录: titles only; counselling attachments are never listed (attachments/model.ts). */
  attachments?: (ReturnType<typeof attachmentTitles>[number] & {
    /** Its PDF pages or its image follow the summary's pages in the exported file. */
    appended: boolean;
  })[];
}

const NEED_ORDER: NeedKind[] = ['living', 'education', 'medical', 'psychological', 'legal', 'safety'];

function rangeTest(from: string | null, to: string | null): (date: string | null | undefined) => boolean {
  return (date) => !!date && (!from || date >= from) && (!to || date <= to);
}

/** Whether a span [start, end] (end open when null) touches the range. */
function overlaps(start: string | null, end: string | null, from: string | null, to: string | null): boolean {
  if (!start) return false;
  return (!to || start <= to) && (!from || !end || end >= from);
}

const byDate = <T extends { date: string }>(a: T, b: T) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/** The rule of children.revealIdNumber, from the one policy. */
function assertMayRevealId(ctx: Ctx, childId: string, ownerId: string | null): void {
  demand(ctx, 'exportFullId', {
    ownerId,
    method: 'documents.childSummary',
    entity: 'child',
    entityId: childId,
  });
}

export function childSummary(ctx: Ctx, input: Input): ChildSummaryDoc {
  const row = loadChild(ctx, input.childId);
  const day = today(ctx);
  const { from, to } = input;
  const inRange = rangeTest(from, to);
  const want = new Set(input.sections);
  const omitted: ChildSummaryDoc['omitted'] = [];

  let idNumber = maskIdNumber(row.idNumber);
  const idNumberFull = input.fullId !== null && row.idNumber !== null;
  if (input.fullId) {
    assertMayRevealId(ctx, row.id, row.ownerId);
    if (row.idNumber) {
      idNumber = row.idNumber;
      ctx.audit.write({
        action: 'children.revealId',
        entity: 'child',
        entityId: row.id,
        detail: { reason: input.fullId.reason, via: 'documents.childSummary' },
      });
    }
  }

  // Listed before the audit row is written: the row names the files an export may append, and
  // the shell's append takes exactly those (documents.appendAttachments), not what a caller says.
  const listed = want.has('attachments')
    ? attachmentTitles(ctx, { childId: row.id })
        .filter((a) => inRange(new Date(a.createdAt + 8 * 3600_000).toISOString().slice(0, 10)))
        .map((a) => ({ ...a, appended: input.appendFiles && APPENDABLE.includes(a.fileType) }))
    : undefined;
  const appended = (listed ?? []).filter((a) => a.appended).map((a) => a.id);

  // Every read of a child's file is audited once, whatever the path (issue 11, item 4): a
  // summary preview, a print window, each child of a batch. The row says what was served, and
  // the export row is later written from it, not from what a caller claims.
  ctx.audit.write({
    action: 'children.view',
    entity: 'child',
    entityId: row.id,
    detail: {
      via: 'documents.childSummary',
      sections: input.sections,
      partner: input.partner,
      fullId: idNumberFull,
      includeCharge: input.includeCharge,
      ...(appended.length ? { appended } : {}),
    },
  });

  const doc: ChildSummaryDoc = {
    childId: row.id,
    child: {
      name: row.name,
      gender: row.gender,
      birthDate: row.birthDate,
      age: ageOn(row.birthDate, day),
      idNumber,
      idNumberFull,
    },
    partner: input.partner,
    from,
    to,
    sections: [],
    omitted,
    includeCharge: input.includeCharge,
    exporter: { name: ctx.user.displayName },
    generatedAt: ctx.clock.now(),
  };

  if (want.has('basic')) {
    const ownerName = row.ownerId
      ? (ctx.db.select({ n: accounts.displayName }).from(accounts).where(eq(accounts.id, row.ownerId)).get()
          ?.n ?? null)
      : null;
    doc.basic = {
      ethnicity: row.ethnicity,
      householdAddress: row.householdAddress,
      currentAddress: row.currentAddress,
      township: row.township,
      village: row.village,
      school: row.school,
      grade: row.grade,
      boarding: row.boarding,
      healthNotes: row.healthNotes,
      disabilityNotes: row.disabilityNotes,
      categories: row.categories,
      riskLevel: row.riskLevel,
      riskReason: row.riskReason,
      status: row.status,
      closeReason: row.closeReason,
      ownerName,
    };
  }

  if (want.has('guardianship')) {
    const relations = relationsOfChild(ctx, row.id);
    const g = deriveGuardianship(ctx, row);
    const caregiver =
      relations.find((r) => r.person.id === row.caregiverPersonId) ??
      relations.find((r) => r.isCaregiver) ??
      null;
    doc.guardianship = {
      situation: g.effectiveSituation,
      note: row.guardianshipNote,
      flagDeFactoUnsupported: g.flagDeFactoUnsupported,
      caregiver: caregiver
        ? { name: caregiver.person.name, relation: caregiver.relation, phone: caregiver.person.phone }
        : null,
      relatives: relations.map((r) => ({
        name: r.person.name,
        relation: r.relation,
        isGuardian: r.isGuardian,
        isCaregiver: r.isCaregiver,
        phone: r.person.phone,
        address: r.person.address,
        deceasedOn: r.person.deceasedOn,
        missingSince: r.person.missingSince,
        severeDisability: r.person.severeDisability,
        severeIllness: r.person.severeIllness,
        custody: r.custody.map((c) => ({
          measure: c.measure,
          facility: c.facility,
          startDate: c.startDate,
          expectedRelease: c.expectedRelease,
          actualRelease: c.actualRelease,
          charge: input.includeCharge ? c.charge : null,
          caseNumber: input.includeCharge ? c.caseNumber : null,
        })),
      })),
    };
  }

  if (want.has('needs')) {
    doc.needs = NEED_ORDER.filter((k) => row.needs[k]).map((k) => ({
      kind: k,
      note: row.needs[k]?.note ?? null,
      met: row.needs[k]?.met ?? false,
    }));
  }

  if (want.has('referrals')) {
    const ids = ctx.db
      .select({ id: referrals.id })
      .from(referralChildren)
      .innerJoin(referrals, eq(referrals.id, referralChildren.referralId))
      .where(and(eq(referralChildren.childId, row.id), isNull(referrals.deletedAt)))
      .orderBy(asc(referrals.receivedDate), asc(referrals.seq))
      .all();
    doc.referrals = ids
      .map(({ id }) => viewReferral(ctx, id))
      .filter((r) => inRange(r.receivedDate) || r.actions.some((a) => inRange(a.sentDate)))
      .map((r) => ({
        number: r.number,
        receivedDate: r.receivedDate,
        sourceDepartment: r.sourceDepartment,
        sourceCaseNumber: input.includeCharge ? r.sourceCaseNumber : null,
        status: r.status,
        urgency: r.urgency,
        summary: r.summary,
        actions: r.actions
          .filter((a) => inRange(a.sentDate))
          .map((a) => ({
            agency: a.agency,
            carrier: a.carrier,
            sentDate: a.sentDate,
            replyDue: a.replyDue,
            replyDate: a.replyDate,
            result: a.result,
            followUpNote: a.followUpNote,
            withdrawn: a.withdrawnAt !== null,
          })),
      }));
  }

  if (want.has('education')) {
    const edu = educationOfChild(ctx, row.id);
    doc.education = {
      admonitions: edu.admonitions
        .filter((a) => inRange(a.date))
        .sort(byDate)
        .map((a) => ({
          date: a.date,
          place: a.place,
          guardian: a.guardian.name,
          reason: a.reason,
          deliveredBy: a.deliveredBy,
        })),
      plans: edu.plans
        .filter((p) =>
          overlaps(
            p.assessmentDate ?? p.startDate,
            p.completedDate ?? (p.status === 'suspended' ? p.endDate : null),
            from,
            to,
          ),
        )
        .reverse()
        .map((p) => ({
          kind: p.kind,
          status: p.status,
          guardians: p.guardians.map((g) => g.name),
          provider: p.provider,
          startDate: p.startDate,
          endDate: p.endDate,
          goals: p.goals.map((g) => ({ text: g.text, dueDate: g.dueDate, status: g.status })),
          sessions: p.sessions
            .filter((s) => inRange(s.date))
            .map((s) => ({
              date: s.date,
              mode: s.mode,
              minutes: s.minutes,
              instructor: s.instructor,
              content: s.content,
            })),
          finalResult: p.finalResult,
          completedDate: p.completedDate,
        })),
    };
  }

  if (want.has('orders')) {
    // Drafts and orders awaiting approval are internal; a partner sees only issued orders.
    const issued = new Set(['approved', 'observing', 'evaluating', 'closed']);
    doc.orders = ordersOfChild(ctx, row.id)
      .filter((o) => issued.has(o.status))
      .filter((o) => overlaps(o.issueDate, o.closedAt ? localDate(o.closedAt) : null, from, to))
      .reverse()
      .map((o) => ({
        number: o.number,
        status: o.status,
        issueDate: o.issueDate,
        guardians: o.guardians.map((g) => ({ name: g.name, relation: g.relation })),
        problems: o.problems.map((p) => ({ article: p.article, text: p.text })),
        problemsOther: o.problemsOther,
        requirements: o.requirements.map((r) => ({ text: r.text, dueDate: r.dueDate, status: r.status })),
        deliveryMethod: o.deliveryMethod,
        deliveryDate: o.deliveryDate,
        observationStart: o.observationStart,
        observationEnd: o.observationEnd,
        followUps: o.followUps
          .filter((f) => inRange(f.date))
          .map((f) => ({ date: f.date, method: f.method, findings: f.findings, compliance: f.compliance })),
        evaluation: o.evaluation,
      }));
  }

  if (want.has('counselling')) {
    // The area's own read, so the reading (or the refusal of the text) is audited as on its
    // screen, and the reduced form for readers without text access is the page's own.
    const c = counsellingOfChild(ctx, { childId: row.id });
    doc.counselling = {
      restricted: !c.textVisible,
      assessments: c.assessments
        .filter((a) => inRange(a.date))
        .sort(byDate)
        .map((a) => ({
          date: a.date,
          instrument: a.instrument,
          riskLevel: a.riskLevel,
          assessor: a.assessor,
          score: a.score,
          crisis: a.crisis,
        })),
      sessions: c.sessions
        .filter((s) => inRange(s.date))
        .sort(byDate)
        .map((s) => ({
          date: s.date,
          institution: s.institution,
          counsellor: s.counsellor,
          minutes: s.minutes,
          summary: s.summary,
          crisis: s.crisis,
        })),
      treatments: c.treatments
        .filter((r) => inRange(r.date))
        .sort(byDate)
        .map((r) => ({ date: r.date, institution: r.institution, reason: r.reason, outcome: r.outcome })),
    };
  }

  if (want.has('visits')) {
    doc.visits = visitsOfChild(ctx, row.id)
      .filter((v) => v.status === 'final' && inRange(v.date))
      .map((v) => ({
        date: v.date ?? '',
        kind: v.kind,
        place: v.place,
        visitors: v.visitors,
        personsMet: v.personsMet,
        findings: { ...v.findings } as Record<string, string | null>,
        actionsAgreed: v.actionsAgreed,
        nextVisitDate: v.nextVisitDate,
      }))
      .sort(byDate);
  }

  if (listed) doc.attachments = listed;

  doc.sections = input.sections.filter((s) => !omitted.some((o) => o.section === s));
  return doc;
}
