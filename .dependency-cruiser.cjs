// The layers import only downward: core → readers → stages → store → app (test/architecture.test.ts).
// A module may import its own layer and the layers under it; never one above, never in a cycle.
const LAYERS = ['core', 'readers', 'stages', 'store', 'app'];
const above = (i) => LAYERS.slice(i + 1).join('|');
module.exports = {
  forbidden: [
    { name: 'no-cycle', severity: 'error', comment: 'an import cycle: the layers must form a tree of imports', from: {}, to: { circular: true } },
    ...LAYERS.slice(0, -1).map((l, i) => ({
      name: `${l}-imports-downward`,
      severity: 'error',
      comment: `${l}/ imports only ${LAYERS.slice(0, i + 1).join(', ')}`,
      from: { path: `^${l}/` },
      to: { path: `^(${above(i)})/` },
    })),
    { name: 'code-not-test', severity: 'error', comment: 'the code never imports the tests', from: { path: `^(${LAYERS.join('|')})/` }, to: { path: '^test/' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|fixtures)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.json'] },
  },
};
