// The referral summary PDF (issue 7), timed the way the browser tests print it: the print
// route in Chromium, page.pdf, the file's SHA-256 and the audited export. One summary warm,
// then a batch of 100 children in a row, on the benchmark's own data folder.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SUMMARY_SECTIONS } from '../../db/documents/inputs';
import { BATCH_WINDOWS } from '../../electron/print-contract';
import { summaryFileName, summaryRoute } from '../../renderer/src/print/routes';
import { browserAvailable, launchBrowser, openApp, RENDERER_DIR } from '../e2e/harness';
import { printRoute } from '../e2e/print-support';
import { type Row, summarize } from './stats';

/** The summary the bench prints: every section, for 民政, masked IDs, no charge. */
export function benchSummaryRoute(childId: string): string {
  return summaryRoute(childId, {
    sections: [...SUMMARY_SECTIONS],
    from: null,
    to: null,
    partner: '民政',
    fullIdReason: null,
    includeCharge: false,
  });
}

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
    const print = (childId: string, page = app.page, dir = out) =>
      printRoute(app, benchSummaryRoute(childId), {
        fileName: summaryFileName('儿童'),
        dir,
        page,
        export: {
          kind: 'childSummary',
          entityId: childId,
          childId,
          sections: [...SUMMARY_SECTIONS],
          partner: '民政',
        },
      });
    const [first, ...rest] = opts.childIds;
    await print(first);
    await print(first);
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await print(first);
      warm.push(performance.now() - t0);
    }
    // As the shell prints a batch (electron/print.ts, BATCH_WINDOWS): two print pages at once,
    // each taking the next child; the second page loads when the batch starts, as its window does.
    const batch = rest.slice(0, 100);
    const t0 = performance.now();
    let pages = 0;
    let next = 0;
    const others = await Promise.all(Array.from({ length: BATCH_WINDOWS - 1 }, () => app.context.newPage()));
    // Each page writes its files to its own folder: the same name must not be hashed mid-write.
    const worker = async (page: typeof app.page, w: number) => {
      for (let i = next++; i < batch.length; i = next++) {
        // Awaited first: `pages += await …` would read `pages` before the other page added to it.
        const printed = await print(batch[i], page, path.join(out, String(w)));
        pages += printed.pages;
      }
    };
    await Promise.all([app.page, ...others].map(worker));
    const batchMs = performance.now() - t0;
    await Promise.all(others.map((p) => p.close()));
    opts.log(`  batch of ${batch.length} summaries: ${(batchMs / 1000).toFixed(1)} s, ${pages} pages`);
    return [
      { op: 'referral summary PDF (warm)', ...summarize(warm), target: 300 },
      { op: `batch of ${batch.length} summaries (total)`, ...summarize([batchMs]), target: 20_000 },
    ];
  } finally {
    await app.close();
    await browser.close();
  }
}
