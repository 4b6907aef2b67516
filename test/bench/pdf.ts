// The referral summary PDF (issue 7), timed the way the browser tests print it: the print
// route in Chromium, page.pdf, the file's SHA-256 and the audited export. One summary warm,
// then a batch of 100 children in a row, on the benchmark's own data folder.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SUMMARY_SECTIONS } from '../../db/documents/inputs';
import { summaryFileName, summaryRoute } from '../../renderer/src/print/routes';
import { browserAvailable, launchBrowser, openApp, RENDERER_DIR } from '../e2e/harness';
import { printRoute } from '../e2e/print-support';
import { type Row, summarize } from './stats';

export async function measurePdf(opts: {
  dataDir: string;
  username: string;
  passphrase: string;
  childIds: string[];
  log: (line: string) => void;
}): Promise<Row[]> {
  const available = browserAvailable();
  if (!available.ok) {
    opts.log(`  PDF timings skipped: ${available.reason}`);
    return [];
  }
  if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    opts.log('  PDF timings skipped: no built renderer (run `npm run build` first)');
    return [];
  }
  const browser = await launchBrowser();
  const app = await openApp(browser, { dataDir: opts.dataDir });
  const out = path.join(tmpdir(), 'sunward-bench-pdf');
  try {
    const signIn = await app.core.invoke('session.signIn', {
      username: opts.username,
      passphrase: opts.passphrase,
    });
    if (!signIn.ok) throw new Error(signIn.error.message);
    const print = (childId: string) =>
      printRoute(
        app,
        summaryRoute(childId, {
          sections: [...SUMMARY_SECTIONS],
          from: null,
          to: null,
          partner: '民政',
          fullIdReason: null,
          includeCharge: false,
        }),
        {
          fileName: summaryFileName('儿童'),
          dir: out,
          export: {
            kind: 'childSummary',
            entityId: childId,
            childId,
            sections: [...SUMMARY_SECTIONS],
            partner: '民政',
          },
        },
      );
    const [first, ...rest] = opts.childIds;
    await print(first);
    await print(first);
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await print(first);
      warm.push(performance.now() - t0);
    }
    const batch = rest.slice(0, 100);
    const t0 = performance.now();
    let pages = 0;
    for (const id of batch) pages += (await print(id)).pages;
    const batchMs = performance.now() - t0;
    opts.log(`  batch of ${batch.length} summaries: ${(batchMs / 1000).toFixed(1)} s, ${pages} pages`);
    return [
      { op: 'referral summary PDF (warm)', ...summarize(warm), target: 500 },
      { op: `batch of ${batch.length} summaries (total)`, ...summarize([batchMs]) },
    ];
  } finally {
    await app.close();
    await browser.close();
  }
}
