// 未成年人情况转介摘要: the chosen sections of one child's file, for one partner agency.
// Printed with the 内部资料 mark and a watermark naming who exported it and when.
import type { ReactNode } from 'react';
import type { SummarySection } from '../../../db/documents/inputs';
import { t } from '../../../db/i18n';
import type { ApiOutput } from '../api/client';
import { labelOr } from '../common/labels';
import { cnDate, localDateTime } from './routes';

export type SummaryData = ApiOutput<'documents.childSummary'>;

const paren = (text: string, note: string) => t('documents.format.paren', { text, note });
const labelled = (label: string, value: string) => t('documents.format.labelled', { label, value });
const LIST = () => t('documents.format.list');
const WATERMARK_COPIES = 50;

const dash = () => t('documents.summary.none');
const text = (v: string | null | undefined) => (v ? v : dash());
const date = (v: string | null | undefined) => (v ? v : dash());
const code = (group: string, v: string | null | undefined) =>
  v ? labelOr(`codes.${group}.${v}`, v) : dash();
const yesNo = (v: boolean | null) =>
  v === null ? dash() : v ? t('documents.summary.yes') : t('documents.summary.no');

interface Col<R> {
  title: string;
  cell: (row: R) => ReactNode;
  /** Fixed width; the one column without a width takes the rest of the 156 mm line. */
  width?: string;
  /** Dates: never broken at their hyphens. */
  nowrap?: boolean;
}

/** Wide enough for 2026-11-27 in 五号 plus the cell padding. */
const DATE_W = '23mm';

/** Several short facts in one cell, one per line; empty ones left out. */
function Lines({ lines }: { lines: (string | null | undefined)[] }) {
  return (
    <>
      {lines.filter(Boolean).map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed lines of one cell.
        <div key={i}>{l}</div>
      ))}
    </>
  );
}

