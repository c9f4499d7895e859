// Parses paperdex's exports with citation-js (https://citation.js.org), an independent implementation of RIS,
// BibTeX and CSL-JSON, and prints what it read as CSL-JSON: {"ris": [...], "bibtex": [...], "csljson": [...]}.
// usage: node tests/export/parse.mjs FILE.ris FILE.bib FILE.json
import { readFileSync } from 'node:fs';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';

const [ris, bib, csl] = process.argv.slice(2).map((f) => readFileSync(f, 'utf8'));
// Strict: a record citation-js cannot read is an error, not an empty list.
const read = (text, format) => {
  const items = plugins.input.chain(text, { forceType: format, generateGraph: false });
  if (!Array.isArray(items)) throw new Error(`${format}: not a list`);
  // Cite normalises the items as it would for output; each item's _graph (how it was read) is left out.
  return new Cite(items).data.map(({ _graph, ...item }) => item);
};
const out = {
  ris: read(ris, '@ris/file'),
  bibtex: read(bib, '@biblatex/text'),
  csljson: read(JSON.parse(csl), '@csl/list+object'),
};
process.stdout.write(JSON.stringify(out));
