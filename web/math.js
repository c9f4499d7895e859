// TeX math in titles and abstracts ($…$, $$…$$, \(…\), \[…\]) rendered with KaTeX. paperdex serves Debian's
// libjs-katex at katex/ (same origin: the page's Content-Security-Policy allows nothing else), loaded only when a
// page shows math. Without it (the package not installed) the TeX source stays as it is, as the API gives it.

// The elements that show a work's title, abstract or snippet.
const TEX_SELECTOR = '.hit-title, .work-page h1, .abstract, .snippet, .connecting a';
// As text::kMaxMathBytes on the server (src/corpus/tex_math.cpp): a "$" whose closing "$" is further away is a
// dollar sign. The server measures bytes, this UTF-16 units; math is ASCII, so they agree where it matters.
const MAX_MATH = 400;

let katexModule;
function loadKatex() {
  katexModule ??= import('./katex/katex.mjs').then((m) => m.default, () => null);
  return katexModule;
}

// The closing delimiter `close` of math whose content starts at `from`: the index after it, or -1. A backslash
// escapes the character after it.
function closing(s, from, close) {
  const limit = Math.min(s.length, from + MAX_MATH);
  for (let p = from; p < limit; p++) {
    if (s.startsWith(close, p) && p + close.length <= limit) return p + close.length;
    if (s[p] === '\\') p++;
  }
  return -1;
}

// The math spans of `s` as [begin, end, delimiter length], found as the server finds them (text::math_spans), so
// that what a snippet keeps whole is what is rendered.
export function mathSpans(s) {
  const spans = [];
  for (let p = 0; p < s.length;) {
    let open = '';
    if (s[p] === '$') open = s.startsWith('$$', p) ? '$$' : '$';
    else if (s[p] === '\\' && (s[p + 1] === '(' || s[p + 1] === '[')) open = s.slice(p, p + 2);
    if (!open) { p += s[p] === '\\' ? 2 : 1; continue; }
    const close = open === '\\(' ? '\\)' : open === '\\[' ? '\\]' : open;
    const end = closing(s, p + open.length, close);
    if (end < 0) { p += open === '$$' ? 2 : 1; continue; }
    spans.push([p, end, open.length]);
    p = end;
  }
  return spans;
}

// Text nodes under `root`'s title, abstract and snippet elements that may hold math.
function candidates(root) {
  const nodes = [];
  for (const el of root.querySelectorAll(TEX_SELECTOR)) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (/[$\\]/.test(n.data)) nodes.push(n);
  }
  return nodes;
}

function renderOne(katex, node) {
  const s = node.data;
  const spans = mathSpans(s);
  if (!spans.length) return;
  const out = document.createDocumentFragment();
  let p = 0;
  for (const [begin, end, d] of spans) {
    out.append(s.slice(p, begin));
    const el = document.createElement('span');
    el.className = 'math';
    // trust: false (KaTeX's default) keeps \href, \url and HTML extensions inert; errors show the source.
    katex.render(s.slice(begin + d, end - d), el, { throwOnError: false, strict: 'ignore', trust: false, maxExpand: 100 });
    out.append(el);
    p = end;
  }
  out.append(s.slice(p));
  node.replaceWith(out);
}

// Renders the math of the page just put into `root`; sets root.dataset.math to "rendered" (or "source" when
// KaTeX is not there) once done, for tests and for styles.
export async function renderMath(root) {
  delete root.dataset.math;
  const nodes = candidates(root);
  if (!nodes.length) return;
  const katex = await loadKatex();
  if (!katex) { root.dataset.math = 'source'; return; }
  for (const node of nodes) if (node.isConnected) renderOne(katex, node);  // a newer page may have replaced it
  root.dataset.math = 'rendered';
}
