import { describe, expect, it } from 'vitest';
import { defaultTitle, exportName, sniff } from '../../../db/attachments/rules';
import { makePdf, makePng } from '../../fixtures/files';

const bytes = (...b: number[]) => new Uint8Array([...b, ...new Array(16).fill(0)]);

describe('what a file is, by its first bytes', () => {
  it('knows PDF, PNG and JPEG whatever they are called', () => {
    expect(sniff(makePdf(['x']), 'scan.jpg')).toBe('pdf');
    expect(sniff(makePng(2, 2, 'x'), 'photo')).toBe('png');
    expect(sniff(bytes(0xff, 0xd8, 0xff, 0xe1), 'IMG_1.JPG')).toBe('jpeg');
  });

  it('tells HEIC photos apart, so they are refused with their own message', () => {
    const heic = new Uint8Array([0, 0, 0, 0x18, ...Buffer.from('ftypheic'), 0, 0, 0, 0]);
    expect(sniff(heic, 'IMG_2001.HEIC')).toBe('heic');
    expect(sniff(new Uint8Array([0, 0, 0, 0x18, ...Buffer.from('ftypmp42'), 0, 0, 0, 0]), 'a.heic')).toBe(
      'unknown',
    );
  });

  it('takes Word only when the bytes and the name both say Word', () => {
    const ole = bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
    const zip = bytes(0x50, 0x4b, 0x03, 0x04);
    expect(sniff(ole, '报告.doc')).toBe('doc');
    expect(sniff(ole, '表格.xls')).toBe('unknown');
    expect(sniff(zip, '报告.DOCX')).toBe('docx');
    expect(sniff(zip, 'archive.zip')).toBe('unknown');
    expect(sniff(bytes(0x4d, 0x5a), '回证.pdf')).toBe('unknown');
  });
});

describe('names', () => {
  it('saves a copy under its title with the extension of its type, never a path', () => {
    expect(exportName('送达回证', 'pdf')).toBe('送达回证.pdf');
    expect(exportName('照片.png', 'png')).toBe('照片.png');
    expect(exportName('../a/b:c', 'jpeg')).toBe('.._a_b_c.jpg');
    expect(exportName('  ', 'docx')).toBe('附件.docx');
  });

  it('titles a file by its name without the extension', () => {
    expect(defaultTitle('送达回证-张小明.pdf')).toBe('送达回证-张小明');
    expect(defaultTitle('README')).toBe('README');
  });
});
