// The import rules between the three runtimes and between the renderer's areas (README, "How it is
// built"). The TypeScript projects keep each runtime's globals apart; these rules say which files may
// import which, and test/unit/boundaries.test.ts runs them over the tree.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface ImportRef {
  /** Importing file, relative to the repository root, with forward slashes. */
  from: string;
  spec: string;
  /** The file a relative spec names (repository-relative), or null for a package. */
  target: string | null;
  /** Only types cross: nothing of the target runs where the importer runs. */
  typeOnly: boolean;
  line: number;
}

export interface Violation extends ImportRef {
  rule: string;
}

/**
 * Folders of renderer/src every area may import: the shell-level kit, not areas. `attachments`
 * is here because its panel belongs on every record's page (the 送达回证 on an order, consents
 * on a counselling record), as `followups` belongs on orders and plans.
 */
export const RENDERER_SHARED = ['common', 'api', 'session', 'print', 'followups', 'attachments'] as const;

/** The one piece of an area other areas may use: the children pickers (choosing a child, its guardians). */
export const CHILD_PICKERS = ['renderer/src/children/ChildPicker.tsx', 'renderer/src/children/pickers.tsx'];

/** Folders that assemble the areas into the app: they may import any area. */
export const RENDERER_COMPOSERS = ['shell'];

/**
 * A page that shows another area's card in its place, listed one by one so that a new one is a
 * decision: 首页 and 设置 gather cards (首页's 我的工作 charts are the stats area's), the first-run screen offers a restore, the board and 首页 warn
 * of a missing holiday year, 儿童 holds the ledger import, the print window renders the stats table.
 */
export const RENDERER_EMBEDS: ReadonlyArray<readonly [from: string, to: string]> = [
  ['renderer/src/home/HomePage.tsx', 'renderer/src/backup/HomeBackupAlert.tsx'],
  ['renderer/src/home/HomePage.tsx', 'renderer/src/calendar/MissingYearAlert.tsx'],
  ['renderer/src/home/HomePage.tsx', 'renderer/src/reminders/parts.tsx'],
  ['renderer/src/home/HomePage.tsx', 'renderer/src/stats/MyWorkCharts.tsx'],
  ['renderer/src/reminders/ReminderBoard.tsx', 'renderer/src/calendar/MissingYearAlert.tsx'],
  ['renderer/src/settings/SettingsPage.tsx', 'renderer/src/backup/BackupCard.tsx'],
  ['renderer/src/settings/SettingsPage.tsx', 'renderer/src/backup/BackupSettingsCard.tsx'],
  ['renderer/src/settings/SettingsPage.tsx', 'renderer/src/calendar/HolidaysPage.tsx'],
  ['renderer/src/settings/SettingsPage.tsx', 'renderer/src/reports/ReportSettingsCard.tsx'],
  ['renderer/src/session/SetupScreen.tsx', 'renderer/src/backup/FirstRunRestore.tsx'],
  ['renderer/src/children/ChildrenArea.tsx', 'renderer/src/ledger/LedgerImportPage.tsx'],
  ['renderer/src/print/PrintRoot.tsx', 'renderer/src/stats/StatsDocument.tsx'],
  ['renderer/src/print/PrintRoot.tsx', 'renderer/src/stats/period.ts'],
];

/** The shell's files the renderer shares (tsconfig.shared.json): the bridge's type and the print contract. */
export const SHELL_SHARED = ['electron/bridge-types.ts', 'electron/print-contract.ts'];

/**
 * Core helpers with no database, file or Node use, which the renderer may run: the rules a screen
 * shows before it asks (ages, ID checksums, workdays, money, the report flow, the stats table).
 */
export const CORE_PURE_HELPERS = [
  'db/backup/rotation.ts',
  'db/calendar/workdays.ts',
  'db/children/guardianship.ts',
  'db/children/idNumber.ts',
  'db/common/dates.ts',
  'db/common/flow.ts',
  'db/relief/rules.ts',
  'db/stats/rules.ts',
  'db/stats/table.ts',
];