function Table<R>({
  cols,
  rows,
  rowKey,
}: {
  cols: Col<R>[];
  rows: R[];
  rowKey: (r: R, i: number) => string;
}) {
  return (
    <table className="sw-grid">
      <colgroup>
        {cols.map((c) => (
          <col key={c.title} style={c.width ? { width: c.width } : undefined} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {cols.map((c) => (
            <th key={c.title}>{c.title}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={rowKey(r, i)}>
            {cols.map((c) => (
              <td key={c.title} className={c.nowrap ? 'sw-nowrap' : undefined}>
                {c.cell(r)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function KeyValues({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <table className="sw-kv">
      <tbody>
        {rows.map(([k, v]) => (
          <tr key={k}>
            <th scope="row">{k}</th>
            <td>{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Empty({ ranged }: { ranged: boolean }) {
  return (
    <div className="sw-block">
      <p>{ranged ? t('documents.summary.emptyInRange') : t('documents.summary.empty')}</p>
    </div>
  );
}

function Basic({ doc }: { doc: SummaryData }) {
  const b = doc.basic;
  if (!b) return null;
  const s = t('documents.summary.basic.listSeparator');
  return (
    <KeyValues
      rows={[
        [t('documents.summary.basic.name'), doc.child.name],
        [t('documents.summary.basic.gender'), t(`codes.gender.${doc.child.gender}`)],
        [
          t('documents.summary.basic.birthDate'),
          paren(cnDate(doc.child.birthDate), t('documents.summary.basic.age', { age: doc.child.age })),
        ],
        [
          t('documents.summary.basic.idNumber'),
          doc.child.idNumber
            ? `${doc.child.idNumber}${doc.child.idNumberFull ? t('documents.summary.fullIdNote') : ''}`
            : dash(),
        ],
        [t('documents.summary.basic.ethnicity'), text(b.ethnicity)],
        [t('documents.summary.basic.householdAddress'), text(b.householdAddress)],
        [t('documents.summary.basic.currentAddress'), text(b.currentAddress)],
        [t('documents.summary.basic.township'), [b.township, b.village].filter(Boolean).join(' ')],
        [
          t('documents.summary.basic.school'),
          [b.school, b.grade].filter(Boolean).join(' ') +
            (b.boarding === null
              ? ''
              : paren('', labelled(t('documents.summary.basic.boarding'), yesNo(b.boarding)))) || dash(),
        ],
        [t('documents.summary.basic.health'), text(b.healthNotes)],
        [t('documents.summary.basic.disability'), text(b.disabilityNotes)],
        [
          t('documents.summary.basic.categories'),
          b.categories.length ? b.categories.map((c) => code('category', c)).join(s) : dash(),
        ],
        [
          t('documents.summary.basic.risk'),
          b.riskReason ? labelled(code('risk', b.riskLevel), b.riskReason) : code('risk', b.riskLevel),
        ],
        [
          t('documents.summary.basic.status'),
          b.closeReason
            ? paren(code('childStatus', b.status), code('closeReason', b.closeReason))
            : code('childStatus', b.status),
        ],
        [t('documents.summary.basic.owner'), text(b.ownerName)],
      ]}
    />
  );
}

function Guardianship({ doc }: { doc: SummaryData }) {
  const g = doc.guardianship;
  if (!g) return null;
  const k = 'documents.summary.guardianship';
  type Rel = (typeof g.relatives)[number];
  const roles = (r: Rel) => {
    const held = [
      r.isGuardian ? t('codes.role.guardian') : null,
      r.isCaregiver ? t('codes.role.caregiver') : null,
      r.custody.some((c) => !c.actualRelease) ? t('codes.role.detained') : null,
    ];
    return held.some(Boolean) ? <Lines lines={held} /> : dash();
  };
  const state = (r: Rel) => {
    const parts: string[] = [];
    if (r.deceasedOn) parts.push(t(`${k}.deceased`, { date: cnDate(r.deceasedOn) }));
    if (r.missingSince) parts.push(t(`${k}.missing`, { date: cnDate(r.missingSince) }));
    if (r.severeDisability) parts.push(t(`${k}.severeDisability`));
    if (r.severeIllness) parts.push(t(`${k}.severeIllness`));
    for (const c of r.custody) {
      parts.push(
        t(`${k}.custody`, { measure: code('custodyMeasure', c.measure), start: cnDate(c.startDate) }) +
          (c.facility ? t(`${k}.facility`, { facility: c.facility }) : '') +
          (c.actualRelease
            ? t(`${k}.released`, { date: cnDate(c.actualRelease) })
            : c.expectedRelease
              ? t(`${k}.expectedRelease`, { date: cnDate(c.expectedRelease) })
              : '') +
          (c.charge ? t(`${k}.charge`, { charge: c.charge }) : '') +
          (c.caseNumber ? t(`${k}.caseNumber`, { caseNumber: c.caseNumber }) : ''),
      );
    }
    return parts.length ? parts.join(t('documents.format.parts')) : dash();
  };
  return (
    <>
      <KeyValues
        rows={[
          [t(`${k}.situation`), code('guardianship', g.situation)],
          [t(`${k}.note`), text(g.note)],
          [
            t(`${k}.caregiver`),
            g.caregiver
              ? `${t(`${k}.caregiverValue`, { name: g.caregiver.name, relation: code('relation', g.caregiver.relation) })}${
                  g.caregiver.phone ? `，${t(`${k}.phone`, { phone: g.caregiver.phone })}` : ''
                }`
              : dash(),
          ],
        ]}
      />
      {g.flagDeFactoUnsupported && (
        <div className="sw-block">
          <p>{t(`${k}.deFacto`)}</p>
        </div>
      )}
      {g.relatives.length > 0 && (
        <>
          <h3>{t(`${k}.relatives`)}</h3>
          <Table<Rel>
            rowKey={(r, i) => `${r.name}-${i}`}
            rows={g.relatives}
            cols={[
              { title: t(`${k}.cols.name`), cell: (r) => r.name, width: '16mm' },
              { title: t(`${k}.cols.relation`), cell: (r) => code('relation', r.relation), width: '16mm' },
              { title: t(`${k}.cols.roles`), cell: roles, width: '22mm' },
              { title: t(`${k}.cols.phone`), cell: (r) => text(r.phone), width: '26mm' },
              { title: t(`${k}.cols.state`), cell: state },
            ]}
          />
        </>
      )}
    </>
  );
}

function Needs({ doc }: { doc: SummaryData }) {
  const needs = doc.needs;
  if (!needs) return null;
  if (!needs.length) return <Empty ranged={false} />;
  const k = 'documents.summary.needs';
  return (
    <Table
      rowKey={(n) => n.kind}
      rows={needs}
      cols={[
        { title: t(`${k}.cols.kind`), cell: (n) => code('need', n.kind), width: '14mm' },
        { title: t(`${k}.cols.note`), cell: (n) => text(n.note) },
        { title: t(`${k}.cols.met`), cell: (n) => (n.met ? t(`${k}.met`) : t(`${k}.open`)), width: '18mm' },
      ]}
    />
  );
}

function Referrals({ doc, ranged }: { doc: SummaryData; ranged: boolean }) {
  const list = doc.referrals;
  if (!list) return null;
  if (!list.length) return <Empty ranged={ranged} />;
  const k = 'documents.summary.referrals';
  type Action = (typeof list)[number]['actions'][number];
  return (
    <>
      {list.map((r) => (
        <section key={r.number} className="sw-keep">
          <h3>{t(`${k}.heading`, { number: r.number })}</h3>
          <div className="sw-block">
            <p>
              {t(`${k}.meta`, {
                date: cnDate(r.receivedDate),
                department: r.sourceDepartment,
                status: code('referralStatus', r.status),
                urgency: code('urgency', r.urgency),
              })}
            </p>
            {r.sourceCaseNumber && <p>{t(`${k}.sourceCase`, { caseNumber: r.sourceCaseNumber })}</p>}
            {r.summary && <p>{t(`${k}.summary`, { text: r.summary })}</p>}
            {!r.actions.length && <p>{t(`${k}.noActions`)}</p>}
          </div>
          {r.actions.length > 0 && (
            <Table<Action>
              rowKey={(a, i) => `${a.sentDate}-${a.agency}-${i}`}
              rows={r.actions}
              cols={[
                {
                  title: t(`${k}.cols.agency`),
                  cell: (a) => `${a.agency}${a.withdrawn ? t(`${k}.withdrawn`) : ''}`,
                  width: '19mm',
                },
                { title: t(`${k}.cols.carrier`), cell: (a) => code('carrier', a.carrier), width: '23mm' },
                {
                  title: t(`${k}.cols.dates`),
                  cell: (a) => (
                    <Lines
                      lines={[
                        t(`${k}.sent`, { date: a.sentDate }),
                        t(`${k}.due`, { date: a.replyDue }),
                        t(`${k}.replied`, { date: a.replyDate ?? dash() }),
                      ]}
                    />
                  ),
                  width: '31mm',
                  nowrap: true,
                },
                {
                  title: t(`${k}.cols.result`),
                  cell: (a) => (
                    <Lines
                      lines={[
                        a.result ?? dash(),
                        a.followUpNote ? t(`${k}.followUp`, { text: a.followUpNote }) : null,
                      ]}
                    />
                  ),
                },
              ]}
            />
          )}
        </section>
      ))}
    </>
  );
}

function Education({ doc, ranged }: { doc: SummaryData; ranged: boolean }) {
  const e = doc.education;
  if (!e) return null;
  if (!e.admonitions.length && !e.plans.length) return <Empty ranged={ranged} />;
  const k = 'documents.summary.education';
  type Adm = (typeof e.admonitions)[number];
  type Session = (typeof e.plans)[number]['sessions'][number];
  return (
    <>
      {e.admonitions.length > 0 && (
        <>
          <h3>{t(`${k}.admonitions`)}</h3>
          <Table<Adm>
            rowKey={(a, i) => `${a.date}-${i}`}
            rows={e.admonitions}
            cols={[
              { title: t(`${k}.admonitionCols.date`), cell: (a) => a.date, width: DATE_W, nowrap: true },
              { title: t(`${k}.admonitionCols.guardian`), cell: (a) => a.guardian, width: '19mm' },
              { title: t(`${k}.admonitionCols.place`), cell: (a) => a.place, width: '26mm' },
              { title: t(`${k}.admonitionCols.reason`), cell: (a) => a.reason },
              { title: t(`${k}.admonitionCols.by`), cell: (a) => a.deliveredBy, width: '19mm' },
            ]}
          />
        </>
      )}
      {e.plans.map((p, pi) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: plans carry no number; their order is fixed.
        <section key={pi}>
          <h3>{t(`${k}.plan`, { kind: code('planKind', p.kind), status: code('planStatus', p.status) })}</h3>
          <div className="sw-block">
            <p>
              {t(`${k}.planMeta`, {
                guardians: p.guardians.join(LIST()) || dash(),
                provider: text(p.provider),
                start: p.startDate ? cnDate(p.startDate) : dash(),
                end: p.endDate ? cnDate(p.endDate) : dash(),
              })}
            </p>
            {p.goals.length > 0 && <p>{t(`${k}.goals`)}</p>}
            {p.goals.map((g, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: goals are numbered by position.
              <p key={i}>
                {t(`${k}.goal`, { n: i + 1, text: g.text, status: code('requirementStatus', g.status) })}
              </p>
            ))}
            {p.finalResult && (
              <p>{t(`${k}.final`, { result: p.finalResult, date: cnDate(p.completedDate) })}</p>
            )}
          </div>
          {p.sessions.length > 0 && (
            <Table<Session>
              rowKey={(s, i) => `${s.date}-${i}`}
              rows={p.sessions}
              cols={[
                { title: t(`${k}.sessionCols.date`), cell: (s) => s.date, width: DATE_W, nowrap: true },
                {
                  title: t(`${k}.sessionCols.mode`),
                  cell: (s) => code('sessionMode', s.mode),
                  width: '19mm',
                },
                { title: t(`${k}.sessionCols.minutes`), cell: (s) => s.minutes, width: '12mm' },
                { title: t(`${k}.sessionCols.instructor`), cell: (s) => s.instructor, width: '19mm' },
                { title: t(`${k}.sessionCols.content`), cell: (s) => s.content },
              ]}
            />
          )}
        </section>
      ))}
    </>
  );
}

function Orders({ doc, ranged }: { doc: SummaryData; ranged: boolean }) {
  const list = doc.orders;
  if (!list) return null;
  if (!list.length) return <Empty ranged={ranged} />;
  const k = 'documents.summary.orders';
  type Order = (typeof list)[number];
  type Req = Order['requirements'][number];
  type FollowUp = Order['followUps'][number];
  return (
    <>
      {list.map((o, oi) => (
        <section key={o.number ?? oi}>
          <h3>
            {t(`${k}.heading`, {
              number: o.number ?? t(`${k}.unnumbered`),
              status: code('orderStatus', o.status),
            })}
          </h3>
          <div className="sw-block">
            <p>
              {t(`${k}.meta`, {
                date: o.issueDate ? cnDate(o.issueDate) : dash(),
                guardians:
                  o.guardians.map((g) => paren(g.name, code('relation', g.relation))).join(LIST()) || dash(),
              })}
            </p>
            {(o.problems.length > 0 || o.problemsOther) && <p>{t(`${k}.problems`)}</p>}
            {o.problems.map((p, i) => (
              <p key={p.article}>{t(`${k}.problem`, { n: i + 1, text: p.text, article: p.article })}</p>
            ))}
            {o.problemsOther && <p>{`${o.problems.length + 1}．${o.problemsOther}`}</p>}
            {o.deliveryDate && (
              <p>
                {t(`${k}.delivery`, {
                  method: code('deliveryMethod', o.deliveryMethod),
                  date: cnDate(o.deliveryDate),
                  start: o.observationStart ? cnDate(o.observationStart) : dash(),
                  end: o.observationEnd ? cnDate(o.observationEnd) : dash(),
                })}
              </p>
            )}
            {o.evaluation && <p>{t(`${k}.evaluation`, { result: code('evaluation', o.evaluation) })}</p>}
          </div>
          {o.requirements.length > 0 && (
            <Table<Req>
              rowKey={(_r, i) => `${i}`}
              rows={o.requirements}
              cols={[
                { title: t(`${k}.requirementCols.text`), cell: (r) => r.text },
                {
                  title: t(`${k}.requirementCols.due`),
                  cell: (r) => date(r.dueDate),
                  width: DATE_W,
                  nowrap: true,
                },
                {
                  title: t(`${k}.requirementCols.status`),
                  cell: (r) => code('requirementStatus', r.status),
                  width: '19mm',
                },
              ]}
            />
          )}
          {o.followUps.length > 0 && (
            <>
              <h3>{t(`${k}.followUps`)}</h3>
              <Table<FollowUp>
                rowKey={(f, i) => `${f.date}-${i}`}
                rows={o.followUps}
                cols={[
                  { title: t(`${k}.followUpCols.date`), cell: (f) => f.date, width: DATE_W, nowrap: true },
                  {
                    title: t(`${k}.followUpCols.method`),
                    cell: (f) => code('followUpMethod', f.method),
                    width: '13mm',
                  },
                  { title: t(`${k}.followUpCols.findings`), cell: (f) => f.findings },
                  {
                    title: t(`${k}.followUpCols.compliance`),
                    cell: (f) => code('compliance', f.compliance),
                    width: '19mm',
                  },
                ]}
              />
            </>
          )}
        </section>
      ))}
    </>
  );
}

function Counselling({ doc, ranged }: { doc: SummaryData; ranged: boolean }) {
  const c = doc.counselling;
  if (!c) return null;
  if (!c.assessments.length && !c.sessions.length && !c.treatments.length) return <Empty ranged={ranged} />;
  const k = 'documents.summary.counselling';
  type A = (typeof c.assessments)[number];
  type S = (typeof c.sessions)[number];
  type T = (typeof c.treatments)[number];
  const flag = (crisis: boolean) => (crisis ? t(`${k}.crisis`) : '');
  if (c.restricted) {
    // What the exporter may see of counselling: that records exist, their dates, counsellors
    // and crisis flags (the same rule as the counselling page).
    const rows = [
      ...c.assessments.map((a) => ({
        date: a.date,
        kind: t(`${k}.assessments`),
        who: a.assessor,
        crisis: a.crisis,
      })),
      ...c.sessions.map((s) => ({
        date: s.date,
        kind: t(`${k}.sessions`),
        who: s.counsellor,
        crisis: s.crisis,
      })),
      ...c.treatments.map((r) => ({ date: r.date, kind: t(`${k}.treatments`), who: '', crisis: false })),
    ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    type R = (typeof rows)[number];
    return (
      <>
        <p className="sw-block">{t(`${k}.restrictedNote`)}</p>
        <Table<R>
          rowKey={(r, i) => `${r.date}-${i}`}
          rows={rows}
          cols={[
            { title: t(`${k}.sessionCols.date`), cell: (r) => r.date, width: DATE_W, nowrap: true },
            { title: t(`${k}.restrictedCols.kind`), cell: (r) => r.kind, width: '30mm' },
            { title: t(`${k}.sessionCols.counsellor`), cell: (r) => text(r.who || null) },
            {
              title: t(`${k}.restrictedCols.crisis`),
              cell: (r) => text(flag(r.crisis) || null),
              width: '30mm',
            },
          ]}
        />
      </>
    );
  }
  return (
    <>
      {c.assessments.length > 0 && (
        <>
          <h3>{t(`${k}.assessments`)}</h3>
          <Table<A>
            rowKey={(a, i) => `${a.date}-${i}`}
            rows={c.assessments}
            cols={[
              { title: t(`${k}.assessmentCols.date`), cell: (a) => a.date, width: DATE_W, nowrap: true },
              { title: t(`${k}.assessmentCols.instrument`), cell: (a) => a.instrument },
              {
                title: t(`${k}.assessmentCols.risk`),
                cell: (a) => code('psychRisk', a.riskLevel),
                width: '17mm',
              },
              { title: t(`${k}.assessmentCols.assessor`), cell: (a) => a.assessor, width: '19mm' },
              { title: t(`${k}.assessmentCols.score`), cell: (a) => text(a.score), width: '34mm' },
            ]}
          />
        </>
      )}
      {c.sessions.length > 0 && (
        <>
          <h3>{t(`${k}.sessions`)}</h3>
          <Table<S>
            rowKey={(s, i) => `${s.date}-${i}`}
            rows={c.sessions}
            cols={[
              { title: t(`${k}.sessionCols.date`), cell: (s) => s.date, width: DATE_W, nowrap: true },
              { title: t(`${k}.sessionCols.institution`), cell: (s) => s.institution, width: '30mm' },
              { title: t(`${k}.sessionCols.counsellor`), cell: (s) => s.counsellor, width: '19mm' },
              { title: t(`${k}.sessionCols.minutes`), cell: (s) => s.minutes, width: '12mm' },
              { title: t(`${k}.sessionCols.summary`), cell: (s) => text(s.summary) },
            ]}
          />
        </>
      )}
      {c.treatments.length > 0 && (
        <>
          <h3>{t(`${k}.treatments`)}</h3>
          <Table<T>
            rowKey={(r, i) => `${r.date}-${i}`}
            rows={c.treatments}
            cols={[
              { title: t(`${k}.treatmentCols.date`), cell: (r) => r.date, width: DATE_W, nowrap: true },
              { title: t(`${k}.treatmentCols.institution`), cell: (r) => r.institution, width: '30mm' },
              { title: t(`${k}.treatmentCols.reason`), cell: (r) => text(r.reason) },
              { title: t(`${k}.treatmentCols.outcome`), cell: (r) => text(r.outcome), width: '40mm' },
            ]}
          />
        </>
      )}
    </>
  );
}

const FINDING_KEYS = ['living', 'schooling', 'health', 'psychological', 'safety'] as const;

function Visits({ doc, ranged }: { doc: SummaryData; ranged: boolean }) {
  const list = doc.visits;
  if (!list) return null;
  if (!list.length) return <Empty ranged={ranged} />;
  const k = 'documents.summary.visits';
  type V = (typeof list)[number];
  const findings = (v: V) => {
    const lines = FINDING_KEYS.filter((f) => v.findings[f]).map((f) =>
      t(`${k}.finding`, { label: t(`${k}.findingLabels.${f}`), text: v.findings[f] ?? '' }),
    );
    return lines.length ? <Lines lines={lines} /> : dash();
  };
  return (
    <Table<V>
      rowKey={(v, i) => `${v.date}-${i}`}
      rows={list}
      cols={[
        { title: t(`${k}.cols.date`), cell: (v) => v.date, width: DATE_W, nowrap: true },
        { title: t(`${k}.cols.kind`), cell: (v) => code('visitKind', v.kind), width: '12mm' },
        {
          title: t(`${k}.cols.place`),
          cell: (v) => (
            <Lines
              lines={[
                v.place ?? dash(),
                v.visitors ? t(`${k}.visitors`, { names: v.visitors }) : null,
                v.personsMet ? t(`${k}.met`, { names: v.personsMet }) : null,
              ]}
            />
          ),
          width: '32mm',
        },
        { title: t(`${k}.cols.findings`), cell: findings },
        { title: t(`${k}.cols.actions`), cell: (v) => text(v.actionsAgreed), width: '28mm' },
      ]}
    />
  );
}

/** 附件目录: what paper backs the file, by title; the scans themselves stay in the database. */
function Attachments({ doc, ranged }: { doc: SummaryData; ranged: boolean }) {
  const list = doc.attachments;
  if (!list) return null;
  if (!list.length) return <Empty ranged={ranged} />;
  type A = (typeof list)[number] & { n: number };
  const appended = list.filter((a) => a.appended).length;
  return (
    <>
      <Table<A>
        rowKey={(a) => String(a.n)}
        rows={list.map((a, i) => ({ ...a, n: i + 1 }))}
        cols={[
          { title: t('attachments.appendix.number'), cell: (a) => String(a.n), width: '10mm' },
          { title: t('attachments.columns.title'), cell: (a) => a.title },
          {
            title: t('attachments.columns.kind'),
            cell: (a) => t(`attachments.kinds.${a.kind}`),
            width: '24mm',
          },
          {
            title: t('attachments.columns.fileType'),
            cell: (a) => t(`attachments.fileTypes.${a.fileType}`),
            width: '14mm',
          },
          {
            title: t('attachments.columns.addedBy'),
            cell: (a) => localDateTime(a.createdAt).slice(0, 10),
            width: DATE_W,
            nowrap: true,
          },
          ...(appended
            ? [
                {
                  title: t('attachments.appendix.original'),
                  cell: (a: A) =>
                    a.appended ? t('attachments.appendix.appended') : t('attachments.appendix.listedOnly'),
                  width: '18mm',
                  nowrap: true,
                },
              ]
            : []),
        ]}
      />
      <p className="sw-meta">
        {appended
          ? t('attachments.appendix.noteAppended', { count: appended })
          : t('attachments.appendix.note')}
      </p>
    </>
  );
}

function sectionBody(section: SummarySection, doc: SummaryData, ranged: boolean): ReactNode {
  switch (section) {
    case 'basic':
      return <Basic doc={doc} />;
    case 'guardianship':
      return <Guardianship doc={doc} />;
    case 'needs':
      return <Needs doc={doc} />;
    case 'referrals':
      return <Referrals doc={doc} ranged={ranged} />;
    case 'education':
      return <Education doc={doc} ranged={ranged} />;
    case 'orders':
      return <Orders doc={doc} ranged={ranged} />;
    case 'counselling':
      return <Counselling doc={doc} ranged={ranged} />;
    case 'visits':
      return <Visits doc={doc} ranged={ranged} />;
    case 'attachments':
      return <Attachments doc={doc} ranged={ranged} />;
  }
}

function Watermark({ doc }: { doc: SummaryData }) {
  const label = t('documents.summary.watermark', {
    name: doc.exporter.name,
    time: localDateTime(doc.generatedAt),
  });
  return (
    <div className="sw-watermark" aria-hidden>
      {Array.from({ length: WATERMARK_COPIES }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: identical copies of one label.
        <span key={i}>{label}</span>
      ))}
    </div>
  );
}

export function ChildSummaryDocument({ doc, preview = false }: { doc: SummaryData; preview?: boolean }) {
  const ranged = !!(doc.from || doc.to);
  const k = 'documents.summary';
  const body = (
    <div className="sw-doc sw-summary">
      <Watermark doc={doc} />
      {preview && <div className="sw-secret">{t(`${k}.secret`)}</div>}
      <h1 className="sw-title">{t(`${k}.title`)}</h1>
      <p className="sw-to">{t(`${k}.to`, { partner: doc.partner })}</p>
      <p className="sw-meta">
        {ranged
          ? t(`${k}.range`, {
              from: doc.from ? cnDate(doc.from) : t(`${k}.rangeOpenStart`),
              to: doc.to ? cnDate(doc.to) : t(`${k}.rangeOpenEnd`),
            })
          : t(`${k}.rangeAll`)}
      </p>
      {!doc.basic && (
        <p className="sw-meta">
          {[
            labelled(t(`${k}.basic.name`), doc.child.name),
            labelled(t(`${k}.basic.gender`), t(`codes.gender.${doc.child.gender}`)),
            labelled(t(`${k}.basic.birthDate`), cnDate(doc.child.birthDate)),
            labelled(t(`${k}.basic.idNumber`), doc.child.idNumber ?? dash()),
          ].join(t('documents.format.fields'))}
        </p>
      )}
      {doc.sections.map((s, i) => (
        <section key={s}>
          <h2>
            {t(`${k}.sectionNumber`, {
              n: Array.from(t('documents.format.numerals'))[i] ?? String(i + 1),
              title: t(`${k}.sections.${s}`),
            })}
          </h2>
          {sectionBody(s, doc, ranged)}
        </section>
      ))}
      <div className="sw-closing">
        <p>{t(`${k}.notice`, { partner: doc.partner })}</p>
        <p className="sw-right">
          {t(`${k}.exporterLine`, {
            name: doc.exporter.name,
            time: localDateTime(doc.generatedAt),
          })}
        </p>
        <p className="sw-right">{t('app.org')}</p>
      </div>
    </div>
  );
  return preview ? <div className="sw-sheet">{body}</div> : body;
}
