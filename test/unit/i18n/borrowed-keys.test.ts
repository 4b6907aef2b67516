// An area's messages are its own (issue 15): a core area looks up only its own catalog section
// and the shared ones. Borrowing another area's wording ties the two together: a change of one
// screen's text silently changes another area's error.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { zhCN } from '../../../db/i18n/zh-CN';

/** Sections every area shares: envelopes, field checks, code labels, timeline titles. */
const SHARED = new Set(['app', 'errors', 'validation', 'codes', 'timeline']);
/** Catalog sections named differently from their folder. */
const SECTION_OF: Record<string, string> = { reports: 'mandatoryReports', api: 'errors', core: 'errors' };
/**
 * Folders that assemble other areas' wording on purpose: the Excel exports write each area's
 * column headers, and a document's fixed wording (documents.*) is the document's own, which the
 * order draft and the 台账 dates quote. The host (api/core.ts) runs the accounts' sessions.
 */
const MAY_QUOTE: Record<string, readonly string[]> = {
  exports: Object.keys(zhCN),
  api: ['accounts'],
  orders: ['documents'],
  stats: ['documents'],
};

function keysUsed(dir: string): { file: string; section: string }[] {
  const out: { file: string; section: string }[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.ts')) continue;
    const text = readFileSync(path.join(dir, name), 'utf8');
    for (const m of text.matchAll(/\bt\(\s*[`']([a-zA-Z]+)\./g)) out.push({ file: name, section: m[1] });
  }
  return out;
}

describe('message keys', () => {
  it('are looked up by each core area in its own section or a shared one', () => {
    const root = path.resolve('db');
    const borrowed: string[] = [];
    for (const area of readdirSync(root, { withFileTypes: true })) {
      if (!area.isDirectory() || area.name === 'i18n') continue;
      const own = SECTION_OF[area.name] ?? area.name;
      for (const { file, section } of keysUsed(path.join(root, area.name))) {
        if (section === own || SHARED.has(section) || MAY_QUOTE[area.name]?.includes(section)) continue;
        borrowed.push(`db/${area.name}/${file}: ${section}.*`);
      }
    }
    expect([...new Set(borrowed)].sort()).toEqual([]);
  });
});
