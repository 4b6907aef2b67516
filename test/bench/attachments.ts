// 附件 (issue 20): attaching a 10 MB scan (≤ 1 s), a child's file with 50 attachments (the list
// is what opens with the file; thumbnails come one by one as they scroll into view), and a
// verified backup carrying `megabytes` of attachments, with its MB/s so the 2 GB case can be
// extrapolated. Everything added here is purged again at the end and the file compacted
// (`compact`), so a cached data folder stays what the other rows measured: a backup copies the
// file's pages as they are, free ones included.
import type { Core } from '../../db/api/core';
import { makePdf, makePng } from '../fixtures/files';
import { BACKUP_TARGET_MB_PER_S, type BackupFigures, measureBackup } from './backup';
import { type Row, summarize } from './stats';

const MB = 1024 * 1024;

export async function measureAttachments(opts: {
  core: Core;
  childIds: readonly string[];
  readInputs: readonly unknown[];
  megabytes: number;
  log: (line: string) => void;
  /** Gives the purged attachments' pages back (VACUUM on the bench's own connection). */
  compact: () => void;
}): Promise<Row[]> {
  const { core, childIds, log } = opts;
  const invoke = async <T>(name: string, input: unknown): Promise<T> => {
    const r = await core.invoke(name, input);
    if (!r.ok) throw new Error(`${name} failed: ${JSON.stringify(r.error)}`);
    return r.value as T;
  };
  await invoke('settings.update', { attachmentMaxMb: 20 });
  const scan = makePdf(['bench scan'], 10 * MB - 400).toString('base64');
  const added: { id: string; version: number }[] = [];
  const add = async (childId: string, files: unknown[]) => {
    const rows = await invoke<{ id: string; version: number }[]>('attachments.add', {
      recordKind: 'child',
      recordId: childId,
      files,
    });
    added.push(...rows);
  };

  const scans = Math.max(5, Math.round(opts.megabytes / 10));
  const attachTimes: number[] = [];
  for (let i = 0; i < scans; i++) {
    const t0 = performance.now();
    await add(childIds[(i + 1) % childIds.length]!, [
      { fileName: `scan-${i}.pdf`, kind: 'deliveryReceipt', base64: scan },
    ]);
    attachTimes.push(performance.now() - t0);
  }

  // One child with 50: photos with thumbnails and small PDFs, as a long case gathers them.
  const child = childIds[0]!;
  const photo = makePng(800, 600, 'bench photo').toString('base64');
  const thumb = makePng(240, 180, 'bench thumb').toString('base64');
  const small = makePdf(['letter'], 200_000).toString('base64');
  for (let i = 0; i < 5; i++) {
    await add(
      child,
      Array.from({ length: 10 }, (_, k) =>
        k % 2
          ? { fileName: `photo-${i}-${k}.png`, kind: 'photo', base64: photo, thumbnailBase64: thumb }
          : { fileName: `letter-${i}-${k}.pdf`, kind: 'other', base64: small },
      ),
    );
  }
  const listTimes: number[] = [];
  const thumbTimes: number[] = [];
  let listed: { id: string; hasThumbnail: boolean }[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    listed = await invoke('attachments.forChild', { childId: child });
    listTimes.push(performance.now() - t0);
  }
  const withThumb = listed.filter((a) => a.hasThumbnail);
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    await invoke('attachments.thumbnail', { id: withThumb[i % withThumb.length]!.id });
    thumbTimes.push(performance.now() - t0);
  }
  const openTimes: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    await invoke('attachments.open', { id: added[i % scans]!.id });
    openTimes.push(performance.now() - t0);
  }

  const storedMb = (scans * 10 * MB + 25 * (photo.length + small.length) * 0.75) / MB;
  log(`  attachments: ${added.length} files, ${storedMb.toFixed(0)} MB stored`);
  const figures: Partial<BackupFigures> = {};
  const backupRows = await measureBackup({ core, readInputs: opts.readInputs, log, figures });
  const { seconds = 0, megabytes = 0, mbPerSecond = 0 } = figures;
  // The 2 GB case at this run's pace: the database as it is plus 2 GB of attachments.
  const at2gb = (megabytes - storedMb + 2048) / mbPerSecond;
  const target2gb = (megabytes - storedMb + 2048) / BACKUP_TARGET_MB_PER_S;
  log(
    `  backup with ${storedMb.toFixed(0)} MB of attachments: ${seconds.toFixed(2)} s for ${megabytes.toFixed(0)} MB = ${mbPerSecond.toFixed(0)} MB/s → with 2 GB of attachments ≈ ${at2gb.toFixed(1)} s (target scaled by size ${target2gb.toFixed(1)} s)`,
  );

  for (const a of [...added].reverse()) {
    await invoke('attachments.remove', { id: a.id, version: a.version });
    await invoke('attachments.purge', { id: a.id });
  }
  const t0 = performance.now();
  opts.compact();
  log(`  compacted the bench database again in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const label = `with ${storedMb.toFixed(0)} MB attachments`;
  return [
    { op: 'attach a 10 MB scan (attachments.add)', ...summarize(attachTimes), target: 1000 },
    { op: 'open a 10 MB scan (attachments.open)', ...summarize(openTimes) },
    { op: "child's 50 attachments, list (forChild)", ...summarize(listTimes), target: 10 },
    { op: 'one thumbnail (lazy, per row shown)', ...summarize(thumbTimes) },
    ...backupRows.map((r) => ({
      ...r,
      op: `${r.op.replace(', whole db (copy, write, check)', '')} ${label}`,
    })),
  ];
}
