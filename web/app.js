// paperdex web page: search, facets, works with "more like this", researcher pages with suggested
// collaborators. One ES module (and math.js for TeX), no framework, no build step. All state lives in the URL's
// query string (view, q, filters, page), so every page is shareable and the back button replays it (pushState +
// popstate).
//
// Safety: every value from the API is HTML-escaped by the `html` template tag below. The only markup taken
// from the API is the search snippet and title (<mark> around matches), and even those go through
// `marked()`, which keeps the text and the <mark> elements and drops every other tag. TeX math in them is
// rendered afterwards by math.js, on the page's text nodes, never from markup.

import { renderMath } from './math.js';

const PER_PAGE = 10;
const MAX_WINDOW = 10000;  // the API refuses page × per_page past 10,000
const FACETS = ['year', 'type', 'venue', 'topic', 'author'];
const LIST_FILTERS = ['type', 'venue', 'topic', 'author'];
const FACET_LABEL = { year: 'Year', type: 'Type', venue: 'Venue', topic: 'Topic', author: 'Author' };
const FACET_SHOWN = 8;  // values shown before "more"

// ---------------------------------------------------------------------------------------------------------
// HTML building: escape by default, opt in to markup with raw()/marked().

class Html {
  constructor(s) { this.s = s; }
  toString() { return this.s; }
}
const raw = (s) => new Html(String(s));
const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (v) => String(v).replace(/[&<>"']/g, (c) => ESC[c]);
function fmt(v) {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Html) return v.s;
  if (Array.isArray(v)) return v.map(fmt).join('');
  return esc(v);
}
function html(strings, ...values) {
  let out = strings[0];
  values.forEach((v, i) => { out += fmt(v) + strings[i + 1]; });
  return new Html(out);
}
const join = (items, sep) => raw(items.map(fmt).join(fmt(sep)));

// The API's snippets are HTML-escaped text with <mark> around matches. Parse them inertly (a <template>
// runs no scripts and loads nothing) and rebuild: text escaped again, <mark> kept, any other tag dropped.
function marked(s) {
  const t = document.createElement('template');
  t.innerHTML = String(s ?? '');
  const walk = (node) => {
    let out = '';
    for (const n of node.childNodes) {
      if (n.nodeType === Node.TEXT_NODE) out += esc(n.data);
      else if (n.nodeType === Node.ELEMENT_NODE) out += n.localName === 'mark' ? `<mark>${walk(n)}</mark>` : walk(n);
    }
    return out;
  };
  return raw(walk(t.content));
}

const number = (n) => (typeof n === 'number' ? n.toLocaleString('en-US') : String(n ?? ''));
const $ = (sel, root = document) => root.querySelector(sel);

// ---------------------------------------------------------------------------------------------------------
// The API.

class ApiError extends Error {
  constructor(status, code, message, parameter) {
    super(message);
    this.status = status;
    this.code = code;
    this.parameter = parameter;
  }
}

function query(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => p.append(k, x));
    else p.set(k, String(v));
  }
  return p.toString();
}

async function api(path, params = {}, init = undefined) {
  const qs = query(params);
  let res;
  try {
    res = await fetch(qs ? `${path}?${qs}` : path, { headers: { Accept: 'application/json' }, ...init });
  } catch (e) {
    throw new ApiError(0, 'network', `Cannot reach the paperdex server (${e.message}).`);
  }
  let body = null;
  try { body = await res.json(); } catch { /* not JSON: reported below */ }
  if (!res.ok || body === null) {
    const err = body && body.error ? body.error : {};
    throw new ApiError(res.status, err.code || `http_${res.status}`,
      err.message || `The server answered ${res.status} ${res.statusText} without a JSON body.`, err.parameter);
  }
  return body;
}

// Work ids hold ':' and '/' (arxiv:hep-th/9901001): the server takes the rest of the path as the id, so
// those stay as they are and everything else is percent-encoded.
const workPath = (id) => `/api/works/${encodeURIComponent(id).replace(/%3A/gi, ':').replace(/%2F/gi, '/')}`;
const authorPath = (key) => `/api/authors/${encodeURIComponent(key)}`;

// ---------------------------------------------------------------------------------------------------------
// URL state.

