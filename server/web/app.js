// newsfacet's web page: a client of /api/v1 with its whole state in the URL.
// Article data (titles, snippets, text) is only ever put in the page as text nodes, never
// parsed as markup: the snippet's <mark> tags are read as data and rebuilt as elements.
'use strict';

const FACETS = [
  ['country', 'Country'],
  ['official', 'Official'],
  ['location', 'Location'],
  ['organization', 'Organisation'],
  ['source', 'Source'],
];
const FACET_NAMES = FACETS.map(([name]) => name);
const SCALARS = ['q', 'since', 'until', 'sort', 'offset', 'limit', 'like', 'collapse', 'expand', 'verbatim', 'article'];
const DEFAULT_LIMIT = 10;
const LONG_FACET = 8;
const FACET_CAP = 50;  // the JSON's facets hold at most so many values each

const $ = (id) => document.getElementById(id);
const SVG_NS = 'http://www.w3.org/2000/svg';

let state = readState();
let lastAnswer = null;
let requestSeq = 0;

// ---- state <-> URL ------------------------------------------------------------------------

function readState() {
  const params = new URLSearchParams(location.search);
  const s = {};
  for (const name of SCALARS) s[name] = params.get(name) || '';
  for (const name of FACET_NAMES) s[name] = params.getAll(name).filter(Boolean);
  return s;
}

// The page's URL: the API's parameter names, defaults left out.
function stateParams(s, { withArticle = true } = {}) {
  const params = new URLSearchParams();
  for (const name of SCALARS) {
    if (!s[name] || (name === 'article' && !withArticle)) continue;
    if (name === 'offset' && s.offset === '0') continue;
    params.set(name, s[name]);
  }
  for (const name of FACET_NAMES) for (const value of s[name]) params.append(name, value);
  return params;
}

// One value of a facet filters by option (AND across facets); several values of one facet
// widen the selection, so they go into the query as `facet:"A" OR facet:"B"`, which the
// engine answers with multi-select counts in facets_without_own_filter.
function apiParams(s) {
  const params = stateParams(s, { withArticle: false });
  for (const name of FACET_NAMES) if (s[name].length >= 2) params.delete(name);
  const groups = orGroups(s);
  if (groups) params.set('q', [s.q, groups].filter(Boolean).join(' '));
  return params;
}

// The `facet:"A" OR facet:"B"` groups apiParams adds to the query ('' when none).
function orGroups(s) {
  const groups = [];
  for (const name of FACET_NAMES) {
    if (s[name].length < 2) continue;
    groups.push('(' + s[name].map((v) => name + ':' + quoteValue(v)).join(' OR ') + ')');
  }
  return groups.join(' ');
}

function quoteValue(value) {
  return '"' + value.replace(/"/g, ' ') + '"';
}

function go(changes, { push = true, keepOffset = false } = {}) {
  state = Object.assign({}, state, changes);
  if (!keepOffset && !('offset' in changes)) state.offset = '';
  const query = stateParams(state).toString();
  const url = location.pathname + (query ? '?' + query : '');
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
  render();
}

// ---- fetching -----------------------------------------------------------------------------

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok) {
    const message = body && (body.error || body.message);
    throw new Error(message ? String(message) : 'The server answered ' + response.status);
  }
  return body;
}

let shownQuery = null;

// Asks for the search the state describes, unless it is already on screen (opening or
// closing an article changes only the article).
async function render() {
  syncForm();
  const query = apiParams(state).toString();
  if (query === shownQuery && lastAnswer) {
    ++requestSeq;  // an answer still on its way is for another state now
    document.body.classList.remove('loading');
    document.body.dataset.shown = location.search;
    return syncArticle();
  }
  const seq = ++requestSeq;
  document.body.classList.add('loading');
  $('results').setAttribute('aria-busy', 'true');
  try {
    const answer = await getJson('/api/v1/search?' + query);
    if (seq !== requestSeq) return;
    lastAnswer = answer;
    shownQuery = query;
    showNotice('');
    renderAnswer(answer);
    // The first results on screen after load, for measuring (look.test.js reads it).
    if (!performance.getEntriesByName('newsfacet:results').length) {
      requestAnimationFrame(() => performance.mark('newsfacet:results'));
    }
  } catch (error) {
    if (seq !== requestSeq) return;
    showNotice(error.message);
  } finally {
    if (seq === requestSeq) {
      document.body.classList.remove('loading');
      $('results').setAttribute('aria-busy', 'false');
      document.body.dataset.shown = location.search;
    }
  }
  syncArticle();
}