/** Packages a pure core module may use: they run the same in Chromium and in Node. */
export const PURE_PACKAGES = ['zod', 'dayjs'];

const DOM_PACKAGES = /^(react|react-dom|react-router|antd|@ant-design\/|zustand|echarts)/;
const NODE_PACKAGES =
  /^(node:|electron$|better-sqlite3|drizzle-orm|exceljs|fs$|path$|crypto$|os$|worker_threads$)/;

/** The pure core: the catalog, every area's codes and inputs, their data files, and the listed helpers. */
export function isPureCore(file: string): boolean {
  return (
    file.startsWith('db/i18n/') ||
    /^db\/[a-z]+\/(codes|inputs)\.ts$/.test(file) ||
    /^db\/[a-z]+\/[a-z-]+\.json$/.test(file) ||
    CORE_PURE_HELPERS.includes(file)
  );
}

function rendererFolder(file: string): string | null {
  const m = /^renderer\/src\/([^/]+)\//.exec(file);
  return m ? m[1] : null;
}

/** The one file outside an area that may import the area's handlers.ts: the methods' registry. */
export const CONTRACT = 'db/api/contract.ts';

/**
 * An area's handlers.ts is its method map, for the contract alone: what another area needs (a
 * view, a create, a timeline source) lives in that area's model.ts, so no area runs another's
 * handler with its access checks and audit rows skipped, or depends on its method names.
 */
function handlersRule(from: string, target: string | null): string | null {
  const m = target ? /^db\/([a-z]+)\/handlers\.ts$/.exec(target) : null;
  if (!m || from === CONTRACT || from.startsWith(`db/${m[1]}/`)) return null;
  return `only ${CONTRACT} imports db/${m[1]}/handlers.ts (put what others need in db/${m[1]}/model.ts)`;
}

/** The rule an import breaks, or null. */
export function checkImport(ref: ImportRef): string | null {
  const { from, target, spec, typeOnly } = ref;
  if (from.startsWith('db/')) {
    const handlers = handlersRule(from, target);
    if (handlers) return handlers;
    if (target?.startsWith('renderer/') || target?.startsWith('electron/')) {
      return 'the core imports neither the renderer nor the shell';
    }
    if (target === null && DOM_PACKAGES.test(spec)) return 'the core uses no DOM or React package';
    if (isPureCore(from) && !typeOnly) {
      if (target?.startsWith('db/') && !isPureCore(target)) {
        return 'a pure core module (the renderer runs it) imports only pure core modules';
      }
      if (target === null && !PURE_PACKAGES.includes(spec)) {
        return `a pure core module (the renderer runs it) uses only ${PURE_PACKAGES.join(', ')}`;
      }
    }
    return null;
  }
  if (from.startsWith('electron/')) {
    if (target?.startsWith('renderer/')) return 'the shell imports no renderer code';
    return handlersRule(from, target);
  }
  if (!from.startsWith('renderer/')) return null;
  if (target === null) {
    return NODE_PACKAGES.test(spec) ? 'the renderer uses no Node, Electron or database package' : null;
  }
  if (target.startsWith('electron/')) {
    return SHELL_SHARED.includes(target)
      ? null
      : `the renderer imports from the shell only ${SHELL_SHARED.join(', ')}`;
  }
  if (target.startsWith('db/')) {
    if (typeOnly || isPureCore(target)) return handlersRule(from, target);
    return 'the renderer imports from the core only types and the pure modules (codes, inputs, i18n, listed helpers)';
  }
  const a = rendererFolder(from);
  const b = rendererFolder(target);
  if (a === null || b === null || a === b) return null;
  if ((RENDERER_SHARED as readonly string[]).includes(b)) return null;
  if (CHILD_PICKERS.includes(target) || RENDERER_COMPOSERS.includes(a)) return null;
  if (RENDERER_EMBEDS.some(([f, t]) => f === from && t === target)) return null;
  return `renderer area ${a}/ imports area ${b}/ (allowed: ${RENDERER_SHARED.join('/, ')}/, the children pickers, the listed embeds)`;
}

