// The plain .xlsx reader (db/ledger/xlsx.ts) must give every cell exactly as exceljs does: the
// preview's statuses and reasons are worked out from those cells. Each file here is read both
// ways and compared cell by cell; the plain reader must also really be the one reading it
// (readPlainXlsx does not refuse it), or the comparison would compare exceljs with itself.
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readLedger, readWithExceljs } from '../../../db/ledger/parse';
import { NotPlain, readPlainXlsx } from '../../../db/ledger/xlsx';
import { largeLedger, messyLedger } from '../../fixtures/ledger';

async function bothWays(bytes: Buffer) {
  const plain = await readLedger('台账.xlsx', bytes);
  const exceljs = await readWithExceljs('台账.xlsx', 'xlsx', bytes);
  return { plain, exceljs };
}

/** A zip of the given parts (deflated), as Excel writes one. */
function zip(parts: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(parts)) {
    const data = Buffer.from(text, 'utf8');
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'latin1');
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc32(data), 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(nameBytes.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc32(data), 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(nameBytes.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(head, nameBytes, packed);
    central.push(dir, nameBytes);
    offset += head.length + nameBytes.length + packed.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function workbook(o: {
  sheets: { name: string; xml: string; state?: string }[];
  strings?: string[];
  date1904?: boolean;
}): Buffer {
  const parts: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${o.sheets
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join(
        '',
      )}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook ${NS} ${REL_NS} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15"><workbookPr${o.date1904 ? ' date1904="1"' : ''} defaultThemeVersion="124226"/><mc:AlternateContent><mc:Choice Requires="x15"><x15ac:absPath xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac" url="C:\\台账\\"/></mc:Choice></mc:AlternateContent><sheets>${o.sheets
      .map(
        (s, i) =>
          `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`,
      )
      .join('')}</sheets><calcPr calcId="152511"/></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${o.sheets
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join(
        '',
      )}<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId91" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    // Styles: 1 = a built-in date (14), 2 = a custom Chinese date, 3 = a built-in id exceljs does
    // not know as a date (31, 年月日 in a Chinese Excel), 4 = a number format with a bracket.
    'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet ${NS}><numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;;@"/><numFmt numFmtId="177" formatCode="[Red]0.00"/></numFmts><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="177" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst ${NS} count="${(o.strings ?? []).length}" uniqueCount="${(o.strings ?? []).length}">${(o.strings ?? []).join('')}</sst>`,
  };
  o.sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet ${NS} ${REL_NS}><dimension ref="A1:Z40"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="13.5"/>${s.xml}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  });
  return zip(parts);
}

// Shared strings as Excel writes them: plain, with spaces kept, rich text in runs, phonetic
// guides (ignored), escapes, entities and character references.
const STRINGS = [
  '<si><t>儿童姓名</t></si>',
  '<si><t>出生日期</t></si>',
  '<si><t>身份证号</t></si>',
  '<si><t>乡镇</t></si>',
  '<si><r><rPr><b/><sz val="11"/></rPr><t>张</t></r><r><t xml:space="preserve"> 小明 </t></r></si>',
  '<si><t>李红</t><rPh sb="0" eb="2"><t>リコウ</t></rPh><phoneticPr fontId="1" type="noConversion"/></si>',
  '<si><t xml:space="preserve">  </t></si>',
  '<si><t>仁风镇&amp;&lt;村&gt;&#x4E00;&#20108;</t></si>',
  '<si><t>第一行_x000D_\n第二行</t></si>',
  '<si><t/></si>',
  '<si><t>无</t></si>',
  '<si><t>370125201503041234</t></si>',
  '<si><t>2015.3.4</t></si>',
  '<si><r><t>王</t></r><r><rPr><i/></rPr><t>五</t></r><rPh sb="0" eb="1"><t>ワン</t></rPh></si>',
];

const MESSY_SHEET = `<sheetData>
<row r="1" spans="1:5"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" s="1"/></row>
<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" s="1"><v>42067</v></c><c r="C2" t="s"><v>11</v></c><c r="D2" t="s"><v>7</v></c></row>
<row r="3"><c r="A3" t="s"><v>5</v></c><c r="B3" s="2"><v>42067.75</v></c><c r="C3"><v>370125201503041000</v></c><c r="D3" t="s"><v>8</v></c></row>
<row r="4"><c r="A4" t="s"><v>13</v></c><c r="B4" s="3"><v>42067</v></c><c r="C4" t="inlineStr"><is><t>370125 20150304 123x</t></is></c><c r="D4" t="str"><f>A1&amp;"镇"</f><v>仁风&amp;amp;镇</v></c></row>
<row r="5"><c r="A5" t="s"><v>6</v></c><c r="B5" t="s"><v>12</v></c><c r="C5" t="b"><v>1</v></c><c r="D5" t="e"><v>#N/A</v></c><c r="H5" s="2"/><c r="I5"/></row>
<row r="6"><c r="A6" t="s"><v>9</v></c><c r="B6" s="1"><f>DATE(2015,3,4)</f><v>42067</v></c><c r="C6"><f t="shared" ref="C6:C7" si="0">B6+1</f><v>42068</v></c><c r="D6"><f>SUM(A1:A2)</f></c></row>
<row r="7"><c r="A7" t="s"><v>10</v></c><c r="B7" s="4"><v>3.5</v></c><c r="C7"><f t="shared" si="0"/><v>42069</v></c><c t="s"><v>3</v></c><c t="n"><v>7</v></c></row>
<row r="8"/>
<row r="9" spans="1:30"><c r="Z9" s="1"/></row>
<row r="11"><c r="A11" t="s"><v>0</v></c><c r="B11" t="d"><v>2015-03-04</v></c><c r="C11" t="b"><v>0</v></c><c r="D11"><v>  12  </v></c></row>
<row r="12"><c r="A12" t="inlineStr"><is><t>第一\r\n第二</t></is></c><c r="B12" t="s"><v>7</v></c></row>
<row r="13"><c r="A13" t="s"><v>4</v></c></row>
</sheetData><mergeCells count="3"><mergeCell ref="D11:D14"/><mergeCell ref="F2:G3"/><mergeCell ref="A13:B15"/></mergeCells>`;