function showNotice(text) {
  const notice = $('notice');
  notice.textContent = text;
  notice.hidden = !text;
}

// ---- small DOM helpers --------------------------------------------------------------------

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'text') node.textContent = value;
      else if (key === 'class') node.className = value;
      else if (key === 'on') for (const [type, fn] of Object.entries(value)) node.addEventListener(type, fn);
      else node.setAttribute(key, value === true ? '' : value);
    }
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function svg(tag, attrs) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
  return node;
}

function facetLabel(name) {
  const found = FACETS.find(([n]) => n === name);
  return found ? found[1] : name;
}

// Only absolute web links are links: a `javascript:` or `data:` URL, or a file path, stays text.
function safeHref(url) {
  if (!url) return '';
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : '';
  } catch (e) {
    return '';
  }
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#34': '"' };

function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name) => {
    const lower = name.toLowerCase();
    if (lower in ENTITIES) return ENTITIES[lower];
    if (lower.startsWith('#x')) return codePoint(parseInt(lower.slice(2), 16), whole);
    if (lower.startsWith('#')) return codePoint(parseInt(lower.slice(1), 10), whole);
    return whole;
  });
}

function codePoint(n, fallback) {
  return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : fallback;
}

// The snippet is escaped text with matches between <mark> and </mark>; the article's own
// text can never produce those tags (its `<` is escaped), so splitting on them is exact.
function snippetNodes(snippet) {
  const nodes = [];
  const parts = String(snippet || '').split(/(<mark>|<\/mark>)/);
  let marked = false;
  for (const part of parts) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) {
      const text = decodeEntities(part.replace(/<[^>]*>/g, ''));
      nodes.push(marked ? el('mark', { text }) : document.createTextNode(text));
    }
  }
  return nodes;
}

function formatDate(date) {
  if (!date) return 'undated';
  return date.length > 10 ? date.slice(0, 10) + ' ' + date.slice(11, 16) + ' UTC' : date;
}

// ---- the answer ---------------------------------------------------------------------------

function renderAnswer(answer) {
  renderDidYouMean(answer);
  renderChips();
  renderSummary(answer);
  renderResults(answer);
  renderPager(answer);
  renderFacets(answer);
  renderHistogram(answer.date_histogram || []);
  renderExports();
  document.title = (state.q ? state.q + ' · ' : '') + 'newsfacet';
}

function syncForm() {
  $('q').value = state.q;
  $('sort').value = state.sort;
  $('verbatim').checked = state.verbatim === 'true';
  $('no-collapse').checked = state.collapse === 'false';
}

function renderDidYouMean(answer) {
  const box = $('dym');
  box.replaceChildren();
  const offers = [];
  // The correction is of the whole query sent, the facet groups included: the search box
  // gets back only what the user typed, corrected.
  let corrected = answer.corrected_query || '';
  const groups = orGroups(state);
  if (groups && corrected.endsWith(groups)) corrected = corrected.slice(0, -groups.length).trim();
  if (corrected && corrected !== state.q) {
    offers.push(el('button', {
      type: 'button', class: 'link', text: corrected,
      on: { click: () => go({ q: corrected }) },
    }));
  }
  for (const suggestion of answer.suggestions || []) {
    offers.push(el('button', {
      type: 'button', class: 'link', text: suggestion,
      on: { click: () => takeSuggestion(suggestion, answer) },
    }));
  }
  box.hidden = offers.length === 0;
  if (!offers.length) return;
  box.append('Did you mean ');
  offers.forEach((offer, i) => box.append(...(i ? [' or ', offer] : [offer])));
  box.append('?');
}

