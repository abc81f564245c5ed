// opentype.js ships an ES module build but no "exports" map, and its "main" is a UMD bundle whose
// namespace import has no named exports under Node; the server imports the ES build by path.
declare module 'opentype.js/dist/opentype.mjs' {
  export * from 'opentype.js';
}