const EXTENSIONS = ['', '.ts', '.tsx', '.d.ts', '/index.ts', '/index.tsx', '.mjs', '.js'];

function resolveRelative(root: string, from: string, spec: string): string {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    const abs = path.join(root, candidate);
    if (existsSync(abs) && statSync(abs).isFile()) return candidate;
  }
  // An unresolved spec still names where it points, so a rule can judge it.
  return base;
}

/** The imports and re-exports of one source text, static and dynamic, with whether only types cross. */
export function importsOf(from: string, text: string, resolve: (spec: string) => string): ImportRef[] {
  const source = ts.createSourceFile(from, text, ts.ScriptTarget.Latest, true);
  const refs: ImportRef[] = [];
  const add = (spec: string, node: ts.Node, typeOnly: boolean) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    const target = spec.startsWith('.') ? resolve(spec) : null;
    refs.push({ from, spec, target, typeOnly, line: line + 1 });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      let typeOnly = false;
      if (clause?.isTypeOnly) typeOnly = true;
      else if (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings)) {
        const els = clause.namedBindings.elements;
        typeOnly = els.length > 0 && els.every((e) => e.isTypeOnly);
      }
      add(node.moduleSpecifier.text, node, typeOnly);
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const els =
        node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : null;
      const typeOnly = node.isTypeOnly || (els !== null && els.length > 0 && els.every((e) => e.isTypeOnly));
      add(node.moduleSpecifier.text, node, typeOnly);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments.length === 1 &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      add(node.arguments[0].text, node, false);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      add(node.argument.literal.text, node, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return refs;
}

function sourceFiles(root: string, dir: string, out: string[]): string[] {
  for (const name of readdirSync(path.join(root, dir))) {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(root, rel)).isDirectory()) sourceFiles(root, rel, out);
    else if (/\.(ts|tsx|mts)$/.test(name)) out.push(rel);
  }
  return out;
}

/** Every import in db/, renderer/ and electron/ that breaks a rule. */
export function checkTree(root: string): Violation[] {
  const files = ['db', 'renderer', 'electron'].flatMap((dir) => sourceFiles(root, dir, []));
  const violations: Violation[] = [];
  for (const file of files) {
    const text = readFileSync(path.join(root, file), 'utf8');
    for (const ref of importsOf(file, text, (spec) => resolveRelative(root, file, spec))) {
      const rule = checkImport(ref);
      if (rule) violations.push({ ...ref, rule });
    }
  }
  return violations;
}

/**
 * Method maps still written with inline handlers. Empty since every area was converted
 * (build/codemods/named-handlers.ts); the test keeps it from growing back.
 */
export const INLINE_HANDLERS_PENDING: string[] = [];

/**
 * The methods of a file's method maps whose handler is written inline instead of naming a
 * function: an area's handlers.ts opens with its table of contents, the named functions below.
 */
export function inlineHandlers(file: string, text: string): { method: string; line: number }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { method: string; line: number }[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isPropertyAssignment(node) &&
      ts.isStringLiteral(node.name) &&
      ts.isCallExpression(node.initializer) &&
      ts.isIdentifier(node.initializer.expression) &&
      /^(method|hostMethod)$/.test(node.initializer.expression.text)
    ) {
      const def = node.initializer.arguments[0];
      const handler =
        def && ts.isObjectLiteralExpression(def)
          ? def.properties.find(
              (p): p is ts.PropertyAssignment =>
                ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'handler',
            )
          : undefined;
      if (handler && !ts.isIdentifier(handler.initializer)) {
        const { line } = source.getLineAndCharacterOfPosition(handler.getStart(source));
        found.push({ method: node.name.text, line: line + 1 });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every inline handler in db/ outside the pending list, as `file:line method`. */
export function checkMethodMaps(root: string): string[] {
  return sourceFiles(root, 'db', [])
    .filter((f) => !INLINE_HANDLERS_PENDING.includes(f))
    .flatMap((f) =>
      inlineHandlers(f, readFileSync(path.join(root, f), 'utf8')).map((h) => `${f}:${h.line} ${h.method}`),
    );
}