// A suggestion `facet:Value` replaces the values of that facet that matched nothing.
function takeSuggestion(suggestion, answer) {
  const colon = suggestion.indexOf(':');
  const name = suggestion.slice(0, colon);
  const value = suggestion.slice(colon + 1).replace(/^"|"$/g, '');
  if (!FACET_NAMES.includes(name)) return go({ q: suggestion });
  const known = new Set(facetCounts(answer, name).map((c) => c.value.toLowerCase()));
  const kept = state[name].filter((v) => known.has(v.toLowerCase()));
  go({ [name]: [...kept, value] });
}

function renderChips() {
  const box = $('chips');
  box.replaceChildren();
  const chips = [];
  for (const name of FACET_NAMES) {
    for (const value of state[name]) {
      chips.push(chip(facetLabel(name) + ': ' + value, () => go({ [name]: state[name].filter((v) => v !== value) })));
    }
  }
  if (state.since || state.until) {
    const label = 'Dates: ' + (state.since || '…') + ' to ' + (state.until || '…');
    chips.push(chip(label, () => go({ since: '', until: '' })));
  }
  if (state.like) chips.push(chip('Like: ' + state.like, () => go({ like: '' })));
  box.hidden = chips.length === 0;
  if (!chips.length) return;
  box.append(el('span', { class: 'muted', text: 'Filters:' }), ...chips);
  if (chips.length > 1) {
    box.append(el('button', {
      type: 'button', class: 'link', text: 'Clear all',
      on: { click: () => go(Object.fromEntries([...FACET_NAMES.map((n) => [n, []]), ['since', ''], ['until', ''], ['like', '']])) },
    }));
  }
}

function chip(label, remove) {
  return el('span', { class: 'chip' },
    el('span', { text: label }),
    el('button', { type: 'button', 'aria-label': 'Remove filter ' + label, text: '×', on: { click: remove } }));
}

function renderSummary(answer) {
  const total = answer.total || 0;
  const first = total ? Number(state.offset || 0) + 1 : 0;
  const last = Number(state.offset || 0) + (answer.results || []).length;
  let text = total === 0 ? 'No articles match.'
    : last < first ? `No results on this page: ${total} in all`
      : `Results ${first}–${last} of ${total}`;
  if (total && answer.total_articles && answer.total_articles !== total) {
    text += ` (${answer.total_articles} articles, copies collapsed)`;
  }
  if (state.like) text += ' like ' + state.like;
  $('summary').textContent = text;
  const notes = answer.notes || [];
  if (notes.length) $('summary').append(el('span', { class: 'muted', text: ' · ' + notes.join(' · ') }));
}

function renderResults(answer) {
  const list = $('results');
  list.replaceChildren(...(answer.results || []).map(resultItem));
}

function resultItem(result) {
  const href = safeHref(result.url);
  const title = el('button', {
    type: 'button', class: 'title', text: result.title || result.id,
    'data-id': result.id, on: { click: () => openArticle(result.id) },
  });
  const meta = el('p', { class: 'meta' },
    el('span', { text: formatDate(result.date) }), ' · ',
    el('span', { text: result.source || 'unknown source' }));
  if (href) meta.append(' · ', el('a', { href, rel: 'noopener noreferrer', target: '_blank', text: 'original' }));
  else if (result.url) meta.append(' · ', el('span', { class: 'muted', text: result.url }));
  if (result.copies > 1) meta.append(' · ', el('span', { class: 'copies', text: `+${result.copies - 1} ${result.copies === 2 ? 'copy' : 'copies'}` }));
  const snippet = el('p', { class: 'snippet' }, ...snippetNodes(result.snippet));
  const like = el('button', {
    type: 'button', class: 'link like', text: 'More like this',
    'aria-label': 'More like ' + (result.title || result.id),
    on: { click: () => go({ like: result.id, q: '', article: '' }) },
  });
  return el('li', { class: 'result' }, el('h3', null, title), meta, snippet, entityLine(result), like);
}