describe('the plain .xlsx reader reads what exceljs reads', () => {
  it('the messy fixture ledger, cell by cell', async () => {
    const { bytes } = await messyLedger();
    expect(() => readPlainXlsx(bytes)).not.toThrow();
    const { plain, exceljs } = await bothWays(bytes);
    expect(plain).toEqual(exceljs);
    expect(plain[0].rows.length).toBeGreaterThan(20);
  });

  it("the bench's large ledger, damaged ID numbers and blank rows included", async () => {
    const { bytes } = await largeLedger(1200);
    expect(() => readPlainXlsx(bytes)).not.toThrow();
    const { plain, exceljs } = await bothWays(bytes);
    expect(plain).toEqual(exceljs);
    expect(plain[0].rows.length).toBe(1202);
  });

  // An ID number typed as a number: Excel kept 15 digits (the damaged-ID case).
  it('a workbook exceljs wrote with formulas, rich text, booleans, errors, dates and merges', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账 & 名单');
    ws.addRow(['台账', null, null, null]);
    ws.mergeCells('A1:D1');
    ws.addRow(['姓名', '出生日期', '身份证号', '乡镇', '备注']);
    ws.addRow([
      { richText: [{ text: '赵' }, { text: '六', font: { bold: true } }] },
      new Date(Date.UTC(2016, 4, 6)),
    ]);
    ws.addRow(['孙七', { formula: 'B3+1', result: new Date(Date.UTC(2016, 4, 7)) }, 370125201605071200]);
    ws.addRow(['周八', 42500, true, { error: '#DIV/0!' }, { formula: '"a"&"b"', result: 'ab' }]);
    ws.getCell('B5').numFmt = 'yyyy/m/d';
    ws.addRow(['吴九', '2016年5月8日', '370125201605081234', '济阳街道']);
    ws.mergeCells('D6:D8');
    ws.addRow(['郑十']);
    ws.addRow([' ', '-', '/']);
    ws.getCell('H9').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    wb.addWorksheet('隐藏', { state: 'hidden' }).getCell('A1').value = '隐藏';
    wb.addWorksheet('深度隐藏', { state: 'veryHidden' }).getCell('A1').value = '不显示';
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    expect(() => readPlainXlsx(bytes)).not.toThrow();
    const { plain, exceljs } = await bothWays(bytes);
    expect(plain).toEqual(exceljs);
    expect(plain.map((s) => s.name)).toEqual(['台账 & 名单', '隐藏']);
  });

  it('a workbook as Excel saves it: shared rich text, phonetic guides, styles, odd cells, merges', async () => {
    const bytes = workbook({
      strings: STRINGS,
      sheets: [
        { name: '台账', xml: MESSY_SHEET },
        {
          name: '说明&amp;备注',
          xml: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>',
        },
        { name: '旧表', state: 'hidden', xml: '<sheetData/>' },
        {
          name: '隐',
          state: 'veryHidden',
          xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>',
        },
      ],
    });
    expect(() => readPlainXlsx(bytes)).not.toThrow();
    const { plain, exceljs } = await bothWays(bytes);
    expect(plain).toEqual(exceljs);
    const rows = plain[0].rows;
    // What the comparison rests on, said once: rich text joined, a date-styled serial a date,
    // a merged cell filled from its first cell, a number format unknown to exceljs a number.
    expect(rows[1][0].text).toBe('张 小明 ');
    expect(rows[1][1]).toEqual({ text: '2015-03-04', kind: 'date', num: Date.UTC(2015, 2, 4) });
    expect(rows[3][1]).toEqual({ text: '42067', kind: 'number', num: 42067 });
    expect(rows[13][3]).toEqual(rows[10][3]);
    expect(plain.map((s) => s.name)).toEqual(['台账', '说明&备注', '旧表']);
  });

  it('a 1904-dated workbook', async () => {
    const bytes = workbook({
      date1904: true,
      strings: STRINGS,
      sheets: [{ name: '台账', xml: MESSY_SHEET }],
    });
    expect(() => readPlainXlsx(bytes)).not.toThrow();
    const { plain, exceljs } = await bothWays(bytes);
    expect(plain).toEqual(exceljs);
  });

  it('leaves what it does not handle to exceljs, which then reads the same file', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['姓名', '乡镇']);
    ws.addRow([{ text: '张三', hyperlink: 'https://example.org/' }, '仁风镇']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    expect(() => readPlainXlsx(bytes)).toThrow(NotPlain);
    const { plain, exceljs } = await bothWays(bytes);
    expect(plain).toEqual(exceljs);
    expect(plain[0].rows[1][0].text).toBe('张三');
  });

  it('a file that is no zip at all is unreadable either way', async () => {
    const bytes = Buffer.from('PK\u0003\u0004 not really a workbook', 'latin1');
    await expect(readLedger('台账.xlsx', bytes)).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
