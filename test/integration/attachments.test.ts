import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../db/api/core';
import { countPdfPages } from '../../electron/print-contract';
import { makePdf, makePng } from '../fixtures/files';
import { CONSENTED_ASSESSMENT } from '../fixtures/records';
import { received, sentOn } from '../helpers/referrals';
import { makeDataDir } from '../helpers/tmp';
import {
  ADMIN,
  CASEWORKER,
  CHILD,
  COUNSELLOR,
  call,
  callFromShell,
  childOnOldSchema,
  ManualClock,
  MIGRATIONS_DIR,
  OTHER_CASEWORKER as OTHER,
  openCore,
  openOldStudio,
  openRaw,
  openStudio,
  refuse,
  refuseFromShell,
} from './support';

const PDF_MARKER = 'SWMARK-PDF-9b4e1c77-送达回证';
const PNG_MARKER = 'SWMARK-PNG-5d20aa13';
// The PDF's text is ASCII; the Chinese half of the marker sits in the file name, the title, nowhere in the bytes.
const pdfBytes = () => makePdf([PDF_MARKER.slice(0, 24), 'Delivery receipt (test scan)']);
const pngBytes = () => makePng(64, 48, PNG_MARKER);
const b64 = (b: Buffer) => b.toString('base64');

async function setup() {
  const { core, child, as } = await openStudio({
    clock: new ManualClock(Date.UTC(2026, 10, 27, 2)),
    accounts: [CASEWORKER, COUNSELLOR, OTHER],
    owner: CASEWORKER,
  });
  return { core, child, as };
}

/** Every file under `dir`, -wal and -shm and backups included. */
function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? allFiles(p) : [p];
  });
}

function filesContaining(dir: string, needles: string[]): string[] {
  const hits: string[] = [];
  for (const file of allFiles(dir)) {
    const bytes = readFileSync(file);
    for (const n of needles) {
      if (bytes.includes(Buffer.from(n, 'latin1')) || bytes.includes(Buffer.from(n, 'utf8')))
        hits.push(`${path.basename(file)}: ${n}`);
    }
  }
  return hits;
}