function entityLine(result) {
  const facets = result.facets || {};
  const roles = new Map((result.officials || []).map((o) => [o.name, o.role]));
  const line = el('p', { class: 'entities' });
  for (const name of ['country', 'location', 'official', 'organization']) {
    for (const value of facets[name] || []) {
      const role = name === 'official' ? roles.get(value) : '';
      line.append(el('button', {
        type: 'button', class: 'tag ' + name, text: value, title: role || undefined,
        'aria-label': 'Filter by ' + facetLabel(name) + ' ' + value + (role ? ' (' + role + ')' : ''),
        on: { click: () => addFilter(name, value) },
      }), ' ');
    }
  }
  return line.childNodes.length ? line : null;
}

function addFilter(name, value) {
  if (state[name].includes(value)) return;
  go({ [name]: [...state[name], value], article: '' });
}

function renderPager(answer) {
  const limit = Number(state.limit) || DEFAULT_LIMIT;
  const offset = Number(state.offset) || 0;
  const total = answer.total || 0;
  $('pager').hidden = total <= limit;
  $('prev').disabled = offset <= 0;
  $('next').disabled = offset + limit >= total;
  $('page-of').textContent = `Page ${Math.floor(offset / limit) + 1} of ${Math.max(1, Math.ceil(total / limit))}`;
}

function renderExports() {
  const params = apiParams(state);
  params.delete('offset');
  params.delete('limit');
  for (const format of ['csv', 'jsonl']) {
    params.set('format', format);
    $('export-' + format).href = '/api/v1/export?' + params.toString();
  }
}

// ---- facets -------------------------------------------------------------------------------

// A facet with a selection lists its counts as if its own filter were off: the count next
// to an unticked value is what ticking it would add.
function facetCounts(answer, name) {
  const own = (answer.facets_without_own_filter || {})[name];
  if (own && state[name].length) return own;
  return (answer.facets || {})[name] || [];
}

function officialRoles(answer) {
  const roles = new Map();
  for (const result of answer.results || []) {
    for (const official of result.officials || []) {
      if (official.role && !roles.has(official.name)) roles.set(official.name, official.role);
    }
  }
  return roles;
}

function renderFacets(answer) {
  const box = $('facets');
  const filters = new Map([...box.querySelectorAll('input.facet-filter')].map((i) => [i.dataset.facet, i.value]));
  box.replaceChildren(el('h2', { class: 'visually-hidden', text: 'Facets' }));
  const roles = officialRoles(answer);
  for (const [name, label] of FACETS) {
    const counts = facetCounts(answer, name).slice();
    for (const value of state[name]) {
      if (!counts.some((c) => c.value === value)) counts.push({ value, count: 0 });
    }
    if (!counts.length && !(name in (answer.facets || {}))) continue;
    box.append(facetGroup(name, label, counts, roles, filters.get(name) || ''));
  }
}

function facetGroup(name, label, counts, roles, filterText) {
  const headingId = 'facet-' + name;
  const group = el('section', { class: 'facet', 'aria-labelledby': headingId });
  const heading = el('h3', { id: headingId, text: label });
  if (state[name].length > 1) heading.append(el('span', { class: 'muted small', text: ' (any of)' }));
  group.append(heading);
  if (!counts.length) {
    group.append(el('p', { class: 'muted small', text: 'none' }));
    return group;
  }
  const list = el('ul', { class: 'facet-values', 'aria-label': label + ' values' });
  for (const { value, count } of counts) list.append(facetValue(name, value, count, roles));
  if (counts.length > LONG_FACET) {
    const input = el('input', {
      type: 'search', class: 'facet-filter', 'data-facet': name,
      placeholder: 'Find in ' + label.toLowerCase() + ' values', 'aria-label': 'Find in ' + label + ' values',
      on: { input: (e) => findInFacet(name, list, e.target.value, counts.length >= FACET_CAP, roles) },
    });
    input.value = filterText;
    group.append(input);
    filterFacetList(list, filterText);
  }
  group.append(list);
  return group;
}

