// End-to-end test of the web page (issue 4): Debian's chromium, driven by playwright-core, against a running
// paperdex server. usage: node tests/browser/e2e.mjs URL
//
// Each step acts as a person would (type, click, go back) and asserts what the page shows against what the
// JSON API answers for the same request, so the numbers are exact without being copied into this file.
// Waits are on the page's own "rendered" marker (body[data-rendered] = the query string and fragment it rendered), never
// on sleeps. On the first failing step it saves a screenshot to /tmp and exits 1.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const base = (process.argv[2] || '').replace(/\/?$/, '/');
if (!/^https?:\/\//.test(base)) {
  console.error('usage: node tests/browser/e2e.mjs URL');
  process.exit(2);
}
const STEP_TIMEOUT_MS = 15000;
const shotsDir = process.env.PAPERDEX_SCREENSHOTS || '';  // set to keep a screenshot of every step

let passed = 0;
let failed = 0;

class AssertionError extends Error {}
function check(cond, message) {
  if (!cond) throw new AssertionError(message);
}
function equal(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new AssertionError(`${what}: expected ${e}, got ${a}`);
}
const norm = (s) => String(s ?? '').replace(/\s+/g, ' ').trim();

async function api(path) {
  const res = await fetch(new URL(path, base));
  const body = await res.json();
  return { status: res.status, body };
}
async function apiOk(path) {
  const { status, body } = await api(path);
  if (status !== 200) throw new AssertionError(`API ${path} answered ${status}: ${JSON.stringify(body)}`);
  return body;
}
const enc = encodeURIComponent;

const userDataDir = mkdtempSync(join(tmpdir(), 'paperdex-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1280, height: 900 },
});
const page = context.pages()[0] || await context.newPage();
page.setDefaultTimeout(STEP_TIMEOUT_MS);
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(e.message));
// The browser logs every 4xx answer as "Failed to load resource"; the error steps cause those on purpose.
page.on('console', (m) => {
  if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) pageErrors.push(`console: ${m.text()}`);
});

async function step(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    check(pageErrors.length === 0, `errors in the page: ${pageErrors.join(' | ')}`);
    passed++;
    console.log(`ok ${passed + failed} - ${name} (${Date.now() - t0} ms)`);
    if (shotsDir) await page.screenshot({ path: join(shotsDir, `${String(passed).padStart(2, '0')}.png`), fullPage: true });
  } catch (e) {
    failed++;
    const shot = `/tmp/paperdex-browser-failure-${Date.now()}.png`;
    try { await page.screenshot({ path: shot, fullPage: true }); } catch { /* the page may be gone */ }
    console.log(`not ok ${passed + failed} - ${name}\n  ${String(e.stack || e).split('\n').slice(0, 4).join('\n  ')}\n  url: ${page.url()}\n  screenshot: ${shot}`);
    throw e;
  }
}

// The page marks the end of each render with the query string and fragment it rendered. Every action in these
// steps goes to a new address, so waiting also for the address to differ from the one last seen rendered means an
// action whose navigation starts late (a lookup first, a popstate) cannot be mistaken for the old page.
let settledHref = '';
async function rendered() {
  await page.waitForFunction((prev) => location.href !== prev && document.body.dataset.busy === 'false' &&
    document.body.dataset.rendered === location.search + location.hash, settledHref);
  settledHref = await page.evaluate(() => location.href);
}
const text = async (sel) => norm(await page.locator(sel).first().textContent());
const attrs = (sel, name) => page.locator(sel).evaluateAll((els, n) => els.map((e) => e.getAttribute(n)), name);
const texts = (sel) => page.locator(sel).evaluateAll((els) => els.map((e) => e.textContent.replace(/\s+/g, ' ').trim()));
async function facetCounts(field) {
  return page.locator(`.facet-value[data-facet="${field}"]`).evaluateAll((els) =>
    Object.fromEntries(els.map((e) => [e.dataset.value, Number(e.querySelector('.n').dataset.count)])));
}
const apiCounts = (facet) => Object.fromEntries((facet ? facet.values : []).map((v) => [v.value, v.count]));
const params = () => new URL(page.url()).searchParams;

