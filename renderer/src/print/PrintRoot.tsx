// What a print window shows: one document at its route, outside the app shell, and a marker
// on <body> that the shell (electron/print.ts) or the browser test waits for before printing.
import { useEffect, useState } from 'react';
import { HashRouter, Route, Routes, useLocation, useParams } from 'react-router';
import { t } from '../../../db/i18n';
import { api, toApiCallError } from '../api/client';
import { fromQuery } from '../stats/period';
import { StatsDocument } from '../stats/StatsDocument';
import { ChildSummaryDocument } from './ChildSummaryDocument';
import { probePrintFonts } from './fontProbe';
import { OrderDocument } from './OrderDocument';
import { ReliefDocument } from './ReliefDocument';
import { SuitDocument } from './SuitDocument';
import './print.css';
import { localDateTime, parseSummaryQuery } from './routes';

export { isPrintWindow } from './routes';

type Loaded<T> = { data: T; error: null } | { data: null; error: string } | null;

function setMarker(ready: '1' | 'error', error?: string): void {
  const body = document.body;
  body.dataset.printRoute = window.location.hash;
  if (error) body.dataset.printError = error;
  else delete body.dataset.printError;
  body.dataset.printReady = ready;
}

function clearMarker(): void {
  const body = document.body;
  delete body.dataset.printReady;
  delete body.dataset.printRoute;
  delete body.dataset.printError;
}

/**
 * Waits until every font the laid-out page uses has loaded. Fonts load only when layout asks
 * for them, so layout is forced first; animation frames are not used, because a hidden
 * window may not get any.
 */
async function fontsSettled(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    void document.body.offsetHeight;
    await document.fonts.ready;
    await new Promise((r) => setTimeout(r, 0));
    void document.body.offsetHeight;
    if (document.fonts.status === 'loaded') return;
  }
}

/** Ready once the data is on the page (effects run after the commit) and its fonts have loaded. */
function usePrintMarker(state: Loaded<unknown>): void {
  useEffect(() => {
    if (!state) return;
    if (state.error !== null) {
      setMarker('error', state.error);
      return;
    }
    let live = true;
    void fontsSettled().then(() => {
      if (live) setMarker('1');
    });
    return () => {
      live = false;
    };
  }, [state]);
  useEffect(() => clearMarker, []);
}

function useLoad<T>(load: () => Promise<T>): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each page is keyed by its route and loads once.
  useEffect(() => {
    let live = true;
    load()
      .then((data) => live && setState({ data, error: null }))
      .catch((err) => live && setState({ data: null, error: toApiCallError(err).message }));
    return () => {
      live = false;
    };
  }, []);
  return state;
}

function Status({ text }: { text: string }) {
  return (
    <div className="sw-print-status" role="status">
      {text}
    </div>
  );
}

function OrderPage() {
  const { id = '' } = useParams();
  const state = useLoad(() => api('orders.get', { id }));
  usePrintMarker(state);
  useEffect(() => {
    // The PDF's title is metadata anyone can read; it names the document, never the child.
    document.title = t('documents.order.title');
  }, []);
  if (!state) return <Status text={t('documents.print.loading')} />;
  if (state.error !== null) return <Status text={state.error} />;
  return <OrderDocument order={state.data} />;
}

function ReliefPrintPage() {
  const { id = '' } = useParams();
  const state = useLoad(() => api('relief.get', { id }));
  usePrintMarker(state);
  useEffect(() => {
    document.title = t('relief.document.title');
  }, []);
  if (!state) return <Status text={t('documents.print.loading')} />;
  if (state.error !== null) return <Status text={state.error} />;
  return <ReliefDocument relief={state.data} />;
}

function SuitPrintPage() {
  const { id = '' } = useParams();
  const state = useLoad(() => api('suits.get', { id }));
  usePrintMarker(state);
  useEffect(() => {
    document.title = t('suits.document.title');
  }, []);
  if (!state) return <Status text={t('documents.print.loading')} />;
  if (state.error !== null) return <Status text={state.error} />;
  return <SuitDocument suit={state.data} />;
}