describe('attachments (附件)', () => {
  it('attaches several files at once, lists, opens, saves out (audited with the hash), removes, restores and purges', async () => {
    const { core, child, as } = await setup();
    await as(CASEWORKER);
    const pdf = pdfBytes();
    const png = pngBytes();
    const added = await call(core, 'attachments.add', {
      recordKind: 'child',
      recordId: child.id,
      files: [
        { fileName: '送达回证.pdf', kind: 'deliveryReceipt', base64: b64(pdf) },
        {
          fileName: 'IMG_0001.png',
          title: '家访照片',
          kind: 'photo',
          base64: b64(png),
          thumbnailBase64: b64(makePng(8, 6, 'thumb')),
        },
      ],
    });
    expect(added.map((a) => [a.title, a.fileType, a.bytes, a.hasThumbnail])).toEqual([
      ['送达回证', 'pdf', pdf.length, false],
      ['家访照片', 'png', png.length, true],
    ]);
    const list = await call(core, 'attachments.forChild', { childId: child.id });
    expect(list.map((a) => a.title).sort()).toEqual(['送达回证', '家访照片'].sort());
    expect(list.every((a) => a.createdByName === CASEWORKER.displayName)).toBe(true);

    const [pdfRow, pngRow] = added as [(typeof added)[0], (typeof added)[0]];
    const opened = await call(core, 'attachments.open', { id: pdfRow.id });
    expect(Buffer.from(opened.base64, 'base64').equals(pdf)).toBe(true);
    expect(opened.mime).toBe('application/pdf');
    const thumb = await call(core, 'attachments.thumbnail', { id: pngRow.id });
    expect(thumb?.mime).toBe('image/png');

    const saved = await call(core, 'attachments.export', { id: pngRow.id });
    expect(saved.fileName).toBe('家访照片.png');
    expect(Buffer.from(saved.base64, 'base64').equals(png)).toBe(true);
    expect(pngRow.sha256).toMatch(/^[0-9a-f]{64}$/);

    // 移入回收站: gone from the file, in the bin, back again.
    await call(core, 'attachments.remove', { id: pdfRow.id, version: pdfRow.version });
    expect((await call(core, 'attachments.forChild', { childId: child.id })).map((a) => a.id)).toEqual([
      pngRow.id,
    ]);
    expect((await refuse(core, 'attachments.open', { id: pdfRow.id })).code).toBe('NOT_FOUND');
    expect((await call(core, 'attachments.binList', {})).map((a) => a.id)).toEqual([pdfRow.id]);
    await call(core, 'attachments.restore', { id: pdfRow.id });
    expect((await call(core, 'attachments.forChild', { childId: child.id })).length).toBe(2);

    // 彻底删除: only an administrator, only from the bin; the audit row keeps the hash.
    const again = (await call(core, 'attachments.forChild', { childId: child.id })).find(
      (a) => a.id === pdfRow.id,
    )!;
    await call(core, 'attachments.remove', { id: again.id, version: again.version });
    expect((await refuse(core, 'attachments.purge', { id: pdfRow.id })).code).toBe('FORBIDDEN');
    await as(ADMIN);
    const exportsAudit = await call(core, 'audit.list', { action: 'attachments.export' });
    expect(exportsAudit.rows[0]?.detail).toMatchObject({ sha256: pngRow.sha256, fileName: '家访照片.png' });
    expect((await refuse(core, 'attachments.purge', { id: pngRow.id })).code).toBe('NOT_FOUND');
    await call(core, 'attachments.purge', { id: pdfRow.id });
    expect(await call(core, 'attachments.binList', {})).toEqual([]);
    const purged = await call(core, 'audit.list', { action: 'attachments.purge' });
    expect(purged.rows[0]?.detail).toMatchObject({ sha256: pdfRow.sha256 });
    core.close();
    const raw = await openRaw(core.dataDir);
    expect(
      raw.prepare('SELECT count(*) FROM attachment_chunks WHERE attachment_id = ?').pluck().get(pdfRow.id),
    ).toBe(0);
    raw.close();
  });

  it('attaches the 送达回证 to an order and stores a Word file that can only be saved out', async () => {
    const { core, child } = await setup();
    const [mother] = await call(core, 'relations.add', {
      childId: child.id,
      relation: 'mother',
      isGuardian: true,
      person: { name: '刘翠兰', gender: 'female', address: '济阳街道城关村' },
    });
    const order = await call(core, 'orders.createDraft', {
      childId: child.id,
      guardians: [{ personId: mother.person.id, relation: 'mother' }],
      facts: '经查，刘翠兰长期外出务工，将张小明交由年迈亲属照看，疏于管教。',
      problems: ['16-1'],
      requirements: [{ text: '每周至少与张小明联系两次', dueDate: '2026-12-30' }],
    });
    const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]);
    await call(core, 'attachments.add', {
      recordKind: 'order',
      recordId: order.id,
      files: [
        {
          fileName: 'receipt.pdf',
          title: '送达回证（签收）',
          kind: 'deliveryReceipt',
          base64: b64(pdfBytes()),
        },
        { fileName: '整改报告.docx', kind: 'other', base64: b64(docx) },
      ],
    });
    const rows = await call(core, 'attachments.forRecord', { recordKind: 'order', recordId: order.id });
    expect(rows.map((r) => [r.title, r.kind, r.viewable, r.childId]).sort()).toEqual(
      [
        ['送达回证（签收）', 'deliveryReceipt', true, child.id],
        ['整改报告', 'other', false, child.id],
      ].sort(),
    );
    // The referral summary's 附件目录: titles, kinds and types, never the contents.
    const summary = await call(core, 'documents.childSummary', {
      childId: child.id,
      sections: ['basic', 'attachments'],
      partner: '民政局',
    });
    expect(summary.sections).toEqual(['basic', 'attachments']);
    expect(summary.attachments?.map((a) => [a.title, a.kind, a.fileType]).sort()).toEqual(
      [
        ['送达回证（签收）', 'deliveryReceipt', 'pdf'],
        ['整改报告', 'other', 'docx'],
      ].sort(),
    );
    expect(JSON.stringify(summary)).not.toContain('base64');
    const word = rows.find((r) => r.fileType === 'docx')!;
    expect(await refuse(core, 'attachments.open', { id: word.id })).toMatchObject({
      code: 'VALIDATION',
      message: 'Word 文件不在本软件中显示，请“另存为”后用 Word 打开。',
    });
    expect((await call(core, 'attachments.export', { id: word.id })).fileName).toBe('整改报告.docx');
    expect(
      (
        await refuse(core, 'attachments.add', {
          recordKind: 'order',
          recordId: 'no-such-order',
          files: [{ fileName: 'a.pdf', kind: 'other', base64: b64(pdfBytes()) }],
        })
      ).message,
    ).toBe('要附加到的记录不存在或已删除');
    core.close();
  });

  it('refuses files over the size setting, HEIC photos and other types with a clear message, and stores none of a refused drop', async () => {
    const { core, child } = await setup();
    await call(core, 'settings.update', { attachmentMaxMb: 1 });
    const big = makePdf(['big scan'], 1_300_000);
    const tooBig = await refuse(core, 'attachments.add', {
      recordKind: 'child',
      recordId: child.id,
      files: [
        { fileName: 'ok.png', kind: 'photo', base64: b64(pngBytes()) },
        { fileName: '判决书扫描.pdf', kind: 'judgment', base64: b64(big) },
      ],
    });
    expect(tooBig.code).toBe('VALIDATION');
    expect(tooBig.fields?.['files.1']).toBe('“判决书扫描.pdf”有 1.2 MB，超过每个文件 1 MB 的上限');
    expect(await call(core, 'attachments.forChild', { childId: child.id })).toEqual([]);

    const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(64)]);
    const heicError = await refuse(core, 'attachments.add', {
      recordKind: 'child',
      recordId: child.id,
      files: [{ fileName: 'IMG_2001.HEIC', kind: 'photo', base64: b64(heic) }],
    });
    expect(heicError.fields?.['files.0']).toContain('HEIC 格式');
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]);
    const exeError = await refuse(core, 'attachments.add', {
      recordKind: 'child',
      recordId: child.id,
      // A renamed program is not a PDF because of its name.
      files: [{ fileName: '回证.pdf', kind: 'other', base64: b64(exe) }],
    });
    expect(exeError.fields?.['files.0']).toBe(
      '“回证.pdf”不是允许的文件类型。只能上传 PDF、JPEG、PNG 或 Word 文件',
    );
    expect((await refuse(core, 'settings.update', { attachmentMaxMb: 0 })).fields?.attachmentMaxMb).toBe(
      '附件大小上限应为 1 到 100 之间的整数（MB）',
    );
    expect(await call(core, 'attachments.forChild', { childId: child.id })).toEqual([]);
    core.close();
  });

  it('leaves no plaintext of an attached PDF or PNG in any file of the data folder, -wal, -shm and backups included', async () => {
    const { core, child } = await setup();
    // The markers are really in the files, in plain bytes: the search would find them.
    expect(pdfBytes().includes(Buffer.from(PDF_MARKER.slice(0, 24)))).toBe(true);
    expect(pngBytes().includes(Buffer.from(PNG_MARKER))).toBe(true);
    const needles = [PDF_MARKER.slice(0, 24), PNG_MARKER];
    const probe = path.join(makeDataDir('probe'), 'plain.bin');
    writeFileSync(probe, Buffer.concat([pdfBytes(), pngBytes()]));
    expect(filesContaining(path.dirname(probe), needles)).toHaveLength(2);

    await call(core, 'attachments.add', {
      recordKind: 'child',
      recordId: child.id,
      files: [
        { fileName: 'scan.pdf', kind: 'deliveryReceipt', base64: b64(pdfBytes()) },
        {
          fileName: 'photo.png',
          kind: 'photo',
          base64: b64(pngBytes()),
          thumbnailBase64: b64(makePng(8, 8, PNG_MARKER)),
        },
      ],
    });
    // While open: the WAL holds the new pages.
    const names = readdirSync(core.dataDir);
    expect(names).toContain('sunward.db-wal');
    expect(filesContaining(core.dataDir, needles)).toEqual([]);
    const [first] = await call(core, 'attachments.forChild', { childId: child.id });
    await call(core, 'attachments.open', { id: first!.id });
    expect(filesContaining(core.dataDir, needles)).toEqual([]);
    const backup = await call(core, 'backup.run', {});
    expect(backup.ok).toBe(true);
    expect(allFiles(core.dataDir).some((f) => f.endsWith('.swbak'))).toBe(true);
    expect(filesContaining(core.dataDir, needles)).toEqual([]);
    core.close();
    expect(filesContaining(core.dataDir, needles)).toEqual([]);
  });

  it('keeps counselling attachments to counselling staff and administrators, sealed beyond the database key', async () => {
    const { core, child, as } = await setup();
    await as(COUNSELLOR);
    const assessment = await call(core, 'counselling.addAssessment', {
      childId: child.id,
      ...CONSENTED_ASSESSMENT,
    });
    const [consent] = await call(core, 'attachments.add', {
      recordKind: 'assessment',
      recordId: assessment.id,
      files: [{ fileName: '心理测评知情同意书.pdf', kind: 'consent', base64: b64(pdfBytes()) }],
    });
    expect(consent?.restricted).toBe(true);

    // The child's own caseworker, without the counselling role, is a colleague who may not read it.
    await as(CASEWORKER);
    expect(await call(core, 'attachments.forChild', { childId: child.id })).toEqual([]);
    expect(
      await call(core, 'attachments.forRecord', { recordKind: 'assessment', recordId: assessment.id }),
    ).toEqual([]);
    // Nor does the 附件 button of the assessment's row say that a consent is there.
    expect(
      await call(core, 'attachments.counts', { recordKind: 'assessment', recordIds: [assessment.id] }),
    ).toEqual({});
    expect((await refuse(core, 'attachments.open', { id: consent!.id })).code).toBe('FORBIDDEN');
    expect((await refuse(core, 'attachments.export', { id: consent!.id })).code).toBe('FORBIDDEN');
    expect(await call(core, 'attachments.thumbnail', { id: consent!.id })).toBeNull();
    // A colleague who is not the child's owner may not add to the counselling record either.
    await as(OTHER);
    expect(
      (
        await refuse(core, 'attachments.add', {
          recordKind: 'assessment',
          recordId: assessment.id,
          files: [{ fileName: 'x.pdf', kind: 'consent', base64: b64(pdfBytes()) }],
        })
      ).code,
    ).toBe('FORBIDDEN');
    expect((await refuse(core, 'attachments.remove', { id: consent!.id, version: 1 })).code).toBe(
      'FORBIDDEN',
    );

    await as(ADMIN);
    const denied = await call(core, 'audit.list', { action: 'access.denied' });
    expect(denied.rows.map((r) => r.detail?.method)).toEqual(
      expect.arrayContaining(['attachments.open', 'attachments.export', 'attachments.add']),
    );
    await as(COUNSELLOR);
    expect(
      await call(core, 'attachments.counts', { recordKind: 'assessment', recordIds: [assessment.id] }),
    ).toEqual({ [assessment.id]: 1 });
    const opened = await call(core, 'attachments.open', { id: consent!.id });
    expect(Buffer.from(opened.base64, 'base64').equals(pdfBytes())).toBe(true);
    core.close();

    // Someone with the database key alone (any account's slot) finds only ciphertext in the chunks.
    const raw = await openRaw(core.dataDir);
    const chunks = raw
      .prepare('SELECT data FROM attachment_chunks WHERE attachment_id = ?')
      .pluck()
      .all(consent!.id) as Buffer[];
    raw.close();
    expect(chunks.length).toBeGreaterThan(0);
    expect(Buffer.concat(chunks).includes(Buffer.from(PDF_MARKER.slice(0, 24)))).toBe(false);
    expect(Buffer.concat(chunks).includes(Buffer.from('%PDF-'))).toBe(false);
  });

  it("counts each row's attachments for its 附件 button: a school's written reply kept with the referral's action", async () => {
    const { core, child, as } = await setup();
    await as(CASEWORKER);
    let referral = await call(core, 'referrals.create', received(child.id, '2026-11-20'));
    referral = await call(core, 'referrals.addAction', sentOn(referral, '教体', 'letter', '2026-11-20'));
    referral = await call(core, 'referrals.addAction', sentOn(referral, '民政', 'letter', '2026-11-20'));
    const [school, civil] = referral.actions.map((a) => a.id);
    const added = await call(core, 'attachments.add', {
      recordKind: 'referralAction',
      recordId: school!,
      files: [
        { fileName: '学校书面回复.pdf', kind: 'other', base64: b64(pdfBytes()) },
        { fileName: '回复附页.png', kind: 'other', base64: b64(pngBytes()) },
      ],
    });
    const ids = [school!, civil!];
    expect(await call(core, 'attachments.counts', { recordKind: 'referralAction', recordIds: ids })).toEqual({
      [school!]: 2,
    });
    // The reply is also in the child's file (the referral names one child).
    expect(
      (await call(core, 'attachments.forChild', { childId: child.id })).map((a) => a.title).sort(),
    ).toEqual(['回复附页', '学校书面回复']);
    await call(core, 'attachments.remove', { id: added[1]!.id, version: added[1]!.version });
    expect(await call(core, 'attachments.counts', { recordKind: 'referralAction', recordIds: ids })).toEqual({
      [school!]: 1,
    });
    // Counted per kind: the same id under another kind is another record.
    expect(await call(core, 'attachments.counts', { recordKind: 'referral', recordIds: ids })).toEqual({});
  });

  it('appends the attached PDFs and images after a referral summary, in memory, and the export row has the merged file’s hash', async () => {
    const { core, child, as } = await setup();
    await as(COUNSELLOR);
    const assessment = await call(core, 'counselling.addAssessment', {
      childId: child.id,
      ...CONSENTED_ASSESSMENT,
    });
    await call(core, 'attachments.add', {
      recordKind: 'assessment',
      recordId: assessment.id,
      files: [{ fileName: 'consent.pdf', kind: 'consent', base64: b64(makePdf(['COUNSELLING CONSENT'])) }],
    });
    await as(CASEWORKER);
    const [scan, photo, word] = await call(core, 'attachments.add', {
      recordKind: 'child',
      recordId: child.id,
      files: [
        { fileName: '判决书.pdf', kind: 'judgment', base64: b64(makePdf(['JUDGMENT SCAN PAGE'])) },
        { fileName: '家访照片.png', kind: 'photo', base64: b64(makePng(320, 200, 'photo')) },
        {
          fileName: '情况说明.docx',
          kind: 'other',
          base64: b64(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64)])),
        },
      ],
    });

    // The summary as the print window asks for it; the list says which files follow its pages.
    const doc = await call(core, 'documents.childSummary', {
      childId: child.id,
      sections: ['basic', 'attachments'],
      partner: '教体局',
      appendFiles: true,
    });
    expect(doc.attachments?.map((a) => [a.title, a.appended])).toEqual([
      ['判决书', true],
      ['家访照片', true],
      ['情况说明', false],
    ]);

    // What Chromium printed: two pages of summary.
    const printed = await PDFDocument.create();
    const font = await printed.embedFont(StandardFonts.Helvetica);
    for (const n of [1, 2])
      printed.addPage().drawText(`SUMMARY PAGE ${n}`, { x: 72, y: 760, size: 18, font });
    const summaryPdf = await printed.save();

    // Only the shell reaches the merge.
    const fromPage = await refuse(core, 'documents.appendAttachments', {
      childId: child.id,
      pdf: summaryPdf,
    });
    expect(fromPage.code).toBe('FORBIDDEN');
    const merged = await callFromShell(core, 'documents.appendAttachments', {
      childId: child.id,
      pdf: summaryPdf,
    });
    expect(merged.appended).toBe(2);
    const out = await PDFDocument.load(merged.pdf);
    // The summary's 2 pages, the scan's 1, the photo on a page of its own (landscape, as it is).
    expect(out.getPageCount()).toBe(4);
    expect(countPdfPages(merged.pdf)).toBe(4);
    const size = out.getPage(3).getSize();
    expect(size.width).toBeGreaterThan(size.height);
    const dir = makeDataDir();
    const file = path.join(dir, 'summary.pdf');
    writeFileSync(file, merged.pdf);
    expect(execFileSync('pdfinfo', [file]).toString()).toMatch(/Pages:\s+4/);
    const pageText = (n: number) =>
      execFileSync('pdftotext', ['-f', String(n), '-l', String(n), file, '-'])
        .toString()
        .trim();
    expect([1, 2, 3].map(pageText)).toEqual(['SUMMARY PAGE 1', 'SUMMARY PAGE 2', 'JUDGMENT SCAN PAGE']);
    // Never a counselling consent, which the summary does not list either.
    expect(execFileSync('pdftotext', [file, '-']).toString()).not.toContain('COUNSELLING');

    // The shell records the file it wrote: the merged bytes' hash, and which files were appended.
    const sha256 = createHash('sha256').update(merged.pdf).digest('hex');
    await callFromShell(core, 'documents.recordExport', {
      kind: 'childSummary',
      entityId: child.id,
      childId: child.id,
      sha256,
      fileName: '转介摘要_张某_20261127.pdf',
      pages: 4,
    });
    await as(ADMIN);
    const [row] = (await call(core, 'audit.list', { action: 'documents.export' })).rows;
    expect(row?.detail).toMatchObject({ sha256, pages: 4, appended: [scan!.id, photo!.id] });
    expect(row?.detail?.appended).not.toContain(word!.id);

    // Without 附上附件原件 the printed summary goes out exactly as printed.
    await as(CASEWORKER);
    await call(core, 'documents.childSummary', {
      childId: child.id,
      sections: ['basic', 'attachments'],
      partner: '教体局',
    });
    const plain = await callFromShell(core, 'documents.appendAttachments', {
      childId: child.id,
      pdf: summaryPdf,
    });
    expect(plain.appended).toBe(0);
    expect(Buffer.from(plain.pdf).equals(Buffer.from(summaryPdf))).toBe(true);

    // A PDF that cannot be read (encrypted, damaged): a clear message, and no file to write.
    await call(core, 'attachments.add', {
      recordKind: 'child',
      recordId: child.id,
      files: [
        {
          fileName: '损坏.pdf',
          title: '损坏的扫描件',
          kind: 'other',
          base64: b64(Buffer.from('%PDF-1.4\nbroken\n')),
        },
      ],
    });
    await call(core, 'documents.childSummary', {
      childId: child.id,
      sections: ['attachments'],
      partner: '教体局',
      appendFiles: true,
    });
    const broken = await refuseFromShell(core, 'documents.appendAttachments', {
      childId: child.id,
      pdf: summaryPdf,
    });
    expect(broken).toMatchObject({ code: 'VALIDATION' });
    expect(broken.message).toContain('附件“损坏的扫描件”无法附在摘要之后');
  });

  it('carries attachments through a backup and a restore, counted in the manifest', async () => {
    const { core, child } = await setup();
    const png = pngBytes();
    const [photo] = await call(core, 'attachments.add', {
      recordKind: 'child',
      recordId: child.id,
      files: [{ fileName: 'visit.png', kind: 'photo', base64: b64(png) }],
    });
    const outcome = await call(core, 'backup.run', {});
    expect(outcome.manifest?.counts.attachments).toBe(1);
    expect(outcome.manifest?.counts.attachment_chunks).toBe(1);
    const [backup] = await call(core, 'backup.list', {});
    core.close();
    for (const f of readdirSync(core.dataDir)) {
      if (f.startsWith('sunward.db') || f === 'keyslots.json') rmSync(path.join(core.dataDir, f));
    }
    const fresh = openCore(core.dataDir);
    await call(fresh, 'backup.restore', {
      file: backup!.path,
      username: ADMIN.username,
      passphrase: ADMIN.passphrase,
    });
    const [back] = await call(fresh, 'attachments.forChild', { childId: child.id });
    expect(back).toMatchObject({ id: photo!.id, sha256: photo!.sha256, title: 'visit' });
    const opened = await call(fresh, 'attachments.open', { id: photo!.id });
    expect(Buffer.from(opened.base64, 'base64').equals(png)).toBe(true);
    fresh.close();
  });

  it('migration 0013 adds the attachment tables to a database holding data', async () => {
    const dataDir = makeDataDir('attachments-migration');
    const oldMigrations = path.join(makeDataDir('migrations-0012'), 'migrations');
    cpSync(MIGRATIONS_DIR, oldMigrations, { recursive: true });
    const journalFile = path.join(oldMigrations, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
    journal.entries = journal.entries.filter((e: { tag: string }) => e.tag < '0013');
    writeFileSync(journalFile, JSON.stringify(journal));
    const old = await openOldStudio(dataDir, oldMigrations);
    const child = await childOnOldSchema(dataDir, CHILD);
    old.close();

    const next: Core = openCore(dataDir);
    await call(next, 'session.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(JSON.stringify(await call(next, 'children.get', { id: child.id }))).toContain(CHILD.name);
    await call(next, 'attachments.add', {
      recordKind: 'child',
      recordId: child.id,
      files: [{ fileName: 'a.png', kind: 'photo', base64: b64(pngBytes()) }],
    });
    expect(await call(next, 'attachments.forChild', { childId: child.id })).toHaveLength(1);
    expect((await call(next, 'audit.verify', {})).ok).toBe(true);
    next.close();
    const raw = await openRaw(dataDir);
    const plan = raw
      .prepare('EXPLAIN QUERY PLAN SELECT * FROM attachments WHERE child_id = ? AND deleted_at IS NULL')
      .all('x') as { detail: string }[];
    raw.close();
    expect(plan.map((p) => p.detail).join(' ')).toContain('attachments_child');
  });
});
