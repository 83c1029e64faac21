#!/usr/bin/env node
// Converts the npm package en-lexicon (MIT) into dyad's lexicon table:
// one line per word, "word<TAB>TAG|TAG|...", tags in the package's order
// (most frequent first). Run by the build: node convert_lexicon.js PKG_DIR OUT.
'use strict';
const fs = require('fs');
const path = require('path');

const [pkgDir, outPath] = process.argv.slice(2);
if (!pkgDir || !outPath) {
  console.error('usage: convert_lexicon.js EN_LEXICON_DIR OUT.tsv');
  process.exit(2);
}
const lexicon = require(path.resolve(pkgDir, 'dist', 'lexicon.js')).default;
const lines = [];
for (const word of Object.keys(lexicon).sort()) {
  const tags = lexicon[word];
  if (typeof tags !== 'string' || !tags || /[\t\n]/.test(word)) continue;
  lines.push(word + '\t' + tags);
}
fs.writeFileSync(outPath, lines.join('\n') + '\n');
console.log(`en-lexicon: ${lines.length} words -> ${outPath}`);
