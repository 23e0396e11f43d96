/**
 * Every public export of every entry point carries TSDoc with an `@example` (a house rule that
 * is easy to forget): checked with the TypeScript compiler on the sources.
 */
import { join } from 'node:path';
import ts from 'typescript';

const ENTRIES = ['index.ts', 'json.ts', 'errors.ts', 'model/index.ts'];

function undocumentedExports(entry: string): string[] {
  const file = join(__dirname, entry);
  const program = ts.createProgram([file], { strict: true, noEmit: true, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`cannot read ${entry}`);
  const missing: string[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const documented = (symbol.declarations ?? []).some((declaration) => {
      // `export const X = …` keeps its TSDoc on the variable statement.
      const node = ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration;
      return (
        ts.getJSDocTags(node).some((tag) => tag.tagName.text === 'example') ||
        ts.getJSDocCommentsAndTags(node).some((doc) => doc.getText().includes('@example'))
      );
    });
    if (!documented) missing.push(exported.name);
  }
  return missing;
}

describe('public API documentation', () => {
  it.each(ENTRIES)('every export of %s has an @example', (entry) => {
    expect(undocumentedExports(entry)).toEqual([]);
  });
});
