// A ledger's .xlsx read straight from its zip and XML, for the cell values only: exceljs builds
// the whole workbook model (styles, every cell object, a SAX event per node), which was most of
// reading a 10,000-row ledger and most of its garbage. The values are exactly the ones exceljs
// gives (`row.values` of each sheet, merged cells filled from their first cell, dates from the
// cell's number format), so parse.ts turns both into cells the same way and a ledger reads the
// same whichever reader read it (test/unit/ledger-xlsx.test.ts compares them file by file).
//
// Anything this reader does not handle exactly as exceljs does — a zip64 or encrypted archive, a
// hyperlink, inline rich text, a CDATA section, a prefixed element where a cell's parts are, a
// sheet name exceljs would refuse, a broken reference — throws NotPlain, and parse.ts reads the
// file with exceljs instead, which then decides what it holds or that it is unreadable.
import { inflateRawSync } from 'node:zlib';

/** The file needs exceljs: this reader would not read it exactly as exceljs does. */
export class NotPlain extends Error {}

const notPlain = (why: string): never => {
  throw new NotPlain(why);
};

/** A cell's value as exceljs's `cell.value` gives it (after merges), for the kinds a sheet holds. */
export type PlainValue =
  | null
  | undefined
  | string
  | number
  | boolean
  | Date
  | { error: string }
  | { formula: string; result: unknown };

export interface PlainSheet {
  name: string;
  state: string;
  /** exceljs's `row.values` for rows 1..rowCount (index = column, 1-based; sparse). */
  rows: PlainValue[][];
  /** exceljs's `columnCount`: the widest row that holds a value. */
  columnCount: number;
}

// --- zip -------------------------------------------------------------------------------------

function unzip(buf: Buffer): Map<string, () => string> {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) notPlain('no zip directory');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || at === 0xffffffff) notPlain('zip64');
  const entries = new Map<string, () => string>();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) notPlain('zip entry');
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const plainSize = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const skip = nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const nameBytes = buf.subarray(at + 46, at + 46 + nameLen);
    at += 46 + skip;
    if (flags & 1) notPlain('encrypted');
    if (nameBytes.some((b) => b > 0x7e)) notPlain('zip name');
    let name = nameBytes.toString('latin1');
    if (name.endsWith('/')) continue;
    if (name[0] === '/') name = name.slice(1);
    if (entries.has(name)) notPlain('zip name twice');
    entries.set(name, () => {
      if (buf.readUInt32LE(local) !== 0x04034b50) notPlain('zip local header');
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const raw = buf.subarray(start, start + size);
      const data = method === 0 ? raw : method === 8 ? inflateRawSync(raw) : notPlain('zip method');
      if (data.length !== plainSize) notPlain('zip size');
      const text = data.toString('utf8');
      return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    });
  }
  return entries;
}

// --- XML -------------------------------------------------------------------------------------

const ENTITIES = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** Text or an attribute as the XML parser gives it: entities decoded, line ends as \n. */
function xmlText(s: string): string {
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);?/g, (all, e: string) => {
    if (!all.endsWith(';')) notPlain('entity');
    if (e[0] === '#') {
      const code = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return ENTITIES.get(e) ?? notPlain('entity');
  });
}

/** exceljs's utils.xmlDecode, which it applies once more to some values (a second decoding). */
const xmlDecodeAgain = (s: string) => s.replace(/&([a-z]*);/g, (c) => ENTITIES.get(c.slice(1, -1)) ?? c);

/** OOXML's _xHHHH_ escapes, as exceljs's text part decodes them (upper-case hex only). */
const unescapeX = (s: string) =>
  s.includes('_x')
    ? s.replace(/_x([0-9A-F]{4})_/g, (_a, h: string) => String.fromCharCode(Number.parseInt(h, 16)))
    : s;

interface XmlHandler {
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw text between two tags (undecoded), only where the handler asked for it. */
  text?(raw: string): void;
}

/** Attributes of a tag, decoded. */
function attributes(attrs: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(attrs); m; m = re.exec(attrs)) out[m[1]] = xmlText(m[2] ?? m[3]);
  return out;
}