function SummaryPage() {
  const { id = '' } = useParams();
  const { search } = useLocation();
  const state = useLoad(() => {
    const o = parseSummaryQuery(search);
    return api('documents.childSummary', {
      childId: id,
      sections: o.sections,
      from: o.from,
      to: o.to,
      partner: o.partner,
      fullId: o.fullIdReason ? { reason: o.fullIdReason } : null,
      includeCharge: o.includeCharge,
      appendFiles: o.appendFiles,
    });
  });
  usePrintMarker(state);
  useEffect(() => {
    document.title = t('documents.summary.title');
  }, []);
  if (!state) return <Status text={t('documents.print.loading')} />;
  if (state.error !== null) return <Status text={state.error} />;
  return <ChildSummaryDocument doc={state.data} />;
}

function StatsLedgerPage() {
  const { search } = useLocation();
  const { period, breakdown } = fromQuery(search);
  const state = useLoad(async () => {
    const [ledger, session] = await Promise.all([api('stats.ledger', { period }), api('session.status', {})]);
    return { ledger, name: session.user?.displayName ?? '' };
  });
  usePrintMarker(state);
  useEffect(() => {
    document.title = t('stats.print.title');
  }, []);
  if (!state) return <Status text={t('documents.print.loading')} />;
  if (state.error !== null) return <Status text={state.error} />;
  return (
    <StatsDocument
      ledger={state.data.ledger}
      breakdown={breakdown}
      exporter={{ name: state.data.name, at: localDateTime(Date.now()) }}
    />
  );
}

function BadRoute() {
  const state: Loaded<never> = { data: null, error: t('documents.print.badRoute') };
  usePrintMarker(state);
  return <Status text={state.error} />;
}

/** Keyed by the whole route, so the next document of a batch starts from a clean page. */
function PrintRoutes() {
  const location = useLocation();
  return (
    <Routes key={location.pathname + location.search}>
      <Route path="/print/order/:id" element={<OrderPage />} />
      <Route path="/print/child/:id" element={<SummaryPage />} />
      <Route path="/print/stats/ledger" element={<StatsLedgerPage />} />
      <Route path="/print/relief/:id" element={<ReliefPrintPage />} />
      <Route path="/print/suit/:id" element={<SuitPrintPage />} />
      <Route path="*" element={<BadRoute />} />
    </Routes>
  );
}

/**
 * Unlike the app window, a print window never locks the session when it starts: it belongs
 * to the signed-in caseworker who asked for the document. It still only shows data while
 * the core is unlocked, and the shell lets it call nothing but a few read methods.
 */
export function PrintRoot() {
  const [phase, setPhase] = useState<'checking' | 'unlocked' | 'locked'>('checking');
  const [checks, setChecks] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `checks` is the explicit re-check trigger.
  useEffect(() => {
    let live = true;
    // An answer about the session counts for the document asked for when it was sent: if the
    // window was sent to another document meanwhile (a sign-in may have come in between), ask again.
    const asked = window.location.hash;
    const settle = (next: 'unlocked' | 'locked') => {
      if (!live) return;
      if (window.location.hash !== asked) setChecks((n) => n + 1);
      else setPhase(next);
    };
    // The font marks are in place before the first document lays out (fontProbe.ts).
    Promise.all([api('session.status', {}), probePrintFonts()])
      .then(([s]) => settle(s.state === 'unlocked' ? 'unlocked' : 'locked'))
      .catch(() => settle('locked'));
    return () => {
      live = false;
    };
  }, [checks]);
  useEffect(() => {
    if (phase !== 'locked') return;
    setMarker('error', t('documents.print.locked'));
    // A window that found the session locked looks again when it is sent to another document.
    const recheck = () => {
      setPhase('checking');
      setChecks((n) => n + 1);
    };
    window.addEventListener('hashchange', recheck);
    return () => window.removeEventListener('hashchange', recheck);
  }, [phase]);
  if (phase === 'checking') return <Status text={t('documents.print.loading')} />;
  if (phase === 'locked') return <Status text={t('documents.print.locked')} />;
  return (
    <HashRouter>
      <PrintRoutes />
    </HashRouter>
  );
}
