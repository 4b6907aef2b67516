import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  checkImport,
  checkMethodMaps,
  checkTree,
  type ImportRef,
  INLINE_HANDLERS_PENDING,
  importsOf,
  inlineHandlers,
} from '../../build/boundaries';

const root = path.resolve(__dirname, '../..');

function ref(
  from: string,
  target: string | null,
  opts: { spec?: string; typeOnly?: boolean } = {},
): ImportRef {
  return { from, target, spec: opts.spec ?? target ?? '', typeOnly: opts.typeOnly ?? false, line: 1 };
}

describe('the tree keeps its runtime and area boundaries', () => {
  it('no file in db/, renderer/ or electron/ breaks an import rule', () => {
    const found = checkTree(root).map((v) => `${v.from}:${v.line} ${v.spec} — ${v.rule}`);
    expect(found).toEqual([]);
    // Parsing every source file takes seconds on a busy machine.
  }, 30_000);
});

describe('one TypeScript project per runtime', () => {
  const config = (name: string) => {
    const read = ts.readConfigFile(path.join(root, name), (f) => readFileSync(f, 'utf8'));
    if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
    return read.config as { compilerOptions: Record<string, unknown>; references?: { path: string }[] };
  };

  it('npm run typecheck builds every project', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.scripts.typecheck).toBe('tsc -b tsconfig.json');
    expect(config('tsconfig.json').references?.map((r) => r.path)).toEqual([
      './tsconfig.core.json',
      './tsconfig.shared.json',
      './tsconfig.renderer.json',
      './tsconfig.electron.json',
      './tsconfig.test.json',
    ]);
  });

  it('gives the core Node without DOM, and the renderer DOM without Node', () => {
    const core = config('tsconfig.core.json').compilerOptions;
    expect(core.types).toEqual(['node']);
    expect(core.lib).not.toContain('DOM');
    const renderer = config('tsconfig.renderer.json').compilerOptions;
    expect(renderer.lib).toContain('DOM');
    expect(renderer.types).toEqual([]);
    // `/// <reference types="node" />` in a library's typings resolves to the empty stand-in.
    expect(renderer.typeRoots).toEqual(['./renderer/types']);
    const standIn = readFileSync(path.join(root, 'renderer/types/node/index.d.ts'), 'utf8');
    expect(standIn.replace(/\/\/.*$/gm, '').trim()).toBe('export {};');
  });
});

describe('the rules flag a bad import', () => {
  it('an area importing another area', () => {
    expect(checkImport(ref('renderer/src/education/PlanForm.tsx', 'renderer/src/orders/parts.tsx'))).toMatch(
      /education\/ imports area orders\//,
    );
    // The shared kit may not lean on an area either.
    expect(
      checkImport(ref('renderer/src/common/FormDialog.tsx', 'renderer/src/orders/parts.tsx')),
    ).not.toBeNull();
  });

  it('the allowed ones: the kit, the children pickers, the shell and a listed embed', () => {
    for (const [from, to] of [
      ['renderer/src/education/PlanForm.tsx', 'renderer/src/common/dates.ts'],
      ['renderer/src/suits/SuitForm.tsx', 'renderer/src/children/pickers.tsx'],
      ['renderer/src/education/PlanPage.tsx', 'renderer/src/followups/followUps.tsx'],
      ['renderer/src/shell/routes.tsx', 'renderer/src/orders/OrdersArea.tsx'],
      ['renderer/src/home/HomePage.tsx', 'renderer/src/reminders/parts.tsx'],
    ])
      expect(checkImport(ref(from, to)), `${from} → ${to}`).toBeNull();
    // The children area's other files stay its own.
    expect(
      checkImport(ref('renderer/src/visits/VisitView.tsx', 'renderer/src/children/parts.tsx')),
    ).not.toBeNull();
    // An embed is allowed for the page that lists it, not for its neighbours.
    expect(
      checkImport(ref('renderer/src/home/Other.tsx', 'renderer/src/reminders/parts.tsx')),
    ).not.toBeNull();
  });

  it('the renderer running core code that is not pure', () => {
    expect(checkImport(ref('renderer/src/orders/OrderPage.tsx', 'db/orders/handlers.ts'))).toMatch(
      /only types/,
    );
    expect(
      checkImport(ref('renderer/src/api/client.ts', 'db/api/contract.ts', { typeOnly: true })),
    ).toBeNull();
    expect(checkImport(ref('renderer/src/orders/OrderForm.tsx', 'db/orders/codes.ts'))).toBeNull();
    expect(checkImport(ref('renderer/src/children/ProfileForm.tsx', 'db/children/idNumber.ts'))).toBeNull();
    expect(checkImport(ref('renderer/src/x/y.ts', null, { spec: 'node:fs' }))).toMatch(/no Node/);
    expect(checkImport(ref('renderer/src/x/y.ts', null, { spec: 'better-sqlite3' }))).not.toBeNull();
    expect(checkImport(ref('renderer/src/print/routes.ts', 'electron/print-contract.ts'))).toBeNull();
    expect(checkImport(ref('renderer/src/x/y.ts', 'electron/ipc.ts'))).toMatch(/shell only/);
  });

  it('a pure core module reaching for the database', () => {
    expect(checkImport(ref('db/orders/codes.ts', 'db/orders/model.ts'))).toMatch(/pure core module/);
    expect(checkImport(ref('db/children/idNumber.ts', null, { spec: 'node:crypto' }))).not.toBeNull();
    expect(checkImport(ref('db/orders/inputs.ts', null, { spec: 'zod' }))).toBeNull();
    expect(checkImport(ref('db/orders/codes.ts', 'db/orders/model.ts', { typeOnly: true }))).toBeNull();
  });

  it('the core importing the renderer or the shell, and the shell importing the renderer', () => {
    expect(checkImport(ref('db/stats/table.ts', 'renderer/src/stats/period.ts'))).toMatch(
      /core imports neither/,
    );
    expect(checkImport(ref('db/api/core.ts', 'electron/log.ts'))).not.toBeNull();
    expect(checkImport(ref('db/x/handlers.ts', null, { spec: 'react' }))).toMatch(/no DOM/);
    expect(checkImport(ref('electron/main.ts', 'renderer/src/print/routes.ts'))).toMatch(
      /shell imports no renderer/,
    );
    expect(checkImport(ref('electron/main.ts', 'db/api/core.ts'))).toBeNull();
  });
});

