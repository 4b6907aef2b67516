// 支持起诉意见书: a letter to the court in the order's GB/T 9704 layout (.sw-order): organ,
// title, number, the court addressed, facts, grounds under 民法典 art. 36, basis, closing, date.

import { t } from '../../../db/i18n';
import type { ApiOutput } from '../api/client';
import { labelOr } from '../common/labels';
import { cnDate } from './routes';

export type SuitData = ApiOutput<'suits.get'>;

function paragraphs(text: string | null): string[] {
  return (text ?? '')
    .split(/\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function SuitDocument({ suit: s }: { suit: SuitData }) {
  const applicant = s.applicantName ?? t(`suits.codes.applicant.${s.applicantKind as 'other'}`);
  const respondents = s.respondents
    .map((r) => (r.relation ? `${labelOr(`codes.relation.${r.relation}`, r.relation)}${r.name}` : r.name))
    .join('、');
  const intro = s.kind === 'change' ? 'suits.document.introChange' : 'suits.document.introRevoke';
  return (
    <div className="sw-doc sw-order">
      <div className="sw-org">{t('suits.document.org')}</div>
      <h1 className="sw-title">{t('suits.document.title')}</h1>
      <div className="sw-docno">
        {s.number ?? t('suits.document.unnumbered')}
        {s.status === 'draft' ? <span className="sw-draft">{t('suits.document.draftMark')}</span> : null}
      </div>
      <p className="sw-addressee">
        {t('suits.document.addressee', { court: s.court ?? t('suits.document.courtPending') })}
      </p>
      <p>{t(intro, { applicant, respondents, child: s.child.name })}</p>
      <p className="sw-h1">{t('suits.document.factsHeading')}</p>
      {paragraphs(s.facts).map((text, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one text field.
        <p key={`f${i}`}>{text}</p>
      ))}
      <p className="sw-h1">{t('suits.document.groundsHeading')}</p>
      {s.grounds.map((g, i) => (
        <p key={g}>
          {i + 1}. {t(`suits.codes.ground.${g}`)}
        </p>
      ))}
      {paragraphs(s.groundsText).map((text, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one text field.
        <p key={`g${i}`}>{text}</p>
      ))}
      {paragraphs(s.opinion).map((text, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one text field.
        <p key={`o${i}`}>{text}</p>
      ))}
      <p className="sw-h1">{t('suits.document.basisHeading')}</p>
      <p>{t('suits.document.basis')}</p>
      <p>{t('suits.document.closing')}</p>
      <div className="sw-sign">
        <div>{t('suits.document.org')}</div>
        <div>{s.issueDate ? cnDate(s.issueDate) : '\u3000'}</div>
      </div>
    </div>
  );
}
