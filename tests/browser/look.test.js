// Accessibility (axe-core: no serious or critical finding) on the results, a selection and
// the article view; and the README's screenshot (NEWSFACET_SCREENSHOT, else a temp file).
'use strict';
const { describe, it, before, after, beforeEach, afterEach } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const axe = require('axe-core');
const t = require('./support');

describe('accessibility and the screenshot', () => {
  let session, server, page;

  before(async () => {
    session = await t.startSession();
    server = session.server;
  });
  after(() => session && session.close());
  beforeEach(async () => {
    page = await t.openPage(session.browser, { viewport: { width: 1280, height: 860 } });
  });
  afterEach(() => page.closeAll());

  // axe is evaluated through the DevTools protocol, which the page's CSP does not govern.
  async function seriousFindings() {
    if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(axe.source);
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  it('has no serious or critical accessibility finding', async () => {
    await page.goto(server.base + '/?q=embassy');
    await t.settled(page);
    assert.deepEqual(await seriousFindings(), []);
    await page.goto(server.base + '/?q=embassy&country=Ukraine&country=Poland&since=2024-01&until=2025-03');
    await t.settled(page);
    assert.deepEqual(await seriousFindings(), []);
    page.assertClean();
  });

  it('has no serious or critical accessibility finding in the article view', async () => {
    await page.goto(server.base + '/?q=embassy');
    await t.settled(page);
    await page.click('#results .title');
    await page.waitForSelector('#article[open]');
    assert.deepEqual(await seriousFindings(), []);
    page.assertClean();
  });

  it('takes the screenshot and measures the first results on screen', async (ctx) => {
    const started = Date.now();
    await page.goto(server.base + '/?q=strikes%20on%20embassies&country=Ukraine');
    await page.waitForFunction(() => performance.getEntriesByName('newsfacet:results').length > 0);
    const timing = await page.evaluate(() => {
      const shown = performance.getEntriesByName('newsfacet:results')[0];
      return { shown: shown.startTime, html: performance.getEntriesByType('navigation')[0].responseEnd };
    });
    ctx.diagnostic(`first results on screen ${Math.round(timing.shown)} ms after navigation start ` +
      `(page's HTML received at ${Math.round(timing.html)} ms; ${Date.now() - started} ms from goto to seen)`);
    await t.settled(page);
    await page.hover('#histogram .bar:not(.empty)');
    const file = process.env.NEWSFACET_SCREENSHOT || path.join(session.dir, 'screenshot.png');
    await page.screenshot({ path: file });
    assert.ok(fs.statSync(file).size > 10000);
    page.assertClean();
  });
});