describe("an area's handlers.ts is the contract's alone", () => {
  it('another area importing it is flagged, with where to look instead', () => {
    expect(checkImport(ref('db/documents/summary.ts', 'db/referrals/handlers.ts'))).toMatch(
      /only db\/api\/contract\.ts imports db\/referrals\/handlers\.ts .*db\/referrals\/model\.ts/,
    );
    // Types alone are no way round it: the area's views are exported from its model.ts.
    expect(
      checkImport(ref('db/orders/handlers.ts', 'db/education/handlers.ts', { typeOnly: true })),
    ).not.toBeNull();
    expect(checkImport(ref('electron/main.ts', 'db/backup/handlers.ts'))).not.toBeNull();
    expect(
      checkImport(ref('renderer/src/audit/AuditPage.tsx', 'db/audit/handlers.ts', { typeOnly: true })),
    ).not.toBeNull();
  });

  it('the contract, the area itself and the area model stay allowed', () => {
    expect(checkImport(ref('db/api/contract.ts', 'db/referrals/handlers.ts'))).toBeNull();
    expect(checkImport(ref('db/referrals/timeline.ts', 'db/referrals/handlers.ts'))).toBeNull();
    expect(checkImport(ref('db/documents/summary.ts', 'db/referrals/model.ts'))).toBeNull();
    expect(checkImport(ref('db/orders/handlers.ts', 'db/education/model.ts'))).toBeNull();
  });

  it('the tree holds to it: the areas reach each other through model.ts', () => {
    const reaching = checkTree(root).filter((v) => /handlers\.ts/.test(v.rule));
    expect(reaching).toEqual([]);
    const summary = readFileSync(path.join(root, 'db/documents/summary.ts'), 'utf8');
    expect(summary).toMatch(/from '\.\.\/referrals\/model'/);
  }, 30_000);
});

describe('each handlers.ts opens with its method map of named functions', () => {
  it('finds an inline handler, and lets a named one pass', () => {
    const text = [
      'export const xMethods = {',
      "  'x.get': method({ input: a, access: 'user', kind: 'read', handler: getX }),",
      "  'x.save': method({ input: b, access: 'user', kind: 'write', handler: (ctx, input) => save(ctx, input) }),",
      "  'x.lock': hostMethod({ input: c, access: 'public', kind: 'host', handler: async (host) => host.lock('manual') }),",
      '};',
    ].join('\n');
    expect(inlineHandlers('db/x/handlers.ts', text)).toEqual([
      { method: 'x.save', line: 3 },
      { method: 'x.lock', line: 4 },
    ]);
  });

  it('no method map in db/ outside the listed pending files holds an inline handler', () => {
    expect(checkMethodMaps(root)).toEqual([]);
    // The list only shrinks: a file on it that has no inline handler left must leave it.
    const stillInline = INLINE_HANDLERS_PENDING.filter(
      (f) => inlineHandlers(f, readFileSync(path.join(root, f), 'utf8')).length > 0,
    );
    expect(stillInline).toEqual(INLINE_HANDLERS_PENDING);
  }, 30_000);
});

describe('reading imports', () => {
  const text = [
    "import type { A } from './a';",
    "import { type B, type C } from './b';",
    "import { type D, e } from './c';",
    "import f from 'zod';",
    "export { g } from './d';",
    "export type { H } from './e';",
    "export * from './f';",
    "const m = await import('./g');",
    "type T = import('./h').T;",
  ].join('\n');
  const refs = importsOf('db/x/y.ts', text, (spec) => `db/x/${spec.slice(2)}.ts`);

  it('finds static, re-exported, dynamic and type-position imports with their lines', () => {
    expect(refs.map((r) => [r.spec, r.typeOnly, r.line])).toEqual([
      ['./a', true, 1],
      ['./b', true, 2],
      ['./c', false, 3],
      ['zod', false, 4],
      ['./d', false, 5],
      ['./e', true, 6],
      ['./f', false, 7],
      ['./g', false, 8],
      ['./h', true, 9],
    ]);
    expect(refs[0].target).toBe('db/x/a.ts');
    expect(refs[3].target).toBeNull();
  });

  it('flags a bad import found in a source text', () => {
    const bad = importsOf(
      'renderer/src/education/X.tsx',
      "import { None } from '../orders/parts';",
      () => 'renderer/src/orders/parts.tsx',
    );
    expect(bad.map(checkImport)).toEqual([expect.stringMatching(/imports area orders/)]);
  });
});
