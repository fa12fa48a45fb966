// The page over an index of corpus/: search, facets, histogram, paging, article view, more
// like this, the URL and back/forward, the keyboard. One server and one browser for the file.
'use strict';
const { describe, it, before, after, beforeEach, afterEach } = require('node:test');
const assert = require('node:assert/strict');
const t = require('./support');

describe('newsfacet web page over corpus/', () => {
  let session, server, browser, page;

  before(async () => {
    session = await t.startSession();
    ({ server, browser } = session);
  });
  after(() => session && session.close());
  beforeEach(async () => {
    page = await t.openPage(browser, { viewport: { width: 1280, height: 900 } });
  });
  afterEach(async () => {
    page.assertClean();
    await page.closeAll();
  });

  async function open(query = '') {
    await page.goto(server.base + '/' + query);
    await t.settled(page);
  }

  it('searches from the box and shows highlighted snippets as the API answers', async () => {
    await open();
    await page.fill('#q', 'embassy');
    await page.press('#q', 'Enter');
    await t.settled(page);
    assert.deepEqual(t.urlState(page), { q: ['embassy'] });
    const answer = await t.searchApi(server.base, { q: 'embassy' });
    assert.deepEqual(await t.resultIds(page), answer.results.map((r) => r.id));
    assert.match(await page.textContent('#summary'), new RegExp(`of ${answer.total}\\b`));
    const marks = await page.$$eval('#results .snippet mark', (m) => m.map((x) => x.textContent.toLowerCase()));
    assert.ok(marks.includes('embassy'), 'matches are marked: ' + marks);
    const first = answer.results[0];
    assert.equal(await page.textContent('#results li:first-child .title'), first.title);
  });

  it('offers the corrected query and searches it when clicked', async () => {
    await open('?q=embasy');
    const offer = page.locator('#dym button');
    await offer.first().waitFor();
    assert.equal(await offer.first().textContent(), 'embassy');
    await offer.first().click();
    await t.settled(page);
    assert.deepEqual(t.urlState(page).q, ['embassy']);
    assert.ok((await t.resultIds(page)).length > 0);

    // A filter value that matches nothing: the closest value in the index replaces it.
    await open('?q=embassy&country=Ukrane');
    const filter = page.locator('#dym button', { hasText: 'country:Ukraine' });
    await filter.click();
    await t.settled(page);
    assert.deepEqual(t.urlState(page), { q: ['embassy'], country: ['Ukraine'] });
    assert.equal(await page.isVisible('#dym'), false);

    // Two values of one facet go into the query sent; the offer is only what was typed.
    await open('?q=embasy&country=Ukraine&country=Russia');
    await offer.first().waitFor();
    assert.equal(await offer.first().textContent(), 'embassy');
    await offer.first().click();
    await t.settled(page);
    assert.deepEqual(t.urlState(page), { q: ['embassy'], country: ['Ukraine', 'Russia'] });
  });

  it('filters by a facet value, widens with a second value of the facet, narrows across facets', async () => {
    await open('?q=embassy');
    await page.check('#facets input[data-facet="country"][data-value="Ukraine"]');
    await t.settled(page);
    assert.deepEqual(t.urlState(page), { q: ['embassy'], country: ['Ukraine'] });
    const one = await t.searchApi(server.base, { q: 'embassy', country: 'Ukraine' });
    assert.deepEqual(await t.resultIds(page), one.results.map((r) => r.id));
    for (const r of one.results) assert.ok(r.facets.country.includes('Ukraine'));

    // The count next to an unticked value is what ticking it adds (multi-select counts).
    const poland = page.locator('#facets li[data-search="poland"] .count');
    const polandAlone = (await t.searchApi(server.base, { q: 'embassy', country: 'Poland' })).total_articles;
    assert.equal(Number(await poland.textContent()), polandAlone);
    await page.check('#facets input[data-facet="country"][data-value="Poland"]');
    await t.settled(page);
    assert.deepEqual(t.urlState(page), { q: ['embassy'], country: ['Ukraine', 'Poland'] });
    const either = await t.searchApi(server.base, { q: 'embassy (country:"Ukraine" OR country:"Poland")', limit: 50 });
    assert.ok(either.total > one.total, 'a second value widens the selection');
    assert.match(await page.textContent('#summary'), new RegExp(`of ${either.total}\\b`));
    assert.equal(await page.locator('#chips .chip').count(), 2);

    // A value of another facet narrows the selection.
    const cities = await page.$$eval('#facets input[data-facet="location"]', (b) => b.map((x) => x.dataset.value));
    await page.check(`#facets input[data-facet="location"][data-value="${cities[0]}"]`);
    await t.settled(page);
    const narrowed = await t.searchApi(server.base,
      { q: 'embassy (country:"Ukraine" OR country:"Poland")', location: cities[0], limit: 50 });
    assert.ok(narrowed.total < either.total);
    assert.deepEqual(t.urlState(page).location, [cities[0]]);

    // Removing chips removes the filters.
    await page.click('#chips button[aria-label="Remove filter Country: Ukraine"]');
    await t.settled(page);
    assert.deepEqual(t.urlState(page), { q: ['embassy'], country: ['Poland'], location: [cities[0]] });
    assert.equal(await page.isChecked('#facets input[data-facet="country"][data-value="Poland"]'), true);
  });

  it('finds a value in a long facet list', async () => {
    await open();
    const filter = page.locator('#facets input.facet-filter[data-facet="country"]');
    const items = page.locator('#facets section[aria-labelledby="facet-country"] li');
    const all = await items.count();
    assert.ok(all > 8);
    await filter.fill('ukr');
    const visible = await page.$$eval('#facets section[aria-labelledby="facet-country"] li:not([hidden])', (l) => l.map((x) => x.dataset.search));
    assert.deepEqual(visible, ['ukraine']);
    await filter.fill('');
    assert.equal(await page.locator('#facets section[aria-labelledby="facet-country"] li:not([hidden])').count(), all);
  });

  it('filters by a month clicked in the histogram and by a range dragged across it', async () => {
    await open('?q=embassy');
    const months = await page.$$eval('#histogram .bar:not(.empty)', (b) => b.map((x) => x.dataset.month));
    assert.ok(months.length >= 3);
    await page.click(`#histogram .bar[data-month="${months[1]}"]`);
    await t.settled(page);
    assert.deepEqual(t.urlState(page), { q: ['embassy'], since: [months[1]], until: [months[1]] });
    const dates = await page.$$eval('#results .meta span:first-child', (s) => s.map((x) => x.textContent));
    assert.ok(dates.length > 0);
    for (const date of dates) assert.ok(date.startsWith(months[1]), date);
    assert.ok(await page.isVisible('#chips .chip'));

    await page.click('#chips button[aria-label^="Remove filter Dates"]');
    await t.settled(page);
    const from = page.locator(`#histogram .bar[data-month="${months[0]}"]`);
    const to = page.locator(`#histogram .bar[data-month="${months[2]}"]`);
    await from.hover();
    await page.mouse.down();
    await to.hover();
    await page.mouse.up();
    await t.settled(page);
    assert.deepEqual(t.urlState(page), { q: ['embassy'], since: [months[0]], until: [months[2]] });
    const ranged = await t.searchApi(server.base, { q: 'embassy', since: months[0], until: months[2] });
    assert.match(await page.textContent('#summary'), new RegExp(`of ${ranged.total}\\b`));
    assert.equal(await page.locator('#histogram .bar.selected').count(),
      (await page.$$eval('#histogram .bar', (b) => b.map((x) => x.dataset.month)))
        .filter((m) => m >= months[0] && m <= months[2]).length);
  });

  it('pages through the results and sorts them', async () => {
    await open('?sort=oldest');
    const answer = await t.searchApi(server.base, { q: '', sort: 'oldest', limit: 50 });
    const firstPage = await t.resultIds(page);
    assert.deepEqual(firstPage, answer.results.slice(0, 10).map((r) => r.id));
    assert.equal(await page.isDisabled('#prev'), true);
    await page.click('#next');
    await t.settled(page);
    assert.deepEqual(t.urlState(page), { sort: ['oldest'], offset: ['10'] });
    assert.deepEqual(await t.resultIds(page), answer.results.slice(10, 20).map((r) => r.id));
    assert.match(await page.textContent('#summary'), /Results 11–20 of/);
    await page.click('#prev');
    await t.settled(page);
    assert.deepEqual(await t.resultIds(page), firstPage);
    await page.selectOption('#sort', 'newest');
    await t.settled(page);
    assert.deepEqual(t.urlState(page), { sort: ['newest'] });
    const newest = await t.searchApi(server.base, { q: '', sort: 'newest' });
    assert.deepEqual(await t.resultIds(page), newest.results.map((r) => r.id));

    await open('?offset=1000');
    assert.deepEqual(await t.resultIds(page), []);
    assert.match(await page.textContent('#summary'), new RegExp(`No results on this page: ${newest.total} in all`));
    assert.equal(await page.isDisabled('#next'), true);
  });

  it('opens an article with its entities marked, and filters by a clicked entity', async () => {
    await open('?q=embassy');
    const id = (await t.resultIds(page))[0];
    await page.click('#results li:first-child .title');
    await page.waitForSelector('#article[open] .mention');
    assert.deepEqual(t.urlState(page), { q: ['embassy'], article: [id] });
    const article = await (await fetch(server.base + '/api/v1/articles/' + encodeURIComponent(id))).json();
    assert.equal(await page.textContent('#article-title'), article.title);
    const mention = page.locator('#article-text .mention').first();
    const mentionText = await mention.textContent();
    assert.ok(article.mentions.some((m) => m.text === mentionText), mentionText);
    const facetValue = article.mentions.find((m) => m.text === mentionText);
    await mention.click();
    await t.settled(page);
    assert.equal(await page.isVisible('#article'), false);
    const facet = facetValue.facet === 'organisation' ? 'organization' : facetValue.facet;
    assert.deepEqual(t.urlState(page)[facet], [facetValue.value]);
    assert.equal(t.urlState(page).article, undefined);
  });

  it('lists more like a result, never the result itself', async () => {
    await open('?q=embassy');
    const id = (await t.resultIds(page))[0];
    await page.click('#results li:first-child .like');
    await t.settled(page);
    assert.deepEqual(t.urlState(page), { like: [id] });
    const ids = await t.resultIds(page);
    assert.ok(ids.length > 0);
    assert.ok(!ids.includes(id));
    const answer = await t.searchApi(server.base, { like: id });
    assert.deepEqual(ids, answer.results.map((r) => r.id));
    assert.ok(await page.isVisible('#chips .chip'));
  });

  it('opens the state a URL holds, and goes back and forward through states', async () => {
    await open('?q=embassy&country=Ukraine&sort=newest');
    assert.equal(await page.inputValue('#q'), 'embassy');
    assert.equal(await page.inputValue('#sort'), 'newest');
    assert.equal(await page.isChecked('#facets input[data-facet="country"][data-value="Ukraine"]'), true);
    const answer = await t.searchApi(server.base, { q: 'embassy', country: 'Ukraine', sort: 'newest' });
    assert.deepEqual(await t.resultIds(page), answer.results.map((r) => r.id));
    const start = page.url();

    await page.fill('#q', 'consulate');
    await page.press('#q', 'Enter');
    await t.settled(page);
    const second = page.url();
    assert.deepEqual(t.urlState(page), { q: ['consulate'], sort: ['newest'], country: ['Ukraine'] });

    await page.goBack();
    await t.settled(page);
    assert.equal(page.url(), start);
    assert.equal(await page.inputValue('#q'), 'embassy');
    assert.deepEqual(await t.resultIds(page), answer.results.map((r) => r.id));
    await page.goForward();
    await t.settled(page);
    assert.equal(page.url(), second);
    assert.equal(await page.inputValue('#q'), 'consulate');
  });

  it('can be used from the keyboard alone', async () => {
    await open('?q=embassy');
    await page.locator('body').focus();
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('strike');
    await page.keyboard.press('Enter');
    await t.settled(page);
    assert.deepEqual(t.urlState(page), { q: ['strike'] });
    const ids = await t.resultIds(page);
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.id), ids[0]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.id), ids[1]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
  });

  it('opens and closes an article from the keyboard', async () => {
    await open('?q=strike');
    const ids = await t.resultIds(page);
    await page.focus('#q');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#article[open]');
    assert.deepEqual(t.urlState(page).article, [ids[1]]);
    await page.keyboard.press('Escape');
    await t.settled(page);
    assert.equal(await page.isVisible('#article'), false);
    assert.deepEqual(t.urlState(page), { q: ['strike'] });
  });

  it('searches verbatim and lists copies separately when asked', async () => {
    await open('?q=struck');
    await page.check('#verbatim');
    await t.settled(page);
    assert.deepEqual(t.urlState(page), { q: ['struck'], verbatim: ['true'] });
    const verbatim = await t.searchApi(server.base, { q: 'struck', verbatim: 'true' });
    const expanded = await t.searchApi(server.base, { q: 'struck' });
    assert.ok(verbatim.total < expanded.total, 'verbatim finds fewer than the stemmed, expanded query');
    assert.deepEqual(await t.resultIds(page), verbatim.results.map((r) => r.id));
    await page.check('#no-collapse');
    await t.settled(page);
    assert.deepEqual(t.urlState(page), { q: ['struck'], collapse: ['false'], verbatim: ['true'] });
  });

  it('links the export buttons to the whole result list with the same filters', async () => {
    await open('?q=embassy&country=Ukraine&offset=10');
    const href = await page.getAttribute('#export-csv', 'href');
    const url = new URL(href, server.base);
    assert.equal(url.pathname, '/api/v1/export');
    assert.deepEqual(Object.fromEntries(url.searchParams), { q: 'embassy', country: 'Ukraine', format: 'csv' });
    const jsonl = new URL(await page.getAttribute('#export-jsonl', 'href'), server.base);
    assert.equal(jsonl.searchParams.get('format'), 'jsonl');
  });

  it('fits a phone-sized window without sideways scrolling', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    await open('?q=embassy');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, 'scrolls sideways by ' + overflow + 'px');
    const results = await page.locator('#main').boundingBox();
    const facets = await page.locator('#facets').boundingBox();
    assert.ok(facets.y >= results.y + results.height - 1, 'facets come after the results on a phone');
    await page.click('#to-facets');
    assert.equal(await page.evaluate(() => document.activeElement.closest('#facets') !== null), true);
    assert.ok(await page.locator('#facets').isVisible());
  });
});