/**
 * A minimal XML tokenizer: tags and the raw text between them. Comments and declarations are
 * skipped; CDATA and a DOCTYPE are left to exceljs (its parser drops CDATA text).
 */
function scanXml(xml: string, h: XmlHandler, wantText: () => boolean): void {
  const n = xml.length;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) break;
    if (lt > i && h.text && wantText()) h.text(xml.slice(i, lt));
    const c = xml.charCodeAt(lt + 1);
    if (c === 47 /* / */) {
      const gt = xml.indexOf('>', lt);
      if (gt < 0) notPlain('xml');
      h.close(xml.slice(lt + 2, gt).trim());
      i = gt + 1;
    } else if (c === 63 /* ? */) {
      const end = xml.indexOf('?>', lt);
      if (end < 0) notPlain('xml');
      i = end + 2;
    } else if (c === 33 /* ! */) {
      if (!xml.startsWith('<!--', lt)) notPlain('cdata or doctype');
      const end = xml.indexOf('-->', lt);
      if (end < 0) notPlain('xml');
      i = end + 3;
    } else {
      // The tag's end: the first '>' outside a quoted attribute value.
      let j = lt + 1;
      let quote = 0;
      for (; j < n; j++) {
        const ch = xml.charCodeAt(j);
        if (quote) {
          if (ch === quote) quote = 0;
        } else if (ch === 34 || ch === 39) quote = ch;
        else if (ch === 62) break;
      }
      if (j >= n) notPlain('xml');
      const selfClosing = xml.charCodeAt(j - 1) === 47;
      const body = xml.slice(lt + 1, selfClosing ? j - 1 : j);
      let k = 0;
      for (; k < body.length; k++) {
        const ch = body.charCodeAt(k);
        if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47) break;
      }
      const name = body.slice(0, k);
      if (!name) notPlain('xml');
      h.open(name, body.slice(k), selfClosing);
      if (selfClosing) h.close(name);
      i = j + 1;
    }
  }
}

/** A prefixed element whose local name is one the reader acts on: exceljs would not see it. */
function checkName(name: string, known: Set<string>): void {
  const colon = name.indexOf(':');
  if (colon >= 0 && known.has(name.slice(colon + 1))) notPlain(`prefixed ${name}`);
}

// --- cell references -------------------------------------------------------------------------

function decodeRef(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]{1,3})\$?([1-9][0-9]*)$/.exec(ref);
  if (!m) return notPlain(`reference ${ref}`);
  let col = 0;
  for (let i = 0; i < m[1].length; i++) col = col * 26 + (m[1].charCodeAt(i) - 64);
  const row = Number(m[2]);
  if (col > 16384 || row > 1_048_576) notPlain(`reference ${ref}`);
  return { row, col };
}

// --- the parts -------------------------------------------------------------------------------

function relationships(xml: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (xml === undefined) return out;
  scanXml(
    xml,
    {
      open(name, attrs) {
        if (name !== 'Relationship') return;
        const a = attributes(attrs);
        if (a.Id !== undefined && a.Target !== undefined) out.set(a.Id, a.Target);
      },
      close() {},
    },
    () => false,
  );
  return out;
}

interface SheetDef {
  name: string;
  id: number;
  state: string;
  rId: string;
}

const BOOK_NAMES = new Set(['workbook', 'sheets', 'sheet', 'workbookPr']);

function workbook(xml: string): { sheets: SheetDef[]; date1904: boolean } {
  const sheets: SheetDef[] = [];
  let date1904 = false;
  scanXml(
    xml,
    {
      open(name, attrs) {
        checkName(name, BOOK_NAMES);
        if (name === 'sheet') {
          const a = attributes(attrs);
          sheets.push({
            name: xmlDecodeAgain(a.name ?? notPlain('sheet name')),
            id: Number.parseInt(a.sheetId, 10),
            state: a.state ?? 'visible',
            rId: a['r:id'] ?? notPlain('sheet rel'),
          });
        } else if (name === 'workbookPr') date1904 = attributes(attrs).date1904 === '1';
      },
      close() {},
    },
    () => false,
  );
  return { sheets, date1904 };
}