function facetValue(name, value, count, roles) {
  const checked = state[name].includes(value);
  const box = el('input', {
    type: 'checkbox', checked, 'data-facet': name, 'data-value': value,
    on: { change: (e) => toggleFacet(name, value, e.target.checked) },
  });
  const text = el('span', { class: 'value', text: value });
  const role = name === 'official' ? roles.get(value) : '';
  const label = el('label', null, box, text,
    role ? el('span', { class: 'role', text: role }) : null,
    el('span', { class: 'count', text: String(count) }));
  return el('li', { 'data-search': value.toLowerCase(), 'data-value': value }, label);
}

function filterFacetList(list, text) {
  const needle = text.trim().toLowerCase();
  for (const item of list.children) item.hidden = needle !== '' && !item.dataset.search.includes(needle);
}

// A list cut at the cap asks the server for the values that start with what was typed.
let facetLookup = 0;

function findInFacet(name, list, text, capped, roles) {
  filterFacetList(list, text);
  const prefix = text.trim();
  if (!capped || !prefix) return;
  const seq = ++facetLookup;
  setTimeout(async () => {
    if (seq !== facetLookup) return;
    // Counted as the list beside it is: without this facet's own selection.
    const params = apiParams(Object.assign({}, state, { [name]: [] }));
    for (const key of ['offset', 'limit', 'sort']) params.delete(key);
    params.set('prefix', prefix);
    try {
      const answer = await getJson('/api/v1/facets/' + encodeURIComponent(name) + '?' + params.toString());
      if (seq !== facetLookup) return;
      const values = Array.isArray(answer) ? answer : (answer.values || []);
      const shown = new Set([...list.children].map((li) => li.dataset.value));
      for (const { value, count } of values) {
        if (!shown.has(value)) list.append(facetValue(name, value, count, roles));
      }
      filterFacetList(list, text);
    } catch (e) {
      // the values already listed stay; nothing else to offer
    }
  }, 150);
}

function toggleFacet(name, value, on) {
  const values = state[name].filter((v) => v !== value);
  if (on) values.push(value);
  go({ [name]: values });
}

// ---- month histogram ----------------------------------------------------------------------

function monthsBetween(first, last) {
  const months = [];
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  while ((y < ly || (y === ly && m <= lm)) && months.length < 600) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) { m = 1; y++; }
  }
  return months;
}

function histogramMonths(histogram) {
  if (!histogram.length) return [];
  const counts = new Map(histogram.map((h) => [h.month, h.count]));
  const all = monthsBetween(histogram[0].month, histogram[histogram.length - 1].month);
  const months = all.length <= 360 ? all : histogram.map((h) => h.month);
  return months.map((month) => ({ month, count: counts.get(month) || 0 }));
}

function inSelectedRange(month) {
  const since = state.since.slice(0, 7);
  const until = state.until.slice(0, 7);
  if (!since && !until) return false;
  return (!since || month >= since) && (!until || month <= until);
}

let dragStart = null;

