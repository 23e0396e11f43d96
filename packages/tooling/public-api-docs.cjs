// The house rule "every public export carries TSDoc with an @example" is easy to forget; each
// package's public-api-docs test checks its entry points with this, on the sources.
const ts = require('typescript');

/**
 * The exports of the TypeScript module `file` (and what they re-export) without an `@example`.
 * @param {string} file absolute path of an entry point
 * @returns {string[]}
 */
function undocumentedExports(file) {
  const program = ts.createProgram([file], { strict: true, noEmit: true, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`cannot read ${file}`);
  const missing = [];
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

module.exports = { undocumentedExports };
