// One-off codemod (issue 15): turns a handlers.ts whose method map holds inline arrow handlers
// into the area's shape: the map on top, each handler a named function declared below it.
// Usage: npx tsx build/codemods/named-handlers.ts db/<area>/handlers.ts …   (then biome, tsc)
import { readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';

const GENERIC = new Set([
  'get',
  'list',
  'update',
  'create',
  'delete',
  'remove',
  'restore',
  'register',
  'search',
  'close',
]);

/** `visits.saveDraft` → saveDraft; a generic verb takes the area's noun: `visits.get` → getVisit. */
function functionName(methodName: string): string {
  const [area, verb] = methodName.split('.');
  const noun = area.charAt(0).toUpperCase() + area.slice(1).replace(/s$/, '');
  if (verb === 'forChild') return `${area}ForChild`;
  return GENERIC.has(verb) ? `${verb}${noun}` : verb;
}

function convert(file: string): void {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  // Names declared at the top level or imported: a new function must not take one of them.
  const topNames = new Set<string>();
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st)) {
      const c = st.importClause;
      if (c?.name) topNames.add(c.name.text);
      if (c?.namedBindings && ts.isNamedImports(c.namedBindings))
        for (const e of c.namedBindings.elements) topNames.add(e.name.text);
      if (c?.namedBindings && ts.isNamespaceImport(c.namedBindings)) topNames.add(c.namedBindings.name.text);
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) topNames.add(d.name.text);
    } else if (
      (ts.isFunctionDeclaration(st) ||
        ts.isClassDeclaration(st) ||
        ts.isInterfaceDeclaration(st) ||
        ts.isTypeAliasDeclaration(st)) &&
      st.name
    ) {
      topNames.add(st.name.text);
    }
  }

  let mapStmt: ts.VariableStatement | undefined;
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    const d = st.declarationList.declarations[0];
    if (
      ts.isIdentifier(d.name) &&
      /Methods$/.test(d.name.text) &&
      d.initializer &&
      ts.isObjectLiteralExpression(d.initializer)
    )
      mapStmt = st;
  }
  if (!mapStmt) throw new Error(`${file}: no method map`);
  const obj = mapStmt.declarationList.declarations[0].initializer as ts.ObjectLiteralExpression;

  const hoisted: string[] = [];
  const functions: string[] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  const used = new Set(topNames);

  for (const prop of obj.properties) {
    if (!ts.isPropertyAssignment(prop) || !ts.isStringLiteral(prop.name)) continue;
    const call = prop.initializer;
    if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) continue;
    const def = call.arguments[0];
    if (!def || !ts.isObjectLiteralExpression(def)) continue;
    const get = (k: string) =>
      def.properties.find(
        (p): p is ts.PropertyAssignment =>
          ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === k,
      );
    const handler = get('handler');
    const input = get('input');
    const kind = get('kind');
    if (!handler || !input || !kind) continue;
    const fn = handler.initializer;
    if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) continue;

    let name = functionName(prop.name.text);
    if (used.has(name)) name = `${name}Method`;
    used.add(name);

    let inputType: string;
    if (ts.isIdentifier(input.initializer)) inputType = `z.output<typeof ${input.initializer.text}>`;
    else {
      const inputName = `${name}Input`;
      used.add(inputName);
      hoisted.push(`const ${inputName} = ${input.initializer.getText(sf)};`);
      edits.push({ start: input.initializer.getStart(sf), end: input.initializer.getEnd(), text: inputName });
      inputType = `z.output<typeof ${inputName}>`;
    }
    const kindText = (kind.initializer as ts.StringLiteral).text;
    const ctxType = kindText === 'read' ? 'ReadCtx' : kindText === 'host' ? 'Host' : 'Ctx';
    const params = fn.parameters.map((p, i) => {
      const pn = p.name.getText(sf);
      if (p.type) return p.getText(sf);
      return i === 0 ? `${pn}: ${ctxType}` : `${pn}: ${inputType}`;
    });
    const isAsync = fn.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
    const ret = fn.type ? `: ${fn.type.getText(sf)}` : '';
    const body = ts.isBlock(fn.body) ? fn.body.getText(sf) : `{\n  return ${fn.body.getText(sf)};\n}`;
    // Comments written inside the map above the handler go with the function.
    const lead = text.slice(handler.getFullStart(), handler.getStart(sf)).trim();
    functions.push(
      `${lead ? `${lead}\n` : ''}${isAsync ? 'async ' : ''}function ${name}(${params.join(', ')})${ret} ${body}`,
    );
    edits.push({ start: handler.getFullStart(), end: handler.getEnd(), text: ` handler: ${name}` });
  }
  if (functions.length === 0) return;

  // The map text with its handlers replaced by their names.
  const mapStart = mapStmt.getFullStart();
  const mapEnd = mapStmt.getEnd();
  let mapText = text.slice(mapStart, mapEnd);
  for (const e of edits.sort((a, b) => b.start - a.start))
    mapText = mapText.slice(0, e.start - mapStart) + e.text + mapText.slice(e.end - mapStart);

  // The map goes after the imports and any top-level constant it reads; the functions where it was.
  const mapWords = new Set(mapText.match(/[A-Za-z_$][\w$]*/g) ?? []);
  let insertAt = 0;
  for (const st of sf.statements) {
    if (st.getStart(sf) >= mapStmt.getStart(sf)) break;
    if (ts.isImportDeclaration(st)) insertAt = st.getEnd();
    else if (
      ts.isVariableStatement(st) &&
      st.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && mapWords.has(d.name.text))
    )
      insertAt = st.getEnd();
  }
  const before = text.slice(0, insertAt);
  const between = text.slice(insertAt, mapStart);
  const after = text.slice(mapEnd);
  const out = `${before}\n\n${hoisted.length ? `${hoisted.join('\n\n')}\n\n` : ''}${mapText.trim()}\n${between}\n\n${functions.join('\n\n')}\n${after}`;
  writeFileSync(file, withTypeImports(out, functions.join('\n')));
  console.log(`${file}: ${functions.length} handlers named`);
}

/** Adds the context types and zod's `z` the new signatures name, where the file lacks them. */
function withTypeImports(out: string, signatures: string): string {
  let text = out;
  const defineImport = /import \{([^}]*)\} from '\.\.\/api\/define';/.exec(text);
  const needed = ['Ctx', 'ReadCtx', 'Host'].filter((n) => new RegExp(`: ${n}[,)]`).test(signatures));
  if (defineImport) {
    const have = defineImport[1]
      .split(',')
      .map((x) => x.trim().replace(/^type /, ''))
      .filter(Boolean);
    const add = needed.filter((n) => !have.includes(n)).map((n) => `type ${n}`);
    if (add.length)
      text = text.replace(
        defineImport[0],
        `import {${defineImport[1].replace(/\s*$/, '')}, ${add.join(', ')} } from '../api/define';`,
      );
  } else if (needed.length) {
    text = `import { ${needed.map((n) => `type ${n}`).join(', ')} } from '../api/define';\n${text}`;
  }
  if (/z\.output</.test(signatures) && !/import (type )?\{ z \} from 'zod'/.test(text))
    text = `import type { z } from 'zod';\n${text}`;
  return text;
}

for (const f of process.argv.slice(2)) convert(f);