function renderHistogram(histogram) {
  const box = $('histogram');
  const months = histogramMonths(histogram);
  $('timeline').hidden = months.length === 0;
  if (!months.length) return box.replaceChildren();
  const width = 800, height = 120, bottom = 18;
  const max = Math.max(...months.map((m) => m.count), 1);
  const step = width / months.length;
  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${height}`, class: 'histogram', role: 'group',
    'aria-label': `Articles per month, ${months[0].month} to ${months[months.length - 1].month}`,
    preserveAspectRatio: 'none',
  });
  months.forEach((m, i) => chart.append(monthBar(m, i, step, max, height - bottom)));
  chart.append(axisLabel(months[0].month, 2, height - 4, 'start'));
  chart.append(axisLabel(months[months.length - 1].month, width - 2, height - 4, 'end'));
  box.replaceChildren(chart);
}

function monthBar({ month, count }, i, step, max, plotHeight) {
  const barHeight = count ? Math.max(2, (count / max) * (plotHeight - 4)) : 0;
  const group = svg('g', {
    class: 'bar' + (inSelectedRange(month) ? ' selected' : '') + (count ? '' : ' empty'),
    role: 'button', tabindex: count ? '0' : '-1', 'data-month': month,
    'aria-label': `${month}: ${count} article${count === 1 ? '' : 's'}`,
  });
  const title = svg('title');
  title.textContent = `${month}: ${count}`;
  group.append(title,
    svg('rect', { class: 'hit', x: i * step, y: 0, width: step, height: plotHeight }),
    svg('rect', { class: 'fill', x: i * step + step * 0.1, y: plotHeight - barHeight, width: step * 0.8, height: barHeight }));
  group.addEventListener('pointerdown', (e) => { dragStart = month; e.preventDefault(); });
  group.addEventListener('pointerup', () => finishDrag(month));
  group.addEventListener('keydown', (e) => monthKey(e, month));
  return group;
}

function axisLabel(text, x, y, anchor) {
  const label = svg('text', { x, y, 'text-anchor': anchor, class: 'axis' });
  label.textContent = text;
  return label;
}

function finishDrag(month) {
  const start = dragStart || month;
  dragStart = null;
  selectMonths(start, month);
}

// Clicking the month already selected alone clears the selection.
function selectMonths(a, b) {
  const [since, until] = a <= b ? [a, b] : [b, a];
  if (state.since === since && state.until === until) return go({ since: '', until: '' });
  go({ since, until });
}

// Enter or space picks a month; with Shift it stretches the selection to that month.
function monthKey(event, month) {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    if (event.shiftKey && (state.since || state.until)) {
      const anchor = month < state.since ? state.until : state.since;
      selectMonths(anchor.slice(0, 7), month);
    } else {
      selectMonths(month, month);
    }
  } else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
    event.preventDefault();
    const bars = [...document.querySelectorAll('#histogram .bar:not(.empty)')];
    const next = bars[bars.indexOf(event.currentTarget) + (event.key === 'ArrowRight' ? 1 : -1)];
    if (next) next.focus();
  }
}

// ---- article view -------------------------------------------------------------------------

function openArticle(id) {
  go({ article: id }, { keepOffset: true });
}

let shownArticle = '';

async function syncArticle() {
  const dialog = $('article');
  if (!state.article) {
    shownArticle = '';
    if (dialog.open) dialog.close();
    return;
  }
  if (shownArticle === state.article && dialog.open) return;
  const id = state.article;
  shownArticle = id;
  try {
    const article = await getJson('/api/v1/articles/' + encodeURIComponent(id));
    // Closed, or another article opened, while this one was on its way: it is not shown.
    if (state.article !== id) return;
    fillArticle(article);
    if (!dialog.open) dialog.showModal();
    $('article-close').focus();
  } catch (error) {
    if (state.article === id) showNotice('Article ' + id + ': ' + error.message);
  }
}

function fillArticle(article) {
  $('article-title').textContent = article.title || article.id;
  const meta = $('article-meta');
  meta.replaceChildren(formatDate(article.date), ' · ', article.source || 'unknown source');
  const href = safeHref(article.url);
  if (href) meta.append(' · ', el('a', { href, rel: 'noopener noreferrer', target: '_blank', text: 'original' }));
  else if (article.url) meta.append(' · ', el('span', { text: article.url }));
  meta.append(' · ', el('span', { class: 'muted', text: article.id }));
  $('article-facets').replaceChildren(...(entityLine(article) ? [entityLine(article)] : []));
  const text = article.text !== undefined ? article.text : (article.body || '');
  $('article-text').replaceChildren(...paragraphs(markMentions(String(text), article.mentions || [])));
  $('article-like').onclick = () => go({ like: article.id, q: '', article: '' });
}

// Mentions give byte offsets into the UTF-8 text: cut the bytes, decode each piece.
function markMentions(text, mentions) {
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  const pieces = [];
  let at = 0;
  const sorted = mentions.filter((m) => m.start >= 0 && m.end <= bytes.length && m.start < m.end)
    .sort((a, b) => a.start - b.start);
  for (const mention of sorted) {
    if (mention.start < at) continue;
    if (mention.start > at) pieces.push(decoder.decode(bytes.subarray(at, mention.start)));
    pieces.push(mentionButton(mention, decoder.decode(bytes.subarray(mention.start, mention.end))));
    at = mention.end;
  }
  if (at < bytes.length) pieces.push(decoder.decode(bytes.subarray(at)));
  return pieces;
}

function mentionButton(mention, text) {
  const facet = mention.facet === 'organisation' ? 'organization' : mention.facet;
  return el('button', {
    type: 'button', class: 'mention ' + facet, text,
    title: facetLabel(facet) + ': ' + mention.value,
    'aria-label': text + ' (' + facetLabel(facet) + ' ' + mention.value + ', filter by it)',
    on: { click: () => addFilter(facet, mention.value) },
  });
}

// Splits the pieces into paragraphs at blank lines, keeping marked mentions whole.
function paragraphs(pieces) {
  const out = [];
  let current = el('p');
  for (const piece of pieces) {
    if (typeof piece !== 'string') { current.append(piece); continue; }
    const parts = piece.split(/\n\s*\n/);
    parts.forEach((part, i) => {
      if (i > 0) { out.push(current); current = el('p'); }
      if (part) current.append(part);
    });
  }
  out.push(current);
  return out.filter((p) => p.childNodes.length);
}

// ---- keyboard -----------------------------------------------------------------------------

function typing(target) {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement || (target && target.isContentEditable);
}

function resultButtons() {
  return [...document.querySelectorAll('#results .title')];
}

function onKey(event) {
  if (event.key === '/' && !typing(event.target) && !$('article').open) {
    event.preventDefault();
    $('q').focus();
    $('q').select();
    return;
  }
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const buttons = resultButtons();
  if (!buttons.length) return;
  const inResults = event.target.closest && event.target.closest('#results');
  if (event.target === $('q') && event.key === 'ArrowDown') {
    event.preventDefault();
    buttons[0].focus();
  } else if (inResults) {
    event.preventDefault();
    const item = event.target.closest('li.result');
    const index = [...$('results').children].indexOf(item);
    const next = index + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0) $('q').focus();
    else if (next < buttons.length) buttons[next].focus();
  }
}

// ---- wiring -------------------------------------------------------------------------------

function wire() {
  $('search').addEventListener('submit', (e) => {
    e.preventDefault();
    go({ q: $('q').value.trim() });
  });
  $('sort').addEventListener('change', () => go({ sort: $('sort').value }));
  $('verbatim').addEventListener('change', (e) => go({ verbatim: e.target.checked ? 'true' : '' }));
  $('no-collapse').addEventListener('change', (e) => go({ collapse: e.target.checked ? 'false' : '' }));
  $('prev').addEventListener('click', () => {
    const limit = Number(state.limit) || DEFAULT_LIMIT;
    go({ offset: String(Math.max(0, (Number(state.offset) || 0) - limit)) });
  });
  $('next').addEventListener('click', () => {
    const limit = Number(state.limit) || DEFAULT_LIMIT;
    go({ offset: String((Number(state.offset) || 0) + limit) });
  });
  $('article-close').addEventListener('click', () => $('article').close());
  // On a phone the facets come after the results.
  $('to-facets').addEventListener('click', () => {
    const first = $('facets').querySelector('input');
    $('facets').scrollIntoView();
    if (first) first.focus({ preventScroll: true });
  });
  $('article').addEventListener('close', () => {
    if (state.article) go({ article: '' }, { keepOffset: true });
  });
  $('home').addEventListener('click', (e) => {
    e.preventDefault();
    go(Object.fromEntries([...SCALARS.map((n) => [n, '']), ...FACET_NAMES.map((n) => [n, []])]));
  });
  document.addEventListener('keydown', onKey);
  document.addEventListener('pointerup', () => { dragStart = null; });
  window.addEventListener('popstate', () => {
    state = readState();
    render();
  });
}

wire();
render();
