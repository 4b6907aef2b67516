// 督促监护令 as issued: GB/T 9704-2012 layout (print.css), the order's own words, the
// standard wording where the caseworker left it.

import { t } from '../../../db/i18n';
import type { ApiOutput } from '../api/client';
import { labelOr } from '../common/labels';
import { cnDate } from './routes';

export type OrderData = ApiOutput<'orders.get'>;

function paragraphs(text: string | null): string[] {
  return (text ?? '')
    .split(/\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** 刘翠兰、张大山 */
function joinNames(names: string[]): string {
  return names.join(t('documents.order.addresseeSeparator'));
}

export function OrderDocument({ order, preview = false }: { order: OrderData; preview?: boolean }) {
  const you = order.guardians.length > 1 ? t('documents.order.youPlural') : t('documents.order.you');
  const relations = [
    ...new Set(order.guardians.map((g) => labelOr(`codes.relation.${g.relation}`, g.relation))),
  ];
  const problems = order.problems.map((p) => ({ text: p.text, article: p.article }));
  const problemCount = problems.length + (order.problemsOther ? 1 : 0);
  const requirements = order.requirements;
  const date = order.issueDate ?? null;

  const body = (
    <div className="sw-doc sw-order">
      <div className="sw-org">{t('app.org')}</div>
      <h1 className="sw-title">{t('documents.order.title')}</h1>
      <div className="sw-docno">
        {order.number ?? t('documents.order.unnumbered')}
        {order.status === 'draft' || order.status === 'pending' ? (
          <span className="sw-draft">{t('documents.order.draftMark')}</span>
        ) : null}
      </div>
      <p className="sw-addressee">
        {t('documents.order.addressee', { names: joinNames(order.guardians.map((g) => g.name)) })}
      </p>
      <p>
        {t('documents.order.childIntro', {
          you,
          child: order.child.name,
          gender: t(`codes.gender.${order.child.gender}`),
          birth: cnDate(order.child.birthDate),
          relations: relations.join(t('documents.order.addresseeSeparator')),
        })}
      </p>
      {paragraphs(order.facts).map((text, i) => (
        // Paragraphs of one text field: their order is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above.
        <p key={`f${i}`}>{text}</p>
      ))}
      {problemCount > 0 && <p>{t('documents.order.problemsLead', { you })}</p>}
      {problems.map((p, i) => (
        <p key={p.article}>
          {t('documents.order.problemItem', { n: i + 1, text: p.text, article: p.article })}
        </p>
      ))}
      {order.problemsOther && (
        <p>{t('documents.order.problemsOther', { n: problems.length + 1, text: order.problemsOther })}</p>
      )}
      <p>{t('documents.order.requirementsLead', { basis: order.legalBasis, you })}</p>
      {requirements.map((r, i) => (
        <p key={r.id}>
          {t('documents.order.requirementItem', { n: i + 1, text: r.text.replace(/[；;。.]$/, '') })}
          {r.dueDate ? t('documents.order.requirementDue', { date: cnDate(r.dueDate) }) : ''}
          {i === requirements.length - 1 ? t('documents.order.lastItemEnd') : t('documents.order.itemEnd')}
        </p>
      ))}
      {paragraphs(order.consequences).map((text, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one text field.
        <p key={`c${i}`}>{text}</p>
      ))}
      <div className="sw-sign">
        <div>{t('app.org')}</div>
        <div>{date ? cnDate(date) : '\u3000'}</div>
      </div>
    </div>
  );
  return preview ? <div className="sw-sheet">{body}</div> : body;
}