/** exceljs's utils.isDateFmt. */
function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** The built-in formats exceljs knows as dates (its defaultnumformats, through isDateFmt). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

const STYLE_NAMES = new Set(['styleSheet', 'numFmts', 'numFmt', 'cellXfs', 'xf']);

/** For each cell style (s="n"): whether exceljs reads its numbers as dates. Null: no styles part. */
function dateStyles(xml: string | undefined): boolean[] | null {
  if (xml === undefined) return null;
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  let depth = 0;
  scanXml(
    xml,
    {
      open(name, attrs) {
        checkName(name, STYLE_NAMES);
        if (name === 'numFmt') {
          const a = attributes(attrs);
          custom.set(Number.parseInt(a.numFmtId, 10), (a.formatCode ?? '').replace(/[\\](.)/g, '$1'));
        } else if (name === 'cellXfs') inCellXfs = true;
        else if (inCellXfs) {
          depth++;
          if (name === 'xf' && depth === 1) xfs.push(Number.parseInt(attributes(attrs).numFmtId ?? '0', 10));
        }
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
        else if (inCellXfs) depth--;
      },
    },
    () => false,
  );
  if (!xfs.length) notPlain('no cell styles');
  return xfs.map((id) =>
    id ? (custom.has(id) ? isDateFmt(custom.get(id)) : BUILTIN_DATE_FORMATS.has(id)) : false,
  );
}

const SST_NAMES = new Set(['sst', 'si', 't', 'r', 'rPh']);

/** The shared strings as exceljs gives each: its text, or a rich text's runs joined. */
function sharedStrings(xml: string | undefined): string[] | null {
  if (xml === undefined) return null;
  const out: string[] = [];
  let inSi = false;
  let inPhonetic = false;
  let inT = false;
  let text: string[] = [];
  let plain: string | null = null;
  let runs: string[] | null = null;
  let runText: string | null = null;
  let inRun = false;
  scanXml(
    xml,
    {
      open(name) {
        checkName(name, SST_NAMES);
        if (name === 'si') {
          inSi = true;
          plain = null;
          runs = null;
        } else if (!inSi || inPhonetic) return;
        else if (name === 'rPh') inPhonetic = true;
        else if (name === 'r') {
          if (plain !== null) notPlain('text and runs');
          inRun = true;
          runText = null;
          runs ??= [];
        } else if (name === 't') {
          inT = true;
          text = [];
        }
      },
      text(raw) {
        text.push(raw);
      },
      close(name) {
        if (name === 'si') {
          out.push(runs ? (runs as string[]).join('') : (plain ?? ''));
          inSi = false;
        } else if (name === 'rPh') inPhonetic = false;
        else if (!inSi || inPhonetic) return;
        else if (name === 't') {
          inT = false;
          const value = unescapeX(xmlText(text.join('')));
          if (inRun) runText = value;
          else {
            if (plain !== null || runs) notPlain('text twice');
            plain = value;
          }
        } else if (name === 'r') {
          (runs as string[]).push(runText ?? '');
          inRun = false;
        }
      },
    },
    () => inT && !inPhonetic,
  );
  return out;
}

const SHEET_NAMES = new Set([
  'sheetData',
  'row',
  'c',
  'v',
  'f',
  'is',
  't',
  'r',
  'rPh',
  'mergeCells',
  'mergeCell',
  'hyperlinks',
  'hyperlink',
]);

/** A cell's value before the workbook's parts are applied, as exceljs's cell parser leaves it. */
interface RawCell {
  col: number;
  /** 0 when the cell names no style. */
  style: number;
  type: string | undefined;
  value: string | undefined;
  formula: string | undefined;
  shared: boolean;
}

