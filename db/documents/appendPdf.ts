// 附件原件附后 (issue 20): the attached PDFs and images appended to a referral summary's PDF,
// in memory. The summary comes from Chromium's printToPDF, the files from the encrypted
// database; the merged bytes go back to the shell, which writes them where the summary would
// have gone and records their hash. No page of either is ever written anywhere else.
import { PDFDocument } from 'pdf-lib';
import type { FileType } from '../attachments/codes';

export interface AppendixFile {
  title: string;
  fileType: FileType;
  bytes: Uint8Array;
}

/** A file pdf-lib could not take in (an encrypted or damaged PDF, a broken image). */
export class UnappendableFile extends Error {
  constructor(
    readonly title: string,
    cause: unknown,
  ) {
    super(`cannot append ${title}`, { cause });
  }
}

// A4 in PostScript points, and the margin a scan gets when printed from the merged file.
const A4: [number, number] = [595.28, 841.89];
const MARGIN = 28;

/**
 * The summary followed by each file in order: a PDF's pages as they are, an image scaled to fit
 * an A4 page turned the way the image is. Written without object streams so the page objects
 * stay countable in the bytes (countPdfPages, the export row's page count).
 */
export async function appendToPdf(
  summary: Uint8Array,
  files: readonly AppendixFile[],
): Promise<{ bytes: Uint8Array; pages: number }> {
  const doc = await PDFDocument.load(summary, { updateMetadata: false });
  for (const file of files) {
    try {
      if (file.fileType === 'pdf') {
        const src = await PDFDocument.load(file.bytes, { updateMetadata: false });
        if (src.getPageCount() === 0) throw new Error('no pages');
        for (const page of await doc.copyPages(src, src.getPageIndices())) doc.addPage(page);
      } else if (file.fileType === 'jpeg' || file.fileType === 'png') {
        const image =
          file.fileType === 'jpeg' ? await doc.embedJpg(file.bytes) : await doc.embedPng(file.bytes);
        const [w, h] = image.width > image.height ? [A4[1], A4[0]] : A4;
        const scale = Math.min((w - 2 * MARGIN) / image.width, (h - 2 * MARGIN) / image.height);
        const size = { width: image.width * scale, height: image.height * scale };
        doc.addPage([w, h]).drawImage(image, { x: (w - size.width) / 2, y: (h - size.height) / 2, ...size });
      }
    } catch (err) {
      throw new UnappendableFile(file.title, err);
    }
  }
  const bytes = await doc.save({ useObjectStreams: false });
  return { bytes, pages: doc.getPageCount() };
}
