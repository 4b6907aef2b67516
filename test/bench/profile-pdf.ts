// npx tsx test/bench/profile-pdf.ts [--data .data/bench-1000/data] [--count 20] [--keep DIR]
// Where a referral summary's time goes, print by print: the hash change until the page says it
// is ready (and, inside it, the documents.childSummary call), page.pdf, the appendix merge, the
// write/read/hash and the export record; and the CPU Chromium's processes spent meanwhile.
// Run `npx tsx test/bench/bench.ts --children 1000 --only pdf` once first for the data folder.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ApiResult } from '../../db/api/errors';
import { SUMMARY_SECTIONS } from '../../db/documents/inputs';
import { countPdfPages } from '../../electron/print-contract';
import { launchBrowser, openApp } from '../e2e/harness';
import { openPrintRoute, PDF_OPTIONS } from '../e2e/print-support';
import { ADMIN_USERNAME, DEFAULT_PASSPHRASE } from '../fixtures/seeder';
import { benchSummaryRoute } from './pdf';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '.data/bench-1000/data' },
    count: { type: 'string', default: '20' },
    /** Writes each PDF here as <n>.pdf (to compare renderings before and after a change). */
    keep: { type: 'string' },
  },
});

/** User+system time of every Chromium process under this one (Linux /proc, 100 ticks/s), in ms. */
function chromiumCpuMs(): number {
  const hz = 100;
  let ticks = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const name = stat.slice(stat.indexOf('(') + 1, close);
      if (!name.startsWith('chrom')) continue;
      // Only the Chromium this script launched, not another engineer's.
      if (!isDescendant(Number(pid))) continue;
      const f = stat.slice(close + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // gone meanwhile
    }
  }
  return (ticks * 1000) / hz;
}
function isDescendant(pid: number): boolean {
  for (let p = pid, i = 0; p > 1 && i < 20; i++) {
    if (p === process.pid) return true;
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      p = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      return false;
    }
  }
  return false;
}

async function main() {
  const browser = await launchBrowser();
  const app = await openApp(browser, { dataDir: path.resolve(values.data) });
  const signIn = await app.core.invoke('session.signIn', {
    username: ADMIN_USERNAME,
    passphrase: process.env.SUNWARD_SEED_PASSPHRASE || DEFAULT_PASSPHRASE,
  });
  if (!signIn.ok) throw new Error(signIn.error.message);
  const list = (await app.core.invoke('children.list', { limit: 50 })) as ApiResult<{
    rows: { id: string }[];
  }>;
  if (!list.ok) throw new Error(JSON.stringify(list.error));
  const ids = list.value.rows.map((r) => r.id);

  let apiMs = 0;
  const invoke = app.core.invoke.bind(app.core);
  app.core.invoke = (async (method: string, input: unknown) => {
    const t0 = performance.now();
    try {
      return await invoke(method as never, input as never);
    } finally {
      if (method === 'documents.childSummary') apiMs += performance.now() - t0;
    }
  }) as typeof app.core.invoke;

  const out = path.join(tmpdir(), 'sunward-profile-pdf');
  mkdirSync(out, { recursive: true });
  if (values.keep) mkdirSync(values.keep, { recursive: true });
  const count = Number(values.count);
  const phases: Record<string, number[]> = {
    ready: [],
    api: [],
    pdf: [],
    append: [],
    save: [],
    record: [],
    total: [],
    chromeCpu: [],
    nodeCpu: [],
  };
  for (let n = -2; n < count; n++) {
    const childId = ids[(n + 2) % ids.length];
    const route = benchSummaryRoute(childId);
    const cpu0 = chromiumCpuMs();
    const node0 = process.cpuUsage();
    apiMs = 0;
    const t0 = performance.now();
    await openPrintRoute(app.page, route);
    const t1 = performance.now();
    let pdf: Uint8Array = await app.page.pdf(PDF_OPTIONS);
    const t2 = performance.now();
    const merged = (await app.core.invokeFromShell('documents.appendAttachments', {
      childId,
      pdf,
    })) as ApiResult<{ pdf: Uint8Array }>;
    if (!merged.ok) throw new Error(JSON.stringify(merged.error));
    pdf = merged.value.pdf;
    const t3 = performance.now();
    const file = path.join(out, 'p.pdf');
    writeFileSync(file, pdf);
    const bytes = readFileSync(file);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const pages = countPdfPages(bytes);
    const t4 = performance.now();
    const res = await app.core.invokeFromShell('documents.recordExport', {
      kind: 'childSummary',
      entityId: childId,
      childId,
      sections: [...SUMMARY_SECTIONS],
      partner: '民政',
      sha256,
      fileName: 'p.pdf',
      pages,
    });
    if (!res.ok) throw new Error(JSON.stringify(res.error));
    const t5 = performance.now();
    const node = process.cpuUsage(node0);
    if (n < 0) continue;
    if (values.keep) writeFileSync(path.join(values.keep, `${n}.pdf`), bytes);
    phases.ready.push(t1 - t0);
    phases.api.push(apiMs);
    phases.pdf.push(t2 - t1);
    phases.append.push(t3 - t2);
    phases.save.push(t4 - t3);
    phases.record.push(t5 - t4);
    phases.total.push(t5 - t0);
    phases.chromeCpu.push(chromiumCpuMs() - cpu0);
    phases.nodeCpu.push((node.user + node.system) / 1000);
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(`${count} summaries, ms per print (median / mean):`);
  for (const [k, xs] of Object.entries(phases))
    console.log(`  ${k.padEnd(10)} ${med(xs).toFixed(1).padStart(8)} ${mean(xs).toFixed(1).padStart(8)}`);
  console.log(`load: ${execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).trim()}`);
  await app.close();
  await browser.close();
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