function worksheet(
  xml: string,
  strings: string[] | null,
  dates: boolean[] | null,
  date1904: boolean,
): { rows: PlainValue[][]; columnCount: number } {
  // Per row: the values by column, and how far its cells reach (exceljs's cellCount).
  const values: PlainValue[][] = [];
  const reach: number[] = [];
  /** Rows with a cell other than a styled empty one (exceljs's hasValues). */
  const hasValues: boolean[] = [];
  let lastRow = 0;
  let rowNo = 0;
  let prevCol = 0;
  let cell: RawCell | null = null;
  let node: 'v' | 't' | 'f' | null = null;
  let text = '';
  let inSheetData = false;
  const merges: string[] = [];

  const toDate = (v: unknown) =>
    new Date(Math.round(((v as number) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
  const isDate = (style: number) => {
    if (!style || !dates) return false;
    if (style >= dates.length) return false;
    return dates[style];
  };

  const finishCell = (c: RawCell) => {
    let value: PlainValue;
    if (c.formula || c.shared) {
      let result: unknown;
      if (c.value) {
        if (c.type === 'str') result = xmlDecodeAgain(c.value);
        else if (c.type === 'b') result = Number.parseInt(c.value, 10) !== 0;
        else if (c.type === 'e') result = { error: c.value };
        else result = Number.parseFloat(c.value);
      }
      if (result !== undefined && isDate(c.style)) result = toDate(result);
      value = { formula: c.formula ?? '', result };
    } else if (c.value !== undefined) {
      switch (c.type) {
        case 's': {
          if (!strings) return notPlain('no shared strings');
          const s = strings[Number.parseInt(c.value, 10)];
          if (s === undefined) notPlain('shared string');
          value = s;
          break;
        }
        case 'str':
          value = xmlDecodeAgain(c.value);
          break;
        case 'inlineStr':
          value = c.value;
          break;
        case 'b':
          value = Number.parseInt(c.value, 10) !== 0;
          break;
        case 'e':
          value = { error: c.value };
          break;
        default: {
          const num = Number.parseFloat(c.value);
          value = isDate(c.style) ? toDate(num) : num;
        }
      }
    } else if (c.style) {
      // A styled empty cell: it widens the row but holds nothing.
      prevCol = c.col;
      reach[rowNo] = Math.max(reach[rowNo] ?? 0, c.col);
      return;
    } else {
      // exceljs drops a bare <c/> altogether (and does not count it as the previous cell).
      return;
    }
    prevCol = c.col;
    values[rowNo][c.col] = value;
    reach[rowNo] = Math.max(reach[rowNo] ?? 0, c.col);
    hasValues[rowNo] = true;
  };

  scanXml(
    xml,
    {
      open(name, attrs) {
        checkName(name, SHEET_NAMES);
        if (name === 'sheetData') inSheetData = true;
        else if (name === 'hyperlink') notPlain('hyperlink');
        else if (name === 'mergeCell') merges.push(attributes(attrs).ref ?? notPlain('merge'));
        else if (!inSheetData) return;
        else if (name === 'row') {
          const r = attributes(attrs).r;
          if (r === undefined || !/^[1-9][0-9]*$/.test(r)) notPlain('row number');
          rowNo = Number(r);
          if (values[rowNo]) notPlain('row twice');
          values[rowNo] = [];
          lastRow = Math.max(lastRow, rowNo);
          prevCol = 0;
        } else if (name === 'c') {
          if (!rowNo) notPlain('cell outside a row');
          const a = attributes(attrs);
          let col: number;
          if (a.r !== undefined) col = decodeRef(a.r).col;
          else if (prevCol) col = prevCol + 1;
          else return notPlain('cell without reference');
          cell = {
            col,
            style: a.s ? Number.parseInt(a.s, 10) : 0,
            type: a.t,
            value: undefined,
            formula: undefined,
            shared: false,
          };
        } else if (!cell) return;
        else if (name === 'v' || name === 't') {
          node = name;
          text = '';
        } else if (name === 'f') {
          node = 'f';
          text = '';
          if (attributes(attrs).t !== undefined) cell.shared = true;
        } else if (name === 'r' || name === 'rPh') notPlain('inline rich text');
      },
      text(raw) {
        text += raw;
      },
      close(name) {
        if (name === 'sheetData') inSheetData = false;
        else if (!inSheetData) return;
        else if (name === 'row') rowNo = 0;
        else if (name === 'c' && cell) {
          finishCell(cell);
          cell = null;
        } else if (cell && node && name === node) {
          const decoded = text ? xmlText(text) : '';
          // exceljs appends only text it was given: an empty element leaves the value unset.
          if (node === 'f') {
            if (decoded) cell.formula = (cell.formula ?? '') + decoded;
          } else if (decoded) cell.value = (cell.value ?? '') + decoded;
          node = null;
        }
      },
    },
    () => node !== null,
  );

  // Merged cells: each part reads as the range's first cell (exceljs's mergeCellsWithoutStyle),
  // which creates the rows and cells it spans.
  const ranges: { top: number; left: number; bottom: number; right: number }[] = [];
  for (const ref of merges) {
    const [a, b = a] = ref.split(':');
    if (ref.split(':').length > 2) notPlain('merge');
    const p = decodeRef(a);
    const q = decodeRef(b);
    const r = {
      top: Math.min(p.row, q.row),
      left: Math.min(p.col, q.col),
      bottom: Math.max(p.row, q.row),
      right: Math.max(p.col, q.col),
    };
    if (ranges.some((o) => o.left <= r.right && r.left <= o.right && o.top <= r.bottom && r.top <= o.bottom))
      notPlain('merges overlap');
    ranges.push(r);
    values[r.top] ??= [];
    const master = values[r.top][r.left];
    reach[r.top] = Math.max(reach[r.top] ?? 0, r.left);
    for (let row = r.top; row <= r.bottom; row++) {
      values[row] ??= [];
      for (let col = r.left; col <= r.right; col++) {
        if (row === r.top && col === r.left) continue;
        values[row][col] = master;
        reach[row] = Math.max(reach[row] ?? 0, col);
        hasValues[row] = true;
      }
    }
    lastRow = Math.max(lastRow, r.bottom);
  }

  let columnCount = 0;
  const rows: PlainValue[][] = [];
  for (let r = 1; r <= lastRow; r++) {
    rows.push(values[r] ?? []);
    if (hasValues[r]) columnCount = Math.max(columnCount, reach[r] ?? 0);
  }
  return { rows, columnCount };
}

const SHEET_PATH = /^xl\/worksheets\/sheet\d+[.]xml$/;

/** The visible and hidden sheets of an .xlsx, in the workbook's order, as exceljs reads them. */
export function readPlainXlsx(bytes: Buffer): PlainSheet[] {
  const zip = unzip(bytes);
  const part = (name: string) => zip.get(name)?.();
  const bookXml = part('xl/workbook.xml') ?? notPlain('no workbook');
  const { sheets, date1904 } = workbook(bookXml);
  const rels = relationships(part('xl/_rels/workbook.xml.rels'));
  const strings = sharedStrings(part('xl/sharedStrings.xml'));
  const dates = dateStyles(part('xl/styles.xml'));
  const out: PlainSheet[] = [];
  const names = new Set<string>();
  const ids = new Set<number>();
  for (const def of sheets) {
    const target = rels.get(def.rId);
    if (target === undefined) notPlain('sheet without part');
    const path = `xl/${(target as string).replace(/^(\s|\/xl\/)+/, '')}`;
    if (!SHEET_PATH.test(path) || !zip.has(path)) notPlain(`sheet part ${path}`);
    // The names exceljs accepts, unchanged (it truncates or refuses the rest).
    const name = def.name;
    if (
      !name ||
      name === 'History' ||
      name.length > 31 ||
      /[*?:/\\[\]]/.test(name) ||
      /(^')|('$)/.test(name) ||
      names.has(name.toLowerCase()) ||
      !Number.isInteger(def.id) ||
      def.id < 1 ||
      ids.has(def.id)
    )
      notPlain('sheet name or id');
    names.add(name.toLowerCase());
    ids.add(def.id);
    const sheet = worksheet(part(path) as string, strings, dates, date1904);
    out.push({ name, state: def.state, ...sheet });
  }
  // Worksheet parts the workbook does not list, or listed twice, are exceljs's to sort out.
  const listed = new Set(sheets.map((d) => rels.get(d.rId)));
  if (listed.size !== sheets.length) notPlain('sheet listed twice');
  for (const name of zip.keys())
    if (/xl\/worksheets\/sheet(\d+)[.]xml/.test(name) && !SHEET_PATH.test(name)) notPlain('odd sheet part');
  return out;
}