const posInt = (s, fallback) => {
  const n = Number.parseInt(s ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? n : fallback;
};
const url = (params) => {
  const qs = query(params);
  return qs ? `?${qs}` : location.pathname;
};

function searchState(p) {
  return {
    q: p.get('q') ?? '',
    year: p.get('year') ?? '',
    type: p.getAll('type'), venue: p.getAll('venue'), topic: p.getAll('topic'), author: p.getAll('author'),
    sort: p.get('sort') === 'year' ? 'year' : '',
    page: posInt(p.get('page'), 1),
  };
}
// A search URL; any change but paging goes back to page 1.
function searchUrl(s, changes = {}) {
  const n = { ...s, page: 1, ...changes };
  return url({
    q: n.q, year: n.year, type: n.type, venue: n.venue, topic: n.topic, author: n.author,
    sort: n.sort, page: n.page > 1 ? n.page : '',
  });
}
const workUrl = (id, extra = {}) => url({ view: 'work', id, ...extra });
// An author is linked by the source's id when there is one, else by name: the API resolves both to a key.
const authorUrl = (keyOrName, page) => url({ view: 'author', key: keyOrName, page: page > 1 ? page : '' });
const authorRef = (a) => (a.id ? `id:${a.id}` : guessKey(a.name));
// The server keys a name by folding case and accents and turning punctuation into spaces (author_key()).
// This guess is only a shortcut for links: a name it gets wrong is resolved through /api/authors.
const guessKey = (name) => String(name).normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
  .replace(/\p{Pd}/gu, '-').replace(/[^\p{L}\p{N}-]+/gu, ' ').trim();

function parseYear(y) {
  const m = /^(\d{4})?(?:\.\.(\d{4})?)?$/.exec(y || '');
  if (!m || !y) return { from: '', to: '' };
  if (!y.includes('..')) return { from: m[1], to: m[1] };
  return { from: m[1] || '', to: m[2] || '' };
}
function yearParam(from, to) {
  if (!from && !to) return '';
  if (from && from === to) return from;
  return `${from || ''}..${to || ''}`;
}

// ---------------------------------------------------------------------------------------------------------
// Small views shared by the pages.

function errorTitle(err) {
  if (!(err instanceof ApiError)) return 'Something went wrong';
  if (err.status === 0) return 'The server cannot be reached';
  if (err.status === 400) return err.parameter === 'q' ? 'That query could not be run' : 'That request could not be run';
  if (err.status === 404) return 'Not found';
  return 'Something went wrong';
}

function errorBox(err) {
  const status = err instanceof ApiError && err.status ? `${err.status} · ${err.code}` : err.code || 'error';
  return html`<div class="error" role="alert">
    <p class="error-title">${errorTitle(err)} <span class="error-code">(${status})</span></p>
    <p class="error-message">${err.message}</p>
    ${err.parameter ? html`<p class="error-param">Parameter: <code>${err.parameter}</code></p>` : ''}
    ${err.parameter === 'q' ? html`<p>Check the query syntax: quotes must be balanced, and <code>AND</code>,
      <code>OR</code>, <code>NOT</code> need a term on each side.</p>` : ''}
  </div>`;
}

function authorLinks(authors, max = 6) {
  if (!authors || !authors.length) return '';
  const shown = authors.slice(0, max).map((a) => html`<a class="author" href="${authorUrl(authorRef(a))}">${a.name}</a>`);
  const more = authors.length > max ? html` <span class="more">+${authors.length - max} more</span>` : '';
  return html`<span class="authors">${join(shown, ', ')}${more}</span>`;
}

function workMeta(w) {
  const bits = [];
  if (w.authors && w.authors.length) bits.push(authorLinks(w.authors));
  if (w.year) bits.push(html`<span class="year">${w.year}</span>`);
  if (w.venue) bits.push(html`<span class="venue" title="${w.venue_name || w.venue}">${w.venue}</span>`);
  if (w.type) bits.push(html`<span class="type">${w.type}</span>`);
  return join(bits, raw(' <span class="sep" aria-hidden="true">·</span> '));
}

const safeHttp = (u) => (typeof u === 'string' && /^https?:\/\//i.test(u) ? u : '');
function externalLinks(w) {
  const links = [];
  if (w.arxiv_id) links.push(html`<a class="ext arxiv" href="${`https://arxiv.org/abs/${w.arxiv_id}`}" rel="noopener" target="_blank">arXiv:${w.arxiv_id}</a>`);
  if (w.doi) links.push(html`<a class="ext doi" href="${`https://doi.org/${w.doi}`}" rel="noopener" target="_blank">DOI:${w.doi}</a>`);
  if (!links.length && safeHttp(w.url)) links.push(html`<a class="ext url" href="${safeHttp(w.url)}" rel="noopener" target="_blank">Source</a>`);
  return links;
}

function pager(page, total, perPage, hrefOf, label) {
  const pages = Math.min(Math.ceil(total / perPage), Math.floor(MAX_WINDOW / perPage));
  if (pages <= 1) return '';
  const nums = new Set([1, pages]);
  for (let i = page - 2; i <= page + 2; i++) if (i >= 1 && i <= pages) nums.add(i);
  const sorted = [...nums].sort((a, b) => a - b);
  const items = [];
  items.push(page > 1
    ? html`<li><a class="prev" rel="prev" href="${hrefOf(page - 1)}">‹ Previous</a></li>`
    : html`<li><span class="prev disabled" aria-disabled="true">‹ Previous</span></li>`);
  let last = 0;
  for (const n of sorted) {
    if (n - last > 1) items.push(html`<li class="gap" aria-hidden="true">…</li>`);
    items.push(n === page
      ? html`<li><a class="page current" aria-current="page" href="${hrefOf(n)}">${n}</a></li>`
      : html`<li><a class="page" href="${hrefOf(n)}" aria-label="Page ${n}">${n}</a></li>`);
    last = n;
  }
  items.push(page < pages
    ? html`<li><a class="next" rel="next" href="${hrefOf(page + 1)}">Next ›</a></li>`
    : html`<li><span class="next disabled" aria-disabled="true">Next ›</span></li>`);
  return html`<nav class="pager" aria-label="${label}"><ul>${items}</ul></nav>`;
}

// ---------------------------------------------------------------------------------------------------------
// Search page.

function apiFilters(s, except = '') {
  const f = {};
  if (s.q) f.q = s.q;
  if (s.year && except !== 'year') f.year = s.year;
  for (const name of LIST_FILTERS) if (except !== name && s[name].length) f[name] = s[name];
  return f;
}

async function searchPage(p) {
  const s = searchState(p);
  const active = FACETS.filter((f) => (f === 'year' ? s.year : s[f].length));
  // Counts for a field the user filters on come from the search without that field's own filter
  // ("disjunctive" facets): the values stay visible and say how many each would give instead.
  const [res, ...others] = await Promise.all([
    api('/api/search', { ...apiFilters(s), sort: s.sort, page: s.page, per_page: PER_PAGE, facets: FACETS.join(',') }),
    ...active.map((f) => api('/api/search', { ...apiFilters(s, f), per_page: 1, facets: f })),
  ]);
  const facets = { ...(res.facets || {}) };
  active.forEach((f, i) => { if (others[i].facets && others[i].facets[f]) facets[f] = others[i].facets[f]; });

  const hasFilters = active.length > 0;
  document.title = s.q ? `${s.q} · paperdex` : 'paperdex';
  const exact = res.total_exact === false ? '≈ ' : '';
  const from = res.total ? (s.page - 1) * PER_PAGE + 1 : 0;
  const to = Math.min(s.page * PER_PAGE, res.total);
  const summary = res.total
    ? html`<span class="count" data-total="${res.total}">${exact}${number(res.total)}</span> ${res.total === 1 ? 'work' : 'works'}${s.q ? html` for <q>${s.q}</q>` : ''}${res.total > PER_PAGE ? html` · showing ${number(from)}–${number(to)}` : ''}`
    : html`<span class="count" data-total="0">No works</span>${s.q ? html` for <q>${s.q}</q>` : ''}`;

  const hits = res.hits || [];
  return html`
    <div class="search-page">
      <aside class="facets" aria-label="Filters">${facetSidebar(s, facets)}</aside>
      <section class="results" aria-labelledby="results-h">
        <h1 id="results-h" class="visually-hidden">Search results</h1>
        ${!s.q && !hasFilters ? html`<p class="intro">Search ${number(res.total)} scholarly works by title and abstract,
          browse by year, venue, topic and author, find similar works and likely collaborators.</p>${likeForm('')}` : ''}
        <div class="results-bar">
          <p class="summary">${summary} <span class="took">(${number(Math.round((res.took_ms ?? 0) * 10) / 10)} ms)</span></p>
          <label class="sort">Sort
            <select data-action="sort" data-fk="sort">
              <option value="" ${s.sort ? '' : raw('selected')}>by relevance</option>
              <option value="year" ${s.sort === 'year' ? raw('selected') : ''}>newest first</option>
            </select>
          </label>
        </div>
        ${(res.hits || []).length ? exportLinks(s) : ''}
        ${res.query_fallback ? html`<p class="query-fallback">The query could not be read as written (a stray quote?),
          so its words were searched.</p>` : ''}
        ${res.corrected_query ? html`<p class="did-you-mean">Did you mean
          <a href="${searchUrl(s, { q: res.corrected_query })}">${res.corrected_query}</a>?</p>` : ''}
        ${activeFilters(s)}
        ${hits.length ? html`<ol class="hits" start="${from}">${hits.map(hitItem)}</ol>`
          : html`<p class="empty">No work matches${hasFilters ? html`; <a href="${searchUrl({ ...s, year: '', type: [], venue: [], topic: [], author: [] })}">clear the filters</a>` : ''}.</p>`}
        ${pager(s.page, res.total, PER_PAGE, (n) => searchUrl(s, { page: n }), 'Result pages')}
      </section>
    </div>`;
}

function hitItem(h) {
  const w = h.work || {};
  const id = w.id || h.id;
  return html`<li class="hit" data-id="${id}">
    <h2 class="hit-title"><a href="${workUrl(id)}">${h.title_html ? marked(h.title_html) : w.title || id}</a></h2>
    <p class="meta">${workMeta(w)}</p>
    ${h.snippet ? html`<p class="snippet">${marked(h.snippet)}</p>` : ''}
    <p class="links">${externalLinks(w)}<a class="mlt" href="${workUrl(id, { similar: 1 })}">More like this</a></p>
  </li>`;
}

function activeFilters(s) {
  const chips = [];
  if (s.year) {
    const { from, to } = parseYear(s.year);
    const label = from === to ? from : `${from || '…'}–${to || '…'}`;
    chips.push(html`<li><a class="chip" href="${searchUrl(s, { year: '' })}" aria-label="Remove filter year ${label}">Year: ${label} <span aria-hidden="true">×</span></a></li>`);
  }
  for (const f of LIST_FILTERS) {
    for (const v of s[f]) {
      chips.push(html`<li><a class="chip" href="${searchUrl(s, { [f]: s[f].filter((x) => x !== v) })}" aria-label="Remove filter ${FACET_LABEL[f]} ${v}">${FACET_LABEL[f]}: ${v} <span aria-hidden="true">×</span></a></li>`);
    }
  }
  if (!chips.length) return '';
  const cleared = searchUrl({ ...s, year: '', type: [], venue: [], topic: [], author: [] });
  return html`<ul class="active-filters" aria-label="Active filters">${chips}<li><a class="clear-all" href="${cleared}">Clear all</a></li></ul>`;
}

function facetSidebar(s, facets) {
  const groups = [];
  groups.push(yearFacet(s, facets.year));
  for (const f of LIST_FILTERS) groups.push(listFacet(s, f, facets[f]));
  // A <details>, open on wide screens, so that on a phone the results come first; it stays as the user left it.
  return html`<details class="refine" ${refineOpen ? raw('open') : ''}>
    <summary><h2 class="facets-title">Refine</h2></summary><div class="facet-groups">${groups}</div></details>`;
}
let refineOpen = window.matchMedia('(min-width: 861px)').matches;

function facetButton(f, value, count, pressed, href) {
  return html`<li><a class="facet-value" href="${href}" role="button" aria-pressed="${pressed ? 'true' : 'false'}"
      data-facet="${f}" data-value="${value}" data-fk="${`facet:${f}:${value}`}">
      <span class="value">${value}</span><span class="n" data-count="${count}">${number(count)}</span></a></li>`;
}

function yearFacet(s, facet) {
  const { from, to } = parseYear(s.year);
  const values = facet ? [...facet.values].sort((a, b) => Number(a.value) - Number(b.value)) : [];
  const years = values.map((v) => v.value);
  for (const y of [from, to]) if (y && !years.includes(y)) years.push(y);
  years.sort();
  const options = (sel) => html`<option value="">any</option>${years.map((y) => html`<option value="${y}" ${y === sel ? raw('selected') : ''}>${y}</option>`)}`;
  const items = values.map((v) => {
    const pressed = from === v.value && to === v.value;
    return facetButton('year', v.value, v.count, pressed, searchUrl(s, { year: pressed ? '' : v.value }));
  });
  return html`<section class="facet" data-facet="year" aria-labelledby="facet-year-h">
    <h3 id="facet-year-h">Year ${facet && facet.exact === false ? html`<span class="approx" title="estimated counts">≈</span>` : ''}
      ${s.year ? html`<a class="facet-clear" href="${searchUrl(s, { year: '' })}">clear</a>` : ''}</h3>
    <div class="year-range">
      <label for="year-from">From</label> <select id="year-from" data-action="year-from" data-fk="year-from" aria-label="Year from">${options(from)}</select>
      <label for="year-to">to</label> <select id="year-to" data-action="year-to" data-fk="year-to" aria-label="Year to">${options(to)}</select>
    </div>
    ${items.length ? html`<ul class="facet-values">${items}</ul>` : html`<p class="facet-empty">No years</p>`}
  </section>`;
}

function listFacet(s, f, facet) {
  const selected = s[f];
  const values = facet ? [...facet.values] : [];
  // A selected value is always listed, even when it has fallen out of the top values.
  for (const v of selected) if (!values.some((x) => x.value === v)) values.push({ value: v, count: 0 });
  if (!values.length) return '';
  const item = (v) => {
    const pressed = selected.includes(v.value);
    const next = pressed ? selected.filter((x) => x !== v.value) : [...selected, v.value];
    return facetButton(f, v.value, v.count, pressed, searchUrl(s, { [f]: next }));
  };
  const head = values.slice(0, FACET_SHOWN).map(item);
  const rest = values.slice(FACET_SHOWN).map(item);
  return html`<section class="facet" data-facet="${f}" aria-labelledby="${`facet-${f}-h`}">
    <h3 id="${`facet-${f}-h`}">${FACET_LABEL[f]} ${facet && facet.exact === false ? html`<span class="approx" title="estimated counts">≈</span>` : ''}
      ${selected.length ? html`<a class="facet-clear" href="${searchUrl(s, { [f]: [] })}">clear</a>` : ''}</h3>
    <ul class="facet-values">${head}</ul>
    ${rest.length ? html`<details class="facet-more"><summary>${rest.length} more</summary><ul class="facet-values">${rest}</ul></details>` : ''}
  </section>`;
}

// ---------------------------------------------------------------------------------------------------------
// Work page, with "more like this".

async function workPage(p) {
  const id = p.get('id');
  if (!id) throw new ApiError(400, 'invalid_parameter', 'No work id in the address (expected ?view=work&id=…).', 'id');
  const showSimilar = p.get('similar') === '1';
  const spage = posInt(p.get('spage'), 1);
  const syear = p.get('syear') ?? '';  // the similar works' year filter, as the search's year
  const [res, similar] = await Promise.all([
    api(workPath(id)),
    showSimilar ? api(`${workPath(id)}/similar`, { year: syear, page: spage, per_page: PER_PAGE }).catch((error) => ({ error })) : null,
  ]);
  const w = res.work || {};
  document.title = `${w.title || id} · paperdex`;
  const topics = (w.topics || []).map((t) => html`<li><a class="chip topic" href="${searchUrl({ ...searchState(new URLSearchParams()), topic: [t] })}">${t}</a></li>`);
  return html`<article class="work-page" data-id="${w.id}">
    <p class="crumbs"><a href="./">paperdex</a> › work <code>${w.id}</code></p>
    <h1 tabindex="-1">${w.title || w.id}</h1>
    <p class="meta">${workMeta(w)}${w.date ? html` <span class="sep" aria-hidden="true">·</span> <time datetime="${w.date}">${w.date}</time>` : ''}</p>
    <p class="links">${externalLinks(w)}</p>
    ${citeBox(w.id)}
    ${topics.length ? html`<ul class="chips topics" aria-label="Topics">${topics}</ul>` : ''}
    <h2>Abstract</h2>
    ${w.abstract ? html`<p class="abstract">${w.abstract}</p>` : html`<p class="abstract empty">No abstract.</p>`}
    <section class="similar" aria-labelledby="similar-h">
      <h2 id="similar-h" tabindex="-1">More like this</h2>
      ${showSimilar ? html`${similarYears(id, syear)}${similarBlock(similar, spage, (n) => workUrl(id, { similar: 1, syear, spage: n > 1 ? n : '' }))}`
        : html`<p><a class="button show-similar" href="${workUrl(id, { similar: 1 })}">Show works like this one</a>
            <span class="hint-inline">found through this work's most telling terms</span></p>`}
    </section>
  </article>`;
}

// ---------------------------------------------------------------------------------------------------------
// "Cite": the work as BibTeX, RIS or CSL-JSON (GET /api/works/{id}?format=...), shown to copy and offered as a
// download. The text is fetched when the box is opened or a format is picked, and shown as text (never markup).

const CITE_FORMATS = [
  { format: 'bibtex', label: 'BibTeX', ext: 'bib' },
  { format: 'ris', label: 'RIS', ext: 'ris' },
  { format: 'csljson', label: 'CSL-JSON', ext: 'json' },
];
const citePath = (id, format) => `${workPath(id)}?format=${format}`;

function citeBox(id) {
  const safe = id.replace(/[^A-Za-z0-9._-]+/g, '_');
  return html`<details class="cite" data-id="${id}">
    <summary class="button cite-button">Cite</summary>
    <div class="cite-body">
      <div class="cite-formats" role="group" aria-label="Citation format">
        ${CITE_FORMATS.map((f) => html`<button type="button" class="cite-format" data-action="cite-format"
          data-format="${f.format}" aria-pressed="${f.format === 'bibtex' ? 'true' : 'false'}">${f.label}</button>`)}
      </div>
      <pre class="citation" aria-live="polite" tabindex="0"></pre>
      <p class="cite-actions"><button type="button" class="cite-copy" data-action="cite-copy">Copy</button>
        Download: ${join(CITE_FORMATS.map((f) => html`<a class="cite-download" data-format="${f.format}"
          href="${citePath(id, f.format)}" download="${safe}.${f.ext}">${f.label}</a>`), ' · ')}</p>
    </div>
  </details>`;
}

// The works of the page shown, as a download in each format (GET /api/search?...&format=...).
function exportLinks(s) {
  const params = { ...apiFilters(s), sort: s.sort, page: s.page, per_page: PER_PAGE };
  return html`<p class="export-page">Cite this page: ${join(CITE_FORMATS.map((f) => html`<a class="export-download"
    data-format="${f.format}" href="${`/api/search?${query({ ...params, format: f.format })}`}"
    download="paperdex-search.${f.ext}">${f.label}</a>`), ' · ')}</p>`;
}

async function showCitation(box, format) {
  box.dataset.format = format;
  for (const b of box.querySelectorAll('.cite-format')) b.setAttribute('aria-pressed', String(b.dataset.format === format));
  const pre = box.querySelector('.citation');
  pre.textContent = 'Loading…';
  try {
    const res = await fetch(citePath(box.dataset.id, format));
    const text = await res.text();
    if (box.dataset.format !== format) return;  // another format was picked meanwhile
    if (!res.ok) {
      let message = `${res.status} ${res.statusText}`;
      try { message = JSON.parse(text).error.message; } catch { /* not the API's JSON error */ }
      pre.textContent = `Cannot export: ${message}`;
    } else {
      pre.textContent = text;
    }
  } catch (e) {
    pre.textContent = `Cannot reach the paperdex server (${e.message}).`;
  }
  pre.dataset.loaded = format;
}

$('#view').addEventListener('toggle', (e) => {
  const box = e.target;
  if (box.classList && box.classList.contains('cite') && box.open && !box.dataset.format) showCitation(box, 'bibtex');
}, true);  // 'toggle' does not bubble

$('#view').addEventListener('click', (e) => {
  const button = e.target.closest && e.target.closest('button[data-action^="cite-"]');
  if (!button) return;
  const box = button.closest('.cite');
  if (button.dataset.action === 'cite-format') showCitation(box, button.dataset.format);
  if (button.dataset.action === 'cite-copy' && navigator.clipboard) {
    navigator.clipboard.writeText(box.querySelector('.citation').textContent).then(
      () => { button.textContent = 'Copied'; setTimeout(() => { button.textContent = 'Copy'; }, 1500); },
      () => { button.textContent = 'Copy failed'; });
  }
});

// Filters apply to "more like this" as to a search; the year is the one readers ask for ("only recent work").
function similarYears(id, syear) {
  const { from, to } = parseYear(syear);
  return html`<form class="similar-years" data-action="similar-years" data-id="${id}">
    <span class="why-label">Years</span>
    <label for="syear-from" class="visually-hidden">Similar works from year</label>
    <input id="syear-from" name="from" type="number" inputmode="numeric" min="1000" max="9999" placeholder="from" value="${from}">
    <span aria-hidden="true">–</span>
    <label for="syear-to" class="visually-hidden">Similar works to year</label>
    <input id="syear-to" name="to" type="number" inputmode="numeric" min="1000" max="9999" placeholder="to" value="${to}">
    <button type="submit">Apply</button>
    ${syear ? html`<a href="${workUrl(id, { similar: 1 })}">any year</a>` : ''}
  </form>`;
}

function similarBlock(res, spage, pageUrl, source = "this work's") {
  if (res.error) return errorBox(res.error);
  // Only the terms that read as reasons (`shown`); the query also ran on the others.
  const terms = (res.terms || []).filter((t) => t.shown !== false).slice(0, 12).map((t) => html`<li class="chip term" title="${`weight ${Number(t.weight).toFixed(2)}`}">${t.display || t.term}</li>`);
  const hits = res.hits || [];
  const from = (spage - 1) * PER_PAGE + 1;
  return html`
    ${terms.length ? html`<p class="terms-label">Found through ${source} terms:</p><ul class="chips terms">${terms}</ul>` : ''}
    <p class="summary"><span class="count" data-total="${res.total}">${res.total_exact === false ? '≈ ' : ''}${number(res.total)}</span> similar ${res.total === 1 ? 'work' : 'works'}</p>
    ${hits.length ? html`<ol class="hits similar-hits" start="${from}">${hits.map(similarItem)}</ol>` : html`<p class="empty">No similar work found.</p>`}
    ${pager(spage, res.total, PER_PAGE, pageUrl, 'Similar work pages')}`;
}

function similarItem(h) {
  const w = h.work || {};
  const id = w.id || h.id;
  const why = (h.matched_terms || []).map((t) => html`<li class="chip matched">${t}</li>`);
  return html`<li class="hit similar-hit" data-id="${id}">
    <h3 class="hit-title"><a href="${workUrl(id)}">${w.title || id}</a></h3>
    <p class="meta">${workMeta(w)}</p>
    <div class="why"><span class="why-label">Why similar: shares</span>
      ${why.length ? html`<ul class="chips matched-terms" aria-label="Matched terms">${why}</ul>` : html`<span>no listed term</span>`}</div>
    <p class="links">${externalLinks(w)}<a class="mlt" href="${workUrl(id, { similar: 1 })}">More like this</a></p>
  </li>`;
}

// ---------------------------------------------------------------------------------------------------------
// Works like a pasted text (POST /api/similar). The text lives in the address's #fragment, which the browser
// never sends to the server, so a long abstract makes no long request line and the page is still shareable.

const likeText = () => {
  const h = new URLSearchParams(location.hash.slice(1));
  return h.get('text') ?? '';
};
const likeUrl = (text, page) => `${url({ view: 'like', page: page > 1 ? page : '' })}#${new URLSearchParams({ text })}`;

function likeForm(text, open = false) {
  return html`<details class="like" ${open || text ? raw('open') : ''}>
    <summary>Find works like an abstract you paste</summary>
    <form class="like-form" data-action="like">
      <label for="like-text">Abstract or any passage</label>
      <textarea id="like-text" name="text" rows="6" maxlength="20000" required>${text}</textarea>
      <button type="submit" class="button">Find similar works</button>
    </form>
  </details>`;
}

async function likePage(p) {
  const text = likeText();
  const page = posInt(p.get('page'), 1);
  document.title = 'Works like a pasted text · paperdex';
  let res = null;
  if (text.trim()) {
    res = await api('/api/similar', {}, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ text, page, per_page: PER_PAGE }),
    }).catch((error) => ({ error }));
  }
  return html`<article class="like-page">
    <p class="crumbs"><a href="./">paperdex</a> › similar to a text</p>
    <h1 tabindex="-1">Works like a pasted text</h1>
    ${likeForm(text, true)}
    ${res ? html`<section class="similar" aria-labelledby="similar-h"><h2 id="similar-h" tabindex="-1">Similar works</h2>
      ${similarBlock(res, page, (n) => likeUrl(text, n), "the text's")}</section>` : ''}
  </article>`;
}

// ---------------------------------------------------------------------------------------------------------
// Author page, with co-authors and suggested collaborators.

async function authorPage(p) {
  const key = p.get('key');
  if (!key) throw new ApiError(400, 'invalid_parameter', 'No author in the address (expected ?view=author&key=…).', 'key');
  const page = posInt(p.get('page'), 1);
  const load = (k) => Promise.all([
    api(authorPath(k), { page, per_page: PER_PAGE }),
    api(`${authorPath(k)}/collaborators`, { limit: 10 }).catch((error) => ({ error })),
  ]);
  let prof;
  let coll;
  try {
    [prof, coll] = await load(key);
  } catch (err) {
    // Not a key: maybe a name (a shared link, a name typed in the address). Resolve it by exact name.
    if (!(err instanceof ApiError) || err.status !== 404) throw err;
    const found = await resolveAuthor(key);
    if (!found) throw err;
    [prof, coll] = await load(found);
    history.replaceState(null, '', authorUrl(found, page));
  }
  const a = prof.author || {};
  document.title = `${a.name || key} · paperdex`;
  const years = a.first_year ? (a.first_year === a.last_year ? `${a.first_year}` : `${a.first_year}–${a.last_year}`) : '';
  const works = prof.works || [];
  const noFilters = searchState(new URLSearchParams());
  // The search's author filter takes a name (shown as the facet shows it) or, for a source id, the key itself.
  const filterName = a.key && a.key.startsWith('id:') ? a.key : a.name;
  const topics = (a.topics || []).map((t) => html`<li><a class="chip topic" href="${searchUrl({ ...noFilters, author: [filterName], topic: [t.value] })}">${t.value} <span class="n">${number(t.count)}</span></a></li>`);
  const terms = (a.terms || []).map((t) => html`<li><a class="chip term" href="${searchUrl({ ...noFilters, q: t.display || t.term })}">${t.display || t.term}</a></li>`);
  const coauthors = (a.coauthors || []).map((c) => html`<li class="coauthor"><a href="${authorUrl(c.key)}">${c.name}</a>
      <span class="n">${number(c.count)} joint ${c.count === 1 ? 'work' : 'works'}</span>${dateSpan(c.first_date, c.last_date)}</li>`);
  return html`<article class="author-page" data-key="${a.key}">
    <p class="crumbs"><a href="./">paperdex</a> › researcher</p>
    <h1 tabindex="-1">${a.name || key}</h1>
    <p class="meta"><span class="works-count">${number(a.works_count ?? prof.works_total)} ${a.works_count === 1 ? 'work' : 'works'}</span>
      ${years ? html` <span class="sep" aria-hidden="true">·</span> active ${years}` : ''}
      <span class="sep" aria-hidden="true">·</span> <a href="${searchUrl({ ...noFilters, author: [filterName] })}">search their works</a></p>
    <div class="author-grid">
      <section class="author-works" aria-labelledby="works-h">
        <h2 id="works-h">Works <span class="n">${number(prof.works_total)}</span></h2>
        ${works.length ? html`<ol class="hits works" start="${(page - 1) * PER_PAGE + 1}">${works.map(workItem)}</ol>` : html`<p class="empty">No works.</p>`}
        ${pager(page, prof.works_total || 0, PER_PAGE, (n) => authorUrl(a.key || key, n), 'Work pages')}
      </section>
      <div class="author-side">
        <section class="author-topics" aria-labelledby="topics-h">
          <h2 id="topics-h">Topics</h2>
          ${topics.length ? html`<ul class="chips topics">${topics}</ul>` : html`<p class="empty">No topics in this corpus.</p>`}
          ${terms.length ? html`<h3>Characteristic terms</h3><ul class="chips terms">${terms}</ul>` : ''}
        </section>
        <section class="author-coauthors" aria-labelledby="coauthors-h">
          <h2 id="coauthors-h">Co-authors <span class="n">${number(coauthors.length)}</span></h2>
          ${coauthors.length ? html`<ul class="coauthors">${coauthors}</ul>` : html`<p class="empty">No co-authors in this corpus.</p>`}
        </section>
      </div>
    </div>
    <section class="collaborators" aria-labelledby="collab-h">
      <h2 id="collab-h">Suggested collaborators</h2>
      <p class="hint-inline">People ${a.name || 'this researcher'} has not written with, ranked by shared co-authors,
        closeness of their work and how recent it is.</p>
      ${collaborators(coll)}
    </section>
  </article>`;
}

async function resolveAuthor(name) {
  const folded = guessKey(name);
  if (!folded) return '';
  const res = await api('/api/authors', { q: folded, limit: 100 });
  const match = (res.authors || []).find((a) => guessKey(a.name) === folded);
  return match ? match.key : '';
}

function dateSpan(first, last) {
  if (!first && !last) return '';
  const text = first === last || !last ? first : !first ? last : `${first} – ${last}`;
  return html` <span class="dates">${text}</span>`;
}

function workItem(w) {
  return html`<li class="hit" data-id="${w.id}">
    <h3 class="hit-title"><a href="${workUrl(w.id)}">${w.title || w.id}</a></h3>
    <p class="meta">${workMeta(w)}</p>
    <p class="links">${externalLinks(w)}<a class="mlt" href="${workUrl(w.id, { similar: 1 })}">More like this</a></p>
  </li>`;
}

function collaborators(res) {
  if (res.error) return errorBox(res.error);
  const list = res.suggestions || [];
  if (!list.length) return html`<p class="empty">No suggestion for now.</p>`;
  return html`<ol class="suggestions">${list.map(suggestion)}</ol>`;
}

function meter(label, value, max = 1) {
  const v = Number(value) || 0;
  const pct = Math.max(0, Math.min(100, (v / max) * 100));
  return html`<span class="component"><span class="component-label">${label}</span>
    <span class="meter" aria-hidden="true"><span style="${`width:${pct.toFixed(0)}%`}"></span></span>
    <span class="component-value">${v.toFixed(2)}</span></span>`;
}

function suggestion(sg) {
  const r = sg.reasons || {};
  const c = sg.components || {};
  const reasons = [];
  if (r.shared_coauthors && r.shared_coauthors.length) {
    reasons.push(html`<li class="reason coauthors"><span class="reason-label">Shared co-authors:</span>
      ${join(r.shared_coauthors.map((x) => html`<a href="${authorUrl(x.key)}">${x.name}</a>`), ', ')}</li>`);
  }
  if (r.shared_topics && r.shared_topics.length) {
    reasons.push(html`<li class="reason topics"><span class="reason-label">Shared topics:</span>
      <ul class="chips inline">${r.shared_topics.map((t) => html`<li class="chip topic">${t}</li>`)}</ul></li>`);
  }
  if (r.shared_terms && r.shared_terms.length) {
    reasons.push(html`<li class="reason terms"><span class="reason-label">Shared terms:</span>
      <ul class="chips inline">${r.shared_terms.map((t) => html`<li class="chip term">${t}</li>`)}</ul></li>`);
  }
  if (r.connecting_works && r.connecting_works.length) {
    reasons.push(html`<li class="reason works"><span class="reason-label">Connecting works:</span>
      <ul class="connecting">${r.connecting_works.map((w) => html`<li><a href="${workUrl(w.id)}">${w.title || w.id}</a>${w.year ? html` (${w.year})` : ''}
        ${w.via ? html`<span class="via">via ${w.via === 'coauthor' ? 'a shared co-author' : w.via}</span>` : ''}</li>`)}</ul></li>`);
  }
  return html`<li class="suggestion" data-key="${sg.key}">
    <h3><a href="${authorUrl(sg.key)}">${sg.name}</a>
      <span class="score" title="combined score">score ${Number(sg.score || 0).toFixed(2)}</span></h3>
    <p class="meta">${sg.works_count ? html`${number(sg.works_count)} ${sg.works_count === 1 ? 'work' : 'works'}` : ''}${sg.last_date ? html` · latest ${sg.last_date}` : ''}</p>
    <p class="components">${meter('co-author graph', c.graph, Math.max(1, Number(c.graph) || 0))}${meter('topic', c.topic)}${meter('recency', c.recency)}</p>
    ${reasons.length ? html`<ul class="reasons" aria-label="${`Why ${sg.name}`}">${reasons}</ul>` : html`<p class="empty">No reason recorded.</p>`}
  </li>`;
}

// ---------------------------------------------------------------------------------------------------------
// Router: the query string says which page; links inside the page push a new state, popstate replays it.

let renderSeq = 0;
let firstRender = true;
// Back and forward return to where the reader was on that page (kept in history.state), so the scroll is ours.
if ('scrollRestoration' in history) history.scrollRestoration = 'manual';

async function render(restoreScroll = false) {
  const seq = ++renderSeq;
  const p = new URLSearchParams(location.search);
  const view = p.get('view') || 'search';
  const root = $('#view');
  const focusKey = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.fk : undefined;
  document.body.dataset.busy = 'true';
  root.setAttribute('aria-busy', 'true');
  if (view === 'search') $('#q').value = p.get('q') ?? '';
  let out;
  try {
    if (view === 'work') out = await workPage(p);
    else if (view === 'author') out = await authorPage(p);
    else if (view === 'like') out = await likePage(p);
    else out = await searchPage(p);
  } catch (err) {
    out = errorBox(err);
    if (!(err instanceof ApiError)) console.error(err);
  }
  if (seq !== renderSeq) return;  // a newer navigation won
  root.innerHTML = String(out);
  renderMath(root);  // TeX in titles and abstracts; KaTeX loads only for a page that shows math
  root.dataset.view = view;
  root.removeAttribute('aria-busy');
  document.body.dataset.busy = 'false';
  document.body.dataset.rendered = location.search + location.hash;
  // Keep keyboard users where they were (a facet they toggled); a new page starts at its heading.
  const again = focusKey && root.querySelector(`[data-fk="${CSS.escape(focusKey)}"]`);
  if (again) again.focus();
  else if (!firstRender && view !== 'search') {
    const target = p.get('similar') === '1' && !p.get('spage') ? $('#similar-h') : root.querySelector('h1');
    if (target) target.focus();
  }
  const savedY = history.state && typeof history.state.scrollY === 'number' ? history.state.scrollY : null;
  if (restoreScroll && savedY !== null) window.scrollTo(0, savedY);
  else if (p.get('similar') === '1') $('#similar-h')?.scrollIntoView({ block: 'start' });
  else if (!firstRender && !again) window.scrollTo(0, 0);
  firstRender = false;
  // One polite announcement per page for screen readers: the result count, or the page's heading.
  const said = root.querySelector('.summary') || root.querySelector('[role="alert"]') || root.querySelector('h1');
  $('#announce').textContent = said ? said.textContent.replace(/\s+/g, ' ').trim() : '';
}

function go(to) {
  history.replaceState({ ...(history.state || {}), scrollY: window.scrollY }, '');
  history.pushState(null, '', to);
  render();
}

document.addEventListener('click', (e) => {
  const a = e.target.closest('a[href]');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  if (a.target && a.target !== '_self') return;
  const dest = new URL(a.href, location.href);
  if (dest.origin !== location.origin || dest.pathname !== location.pathname) return;  // /api/…, other sites
  e.preventDefault();
  go((dest.search || location.pathname) + dest.hash);
});

// Facet links act as toggle buttons: Space activates them like a button.
document.addEventListener('keydown', (e) => {
  const a = e.target.closest && e.target.closest('a[role="button"]');
  if (a && e.key === ' ') { e.preventDefault(); a.click(); }
});

$('#view').addEventListener('toggle', (e) => {
  if (e.target.classList && e.target.classList.contains('refine')) refineOpen = e.target.open;
}, true);  // 'toggle' does not bubble

$('#view').addEventListener('change', (e) => {
  const action = e.target.dataset.action;
  if (!action) return;
  const s = searchState(new URLSearchParams(location.search));
  if (action === 'sort') go(searchUrl(s, { sort: e.target.value }));
  if (action === 'year-from' || action === 'year-to') {
    let { from, to } = parseYear(s.year);
    if (action === 'year-from') from = e.target.value; else to = e.target.value;
    if (from && to && from > to) [from, to] = [to, from];
    go(searchUrl(s, { year: yearParam(from, to) }));
  }
});

$('#view').addEventListener('submit', (e) => {
  if (e.target.dataset.action === 'similar-years') {
    e.preventDefault();
    const f = new FormData(e.target);
    const [from, to] = [String(f.get('from') || '').trim(), String(f.get('to') || '').trim()];
    go(workUrl(e.target.dataset.id, { similar: 1, syear: yearParam(from, to) }));
    return;
  }
  if (e.target.dataset.action !== 'like') return;
  e.preventDefault();
  const text = new FormData(e.target).get('text');
  if (String(text).trim()) go(likeUrl(String(text), 1));
});

$('#search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const p = new URLSearchParams(location.search);
  // A new query keeps the filters of the search page it was typed on.
  const s = (p.get('view') || 'search') === 'search' ? searchState(p) : searchState(new URLSearchParams());
  go(searchUrl(s, { q: $('#q').value.trim() }));
});

// "Find a researcher": prefix search over author names, offered through a <datalist>.
const authorKeys = new Map();
let authorSeq = 0;
let authorTimer;
$('#author-q').addEventListener('input', (e) => {
  const q = e.target.value.trim();
  // Picking an option from the list (not typing a name out) opens that researcher's page.
  if ((!e.inputType || e.inputType === 'insertReplacementText') && authorKeys.has(q)) { go(authorUrl(authorKeys.get(q))); return; }
  clearTimeout(authorTimer);
  if (!q) return;
  authorTimer = setTimeout(async () => {
    const seq = ++authorSeq;
    try {
      const res = await api('/api/authors', { q, limit: 8 });
      if (seq !== authorSeq) return;
      authorKeys.clear();
      const opts = (res.authors || []).map((a) => {
        authorKeys.set(a.name, a.key);
        const span = a.first_year ? ` · ${a.first_year === a.last_year ? a.first_year : `${a.first_year}–${a.last_year}`}` : '';
        return html`<option value="${a.name}">${number(a.works_count)} works${span}</option>`;
      });
      $('#author-options').innerHTML = String(html`${opts}`);
    } catch { /* autocomplete is a convenience: the search box still works */ }
  }, 150);
});
$('#author-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const q = $('#author-q').value.trim();
  if (!q) return;
  if (authorKeys.has(q)) { go(authorUrl(authorKeys.get(q))); return; }
  try {
    const res = await api('/api/authors', { q, limit: 1 });
    go(authorUrl(res.authors && res.authors.length ? res.authors[0].key : q));
  } catch {
    go(authorUrl(q));  // the author page shows the API's error
  }
});

window.addEventListener('popstate', () => render(true));
render();
