// 国家司法救助审批表: the application, the caseworker's review, the head's decision and the
// payment on one A4 form (GB/T 9704 page, title and fonts; the body a ruled table).

import { t } from '../../../db/i18n';
import { CEILING_MONTHS } from '../../../db/relief/codes';
import type { ApiOutput } from '../api/client';
import { cnDate } from './routes';

export type ReliefData = ApiOutput<'relief.get'>;

/** A full-width space: JSX would trim a literal one at a line's end. */
const SEP = '\u3000';
const pending = () => t('relief.document.pending');

export function ReliefDocument({ relief: r }: { relief: ReliefData }) {
  const d = (k: Parameters<typeof t>[0]) => t(k);
  const materials = r.checklist
    .map(
      (c) =>
        `${c.received ? t('relief.document.check') : t('relief.document.uncheck')}${t(`relief.codes.material.${c.code}`)}`,
    )
    .join('　');
  const tail = r.accountTail ? t('relief.document.accountTail', { tail: r.accountTail }) : '';
  return (
    <div className="sw-doc sw-approval">
      <div className="sw-org">{t('relief.document.org')}</div>
      <h1 className="sw-title">{t('relief.document.title')}</h1>
      <table className="sw-form">
        <colgroup>
          <col style={{ width: '30mm' }} />
          <col />
          <col style={{ width: '30mm' }} />
          <col />
        </colgroup>
        <tbody>
          <tr>
            <th rowSpan={2}>{d('relief.document.sectionChild')}</th>
            <td colSpan={3}>
              {d('relief.document.name')}：{r.child.name}
              {SEP}
              {d('relief.document.gender')}：{t(`codes.gender.${r.child.gender}`)}
            </td>
          </tr>
          <tr>
            <td colSpan={3}>
              {d('relief.document.birthDate')}：{cnDate(r.child.birthDate)}
              {SEP}
              {d('relief.document.township')}：{r.child.township}
            </td>
          </tr>
          <tr>
            <th rowSpan={2}>{d('relief.document.sectionApplicant')}</th>
            <td colSpan={3}>
              {d('relief.document.name')}：{r.applicantName}
              {SEP}
              {d('relief.document.relation')}：{t(`relief.codes.relation.${r.applicantRelation as 'other'}`)}
            </td>
          </tr>
          <tr>
            <td colSpan={3}>
              {d('relief.document.phone')}：{r.applicantPhone ?? pending()}
              {SEP}
              {d('relief.document.applicationDate')}：{cnDate(r.applicationDate)}
            </td>
          </tr>
          <tr>
            <th>{d('relief.document.caseNumber')}</th>
            <td>{r.caseNumber ?? pending()}</td>
            <th>{d('relief.document.requested')}</th>
            <td>{r.requested ? t('relief.document.amountValue', { amount: r.requested }) : pending()}</td>
          </tr>
          <tr>
            <th>{d('relief.document.reasons')}</th>
            <td colSpan={3} className="sw-tall">
              {r.reasons}
            </td>
          </tr>
          <tr>
            <th>{d('relief.document.materials')}</th>
            <td colSpan={3}>{materials}</td>
          </tr>
          <tr>
            <th>{d('relief.document.reviewNote')}</th>
            <td colSpan={3} className="sw-tall">
              {r.reviewNote ?? ''}
              <div className="sw-signline">
                {d('relief.document.drafter')}：{r.drafterName ?? ''}
              </div>
            </td>
          </tr>
          <tr>
            <th>{d('relief.document.amount')}</th>
            <td colSpan={3}>
              {r.amount
                ? t('relief.document.amountValue', { amount: r.amount })
                : r.status === 'denied'
                  ? t('relief.codes.status.denied')
                  : pending()}
              {SEP}
              {t('relief.document.ceiling', { ceiling: r.ceiling, months: CEILING_MONTHS })}
            </td>
          </tr>
          <tr>
            <th>{d('relief.document.decision')}</th>
            <td colSpan={3} className="sw-tall">
              {r.decisionReason ?? ''}
              {r.overCeiling ? <div>{t('relief.document.overCeiling')}</div> : null}
              <div className="sw-signline">
                {d('relief.document.decidedBy')}：{r.decidedByName ?? ''}
                {SEP}
                {d('relief.document.decisionDate')}：{r.decisionDate ? cnDate(r.decisionDate) : ''}
              </div>
            </td>
          </tr>
          <tr>
            <th>{d('relief.document.payment')}</th>
            <td colSpan={3}>
              {r.paidDate
                ? t('relief.document.paymentLine', {
                    date: cnDate(r.paidDate),
                    holders: r.accountHolders ?? '',
                    bank: r.bank ?? '',
                    tail,
                    supervisor: r.accountSupervisor ?? '',
                  })
                : pending()}
            </td>
          </tr>
        </tbody>
      </table>
      <p className="sw-footnote">{t('relief.document.footer')}</p>
    </div>
  );
}