const QUERY = 'recommendation';
const FACETS = 'year,type,venue,topic,author';
let all;           // API answer for QUERY
let year;          // the year facet value clicked
let byYear;        // API answer for QUERY within that year
let work;          // the work opened

let exitCode = 1;
try {
  await step('the page loads with a search box and its syntax hint', async () => {
    await page.goto(base);
    await rendered();
    check(await page.getByLabel('Search works').isVisible(), 'no search box labelled "Search works"');
    const hint = await text('#syntax-hint');
    for (const s of ['AND', 'OR', 'NOT', '"exact phrase"', 'title:', 'author:', 'year:2019..2022', 'cach*'])
      check(hint.includes(s), `syntax hint lacks ${s}: ${hint}`);
    const browse = await apiOk(`api/search?per_page=10&facets=year`);
    equal(Number(await page.locator('.summary .count').getAttribute('data-total')), browse.total, 'works shown on the start page');
  });

  await step(`typing "${QUERY}" and submitting shows results and facet counts`, async () => {
    await page.getByLabel('Search works').fill(QUERY);
    await page.getByLabel('Search works').press('Enter');
    await rendered();
    equal(params().get('q'), QUERY, 'q in the address');
    all = await apiOk(`api/search?q=${enc(QUERY)}&per_page=10&facets=${FACETS}`);
    check(all.total > 1, `the default corpus should hold several works on "${QUERY}", API total ${all.total}`);
    equal(Number(await page.locator('.summary .count').getAttribute('data-total')), all.total, 'total shown');
    equal(await attrs('.hits > .hit', 'data-id'), all.hits.map((h) => h.id), 'result ids in rank order');
    check(await page.locator('.hits .snippet mark, .hits .hit-title mark').count() > 0, 'no highlighted match in the results');
    // "Cite this page" exports the page shown: the API's BibTeX for the same search holds its hits' entries.
    const href = await page.locator('.export-page a[data-format="bibtex"]').getAttribute('href');
    const bib = await (await fetch(new URL(href, base))).text();
    equal((bib.match(/^@/gm) || []).length, Math.min(all.total, 10), 'BibTeX entries of the page');
    equal([...bib.matchAll(/^  eprint = \{([^}]*)\},$/gm)].map((m) => m[1]),
      all.hits.filter((h) => h.work.arxiv_id).map((h) => h.work.arxiv_id), 'the page\'s arXiv ids, in rank order');
    for (const f of ['year', 'type', 'topic'])
      equal(await facetCounts(f), apiCounts(all.facets[f]), `${f} facet counts`);
  });

  await step('clicking a year facet filters: the counts and results change', async () => {
    // The largest year that is not every result, so that the filter visibly changes things.
    const years = all.facets.year.values.filter((v) => v.count < all.total).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    check(years.length > 0, `every "${QUERY}" result has the same year: ${JSON.stringify(all.facets.year)}`);
    year = years[0];
    const beforeTypes = await facetCounts('type');
    const beforeTopics = await facetCounts('topic');
    await page.locator(`.facet-value[data-facet="year"][data-value="${year.value}"]`).click();
    await rendered();
    equal(params().get('year'), year.value, 'year in the address');
    equal(await page.locator(`.facet-value[data-facet="year"][data-value="${year.value}"]`).getAttribute('aria-pressed'), 'true', 'year button pressed');
    byYear = await apiOk(`api/search?q=${enc(QUERY)}&year=${year.value}&per_page=10&facets=${FACETS}`);
    equal(byYear.total, year.count, 'API total within the year = the facet count clicked');
    equal(Number(await page.locator('.summary .count').getAttribute('data-total')), year.count, 'total shown after the click');
    equal(await attrs('.hits > .hit', 'data-id'), byYear.hits.map((h) => h.id), 'result ids after the click');
    const shownYears = await texts('.hits > .hit .meta .year');
    equal([...new Set(shownYears)], [year.value], 'every result is from the year clicked');
    const afterTypes = await facetCounts('type');
    const afterTopics = await facetCounts('topic');
    equal(afterTypes, apiCounts(byYear.facets.type), 'type counts within the year');
    equal(afterTopics, apiCounts(byYear.facets.topic), 'topic counts within the year');
    check(JSON.stringify(afterTypes) !== JSON.stringify(beforeTypes) || JSON.stringify(afterTopics) !== JSON.stringify(beforeTopics),
      'the type and topic counts did not change');
    // The year list keeps every year (counts without the year filter), so another year is one click away.
    equal(await facetCounts('year'), apiCounts(all.facets.year), 'year counts stay those of the whole query');
    check(await text('.active-filters') !== '', 'no active-filter chip for the year');
  });

  await step('clicking the year again clears it; the back button brings it back', async () => {
    await page.locator(`.facet-value[data-facet="year"][data-value="${year.value}"]`).click();
    await rendered();
    equal(params().get('year'), null, 'year gone from the address');
    equal(Number(await page.locator('.summary .count').getAttribute('data-total')), all.total, 'total without the year');
    await page.goBack();
    await rendered();
    equal(params().get('year'), year.value, 'year back in the address');
    equal(Number(await page.locator('.summary .count').getAttribute('data-total')), year.count, 'total after going back');
    equal(await attrs('.hits > .hit', 'data-id'), byYear.hits.map((h) => h.id), 'result ids after going back');
  });

  await step('the year range picker filters on a range', async () => {
    // From the first year to the last but one: every result of those years, none of the last year's.
    const ys = all.facets.year.values.map((v) => v.value).sort();
    const from = ys[0];
    const to = ys[ys.length - 2];
    const inRange = all.facets.year.values.filter((v) => v.value >= from && v.value <= to).reduce((n, v) => n + v.count, 0);
    await page.goto(`${base}?q=${enc(QUERY)}`);
    await rendered();
    await page.getByLabel('Year from').selectOption(from);
    await rendered();
    equal(params().get('year'), `${from}..`, 'open-ended range in the address');
    await page.getByLabel('Year to').selectOption(to);
    await rendered();
    const expected = from === to ? from : `${from}..${to}`;
    equal(params().get('year'), expected, 'year range in the address');
    const ranged = await apiOk(`api/search?q=${enc(QUERY)}&year=${expected}&per_page=10&facets=year`);
    equal(ranged.total, inRange, 'API total over the range = the sum of its years\' counts');
    equal(Number(await page.locator('.summary .count').getAttribute('data-total')), inRange, 'total over the range');
    equal(await attrs('.hits > .hit', 'data-id'), ranged.hits.map((h) => h.id), 'result ids over the range');
  });

  await step('opening a work shows its title, abstract and links', async () => {
    const id = all.hits[0].id;
    await page.goto(`${base}?q=${enc(QUERY)}`);
    await rendered();
    await page.locator(`.hits > .hit[data-id="${id}"] .hit-title a`).click();
    await rendered();
    equal(params().get('view'), 'work', 'view in the address');
    equal(params().get('id'), id, 'work id in the address');
    work = (await apiOk(`api/works/${id}`)).work;
    equal(await text('.work-page h1'), norm(work.title || work.id), 'work title');
    if (work.abstract) equal(await text('.work-page .abstract'), norm(work.abstract), 'abstract');
    if (work.arxiv_id) equal(await page.locator('.work-page a.arxiv').getAttribute('href'), `https://arxiv.org/abs/${work.arxiv_id}`, 'arXiv link');
    if (work.doi) equal(await page.locator('.work-page a.doi').getAttribute('href'), `https://doi.org/${work.doi}`, 'DOI link');
  });

  await step('the Cite button shows the work as BibTeX, and RIS and CSL-JSON on request', async () => {
    await page.locator('.work-page .cite-button').click();
    await page.locator('.work-page .citation[data-loaded="bibtex"]').waitFor();
    const res = await fetch(new URL(`api/works/${work.id}?format=bibtex`, base));
    equal(res.headers.get('content-type'), 'application/x-bibtex; charset=utf-8', 'BibTeX content type');
    const bibtex = await res.text();
    const shown = await page.locator('.work-page .citation').textContent();
    equal(shown, bibtex, 'the BibTeX shown is the API\'s');
    check(/^@(misc|article|inproceedings|book)\{[a-z0-9]+,\n  title = \{/.test(shown), `not a BibTeX entry: ${shown.slice(0, 80)}`);
    if (work.arxiv_id) check(shown.includes(`  eprint = {${work.arxiv_id}},\n  archivePrefix = {arXiv},`), 'no eprint/archivePrefix');
    equal(await page.locator('.work-page a.cite-download[data-format="bibtex"]').getAttribute('href'),
      `/api/works/${work.id}?format=bibtex`, 'BibTeX download link');
    await page.getByRole('button', { name: 'RIS', exact: true }).click();
    await page.locator('.work-page .citation[data-loaded="ris"]').waitFor();
    check((await page.locator('.work-page .citation').textContent()).startsWith('TY  - '), 'RIS not shown');
    await page.getByRole('button', { name: 'CSL-JSON', exact: true }).click();
    await page.locator('.work-page .citation[data-loaded="csljson"]').waitFor();
    equal(JSON.parse(await page.locator('.work-page .citation').textContent())[0].title, work.title, 'CSL-JSON title');
  });

  await step('"more like this" lists similar works with their matched terms', async () => {
    await page.getByRole('link', { name: 'Show works like this one' }).click();
    await rendered();
    equal(params().get('similar'), '1', 'similar in the address');
    const sim = await apiOk(`api/works/${work.id}/similar?per_page=10`);
    check(sim.hits.length > 0, `no similar work for ${work.id}`);
    equal(Number(await page.locator('.similar .summary .count').getAttribute('data-total')), sim.total, 'similar total');
    const ids = await attrs('.similar-hits > .similar-hit', 'data-id');
    equal(ids, sim.hits.map((h) => h.id), 'similar ids in rank order');
    check(!ids.includes(work.id), 'the work itself is among its similar works');
    for (const h of sim.hits) {
      const shown = await texts(`.similar-hit[data-id="${h.id}"] .matched-terms .chip`);
      equal(shown, h.matched_terms, `matched terms of ${h.id}`);
    }
    check(sim.hits.some((h) => h.matched_terms.length > 0), 'no similar work says which terms it matched');
    // Filters apply to similar works as to a search: the work's own year only.
    const y = String(work.year);
    await page.getByLabel('Similar works from year').fill(y);
    await page.getByLabel('Similar works to year').fill(y);
    await page.getByRole('button', { name: 'Apply' }).click();
    await rendered();
    equal(params().get('syear'), y, 'similar year in the address');
    const simYear = await apiOk(`api/works/${work.id}/similar?year=${y}&per_page=10`);
    check(simYear.hits.length > 0, `no similar work from ${y}`);
    equal(await attrs('.similar-hits > .similar-hit', 'data-id'), simYear.hits.map((h) => h.id), `similar ids within ${y}`);
    equal([...new Set(await texts('.similar-hits > .similar-hit .meta .year'))], [y], `every similar work is from ${y}`);
  });

  await step('a pasted abstract finds similar works, each with its matched terms', async () => {
    await page.goto(base);
    await rendered();
    await page.getByText('Find works like an abstract you paste').click();
    const pasted = work.abstract || work.title;
    await page.getByLabel('Abstract or any passage').fill(pasted);
    await page.getByRole('button', { name: 'Find similar works' }).click();
    await rendered();
    equal(params().get('view'), 'like', 'view in the address');
    const res = await fetch(new URL('api/similar', base), {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: pasted, per_page: 10 }),
    });
    equal(res.status, 200, 'POST /api/similar status');
    const sim = await res.json();
    check(sim.hits.length > 0, 'no work like the pasted abstract');
    equal(sim.hits[0].id, work.id, 'the work whose abstract was pasted comes first');
    equal(await attrs('.similar-hits > .similar-hit', 'data-id'), sim.hits.map((h) => h.id), 'similar ids in rank order');
    for (const h of sim.hits.slice(0, 3))
      equal(await texts(`.similar-hit[data-id="${h.id}"] .matched-terms .chip`), h.matched_terms, `matched terms of ${h.id}`);
  });

  await step('an author page shows works, topics, co-authors and suggested collaborators with reasons', async () => {
    await page.getByLabel('Find a researcher').fill('Milad Hashemi');
    await page.getByLabel('Find a researcher').press('Enter');
    await rendered();
    const key = params().get('key');
    const prof = await apiOk(`api/authors/${enc(key)}?per_page=10`);
    equal(prof.author.name, 'Milad Hashemi', 'author found by the researcher box');
    equal(await text('.author-page h1'), 'Milad Hashemi', 'author heading');
    check(prof.works.length > 0, 'the author has no works');
    equal(await attrs('.author-works .hits > .hit', 'data-id'), prof.works.map((w) => w.id), 'works, newest first');
    equal(await texts('.author-topics .chips.topics .chip'), prof.author.topics.map((t) => `${t.value} ${t.count}`), 'topics with counts');
    equal(await texts('.author-topics .chips.terms .chip'), prof.author.terms.map((t) => t.display || t.term), 'characteristic terms');
    check(prof.author.topics.length + prof.author.terms.length > 0, 'the author has neither topics nor terms');
    equal(await texts('.coauthors .coauthor > a'), prof.author.coauthors.map((c) => c.name), 'co-authors');
    const coll = await apiOk(`api/authors/${enc(key)}/collaborators?limit=10`);
    equal(await attrs('.suggestions > .suggestion', 'data-key'), coll.suggestions.map((s) => s.key), 'suggested collaborators in order');
    // Issue 4's acceptance: Kim Hazelwood is among Milad Hashemi's top 10, for topical reasons.
    const kim = coll.suggestions.find((s) => s.name === 'Kim Hazelwood');
    check(kim, `Kim Hazelwood is not among Milad Hashemi's suggestions: ${coll.suggestions.map((s) => s.name).join(', ')}`);
    const r = kim.reasons;
    check(r.shared_topics.length + r.shared_terms.length > 0, 'Kim Hazelwood comes with no topical reason');
    const card = `.suggestion[data-key="${kim.key}"]`;
    equal(await texts(`${card} .reason.coauthors a`), r.shared_coauthors.map((c) => c.name), 'shared co-authors shown');
    equal(await texts(`${card} .reason.topics .chip`), r.shared_topics, 'shared topics shown');
    equal(await texts(`${card} .reason.terms .chip`), r.shared_terms, 'shared terms shown');
    equal(await texts(`${card} .reason.works .connecting > li > a`), r.connecting_works.map((w) => norm(w.title || w.id)), 'connecting works shown');
  });

  await step('following a suggestion opens that researcher; back returns', async () => {
    await page.locator('.suggestion h3 a', { hasText: 'Kim Hazelwood' }).click();
    await rendered();
    equal(await text('.author-page h1'), 'Kim Hazelwood', 'author heading');
    const key = params().get('key');
    const prof = await apiOk(`api/authors/${enc(key)}?per_page=10`);
    equal(await attrs('.author-works .hits > .hit', 'data-id'), prof.works.map((w) => w.id), 'works, newest first');
    const coll = await apiOk(`api/authors/${enc(key)}/collaborators?limit=10`);
    equal(await texts('.suggestions > .suggestion h3 a'), coll.suggestions.map((s) => s.name), 'suggested collaborators');
    check(coll.suggestions.length > 0, 'Kim Hazelwood gets no suggestion');
    await page.goBack();
    await rendered();
    equal(await text('.author-page h1'), 'Milad Hashemi', 'back on the first researcher');
  });

  await step('a stray quote is searched as plain words, and the page says so', async () => {
    const stray = '"memory recommendation';
    const { status, body } = await api(`api/search?q=${enc(stray)}`);
    equal(status, 200, 'API status for a stray quote');
    equal(body.query_fallback, true, 'query_fallback in the answer');
    await page.goto(`${base}?q=${enc(stray)}`);
    await rendered();
    await page.locator('.query-fallback').waitFor();
    equal(await page.locator('.hit').count() > 0, true, 'hits shown');
  });

  await step('an API error is shown in the page (one-letter wildcard, unknown work)', async () => {
    const bad = 'r* memory';
    const { status, body } = await api(`api/search?q=${enc(bad)}`);
    equal(status, 400, 'API status for a one-letter wildcard');
    await page.goto(`${base}?q=${enc(bad)}`);
    await rendered();
    await page.getByRole('alert').waitFor();
    equal(await text('[role="alert"] .error-message'), norm(body.error.message), 'error message shown');
    equal(await page.getByLabel('Search works').inputValue(), bad, 'the query stays in the box');
    const missing = await api('api/works/nosuch:0');
    equal(missing.status, 404, 'API status for an unknown work');
    await page.goto(`${base}?view=work&id=nosuch:0`);
    await rendered();
    equal(await text('[role="alert"] .error-message'), norm(missing.body.error.message), '404 message shown');
  });

  await step('a query is shown as text, never run as HTML', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    await page.goto(`${base}?q=${enc(evil)}`);
    await rendered();
    equal(await page.locator('.summary q').textContent(), evil, 'the query echoed as text');
    equal(await page.locator('#view img').count(), 0, 'an <img> made from the query');
    equal(await page.evaluate(() => window.__pwned), undefined, 'script ran from the query');
  });

  await step('paging moves through the results', async () => {
    const broad = await apiOk('api/search?per_page=10&page=2');
    check(broad.total > 10, `the default corpus should hold more than 10 works, API total ${broad.total}`);
    await page.goto(base);
    await rendered();
    await page.locator('.pager a.next').first().click();
    await rendered();
    equal(params().get('page'), '2', 'page in the address');
    equal(await attrs('.hits > .hit', 'data-id'), broad.hits.map((h) => h.id), 'ids on page 2');
  });
  await step('a TeX title renders as math (KaTeX served by paperdex), in a hit and on the work page', async () => {
    // 2505.16994 "$\text{R}^2\text{ec}$: Towards Large Recommender Models with Reasoning", searched as people type it
    const res = await apiOk('api/search?q=R2ec&per_page=10');
    const hit = res.hits.find((h) => h.id === 'arxiv:2505.16994');
    check(hit, `q=R2ec should find arxiv:2505.16994, got ${res.hits.map((h) => h.id)}`);
    const source = hit.work.title;
    check(source.startsWith('$\\text{R}^2\\text{ec}$'), `the API keeps the TeX source: ${source}`);
    await page.goto(`${base}?q=R2ec`);
    await rendered();
    await page.waitForSelector('#view[data-math="rendered"]');
    const title = page.locator('.hit[data-id="arxiv:2505.16994"] .hit-title');
    check(await title.locator('.katex').count() === 1, 'the hit title holds one KaTeX formula');
    check(!(await title.textContent()).includes('$'), 'no raw "$" left in the hit title');
    await page.goto(`${base}?view=work&id=${enc('arxiv:2505.16994')}`);
    await rendered();
    await page.waitForSelector('#view[data-math="rendered"]');
    const math = page.locator('.work-page h1 .math').first();
    equal(await math.locator('.katex-mathml annotation').textContent(), '\\text{R}^2\\text{ec}', 'the formula KaTeX read');
    // KaTeX's fonts came from this server, past the page's Content-Security-Policy (a refused font is a page error).
    await page.evaluate(() => document.fonts.ready);
    check(await page.evaluate(() => document.fonts.check('16px KaTeX_Main')), 'KaTeX_Main font loaded');
    // The screenshot check: the rendered formula draws something (it differs from the same box hidden), and what
    // it draws is not the TeX source set as plain text in its place.
    const box = await math.boundingBox();
    check(box && box.width > 10 && box.height > 10, `the formula has a size: ${JSON.stringify(box)}`);
    const shot = () => page.screenshot({ clip: box });  // the same box each time (a hidden element has no screenshot)
    const drawn = await shot();
    await math.evaluate((el) => { el.style.visibility = 'hidden'; });
    const hidden = await shot();
    await math.evaluate((el) => { el.style.visibility = ''; el.dataset.html = el.innerHTML; el.textContent = '$\\text{R}^2\\text{ec}$'; });
    const rawText = await shot();
    await math.evaluate((el) => { el.innerHTML = el.dataset.html; });
    check(drawn.length > 0 && !drawn.equals(hidden), 'the rendered formula screenshot is blank');
    check(!drawn.equals(rawText), 'the rendered formula looks like its TeX source');
    if (shotsDir) writeFileSync(join(shotsDir, 'math-r2ec.png'), drawn);
  });

  exitCode = 0;
} catch {
  exitCode = 1;
} finally {
  await context.close().catch(() => {});
  rmSync(userDataDir, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(exitCode);
