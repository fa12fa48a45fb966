// An article whose title, source, link and body hold markup and script must show as text:
// nothing runs, no element comes from it, its javascript: link is no link.
'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const t = require('./support');

const TITLE = 'Embassy <script>window.__xss = "title"</script><img src=x onerror="window.__xss = \'img\'"> report';
const BODY = 'KYIV - The embassy in Ukraine said <script>window.__xss = "body"</script> and ' +
  '<img src=x onerror="window.__xss = \'body img\'"> and <a href="javascript:window.__xss = \'link\'">click here</a> ' +
  'were found in a letter. [read more](javascript:window.__xss=\'md\') Ukrainian officials said the embassy was closed.';

describe('an article that holds markup and script', () => {
  let session, server, page;

  before(async () => {
    session = await t.startSession((dir) => {
      const file = path.join(dir, 'hostile.jsonl');
      fs.writeFileSync(file, JSON.stringify({
        id: 'hostile-1', title: TITLE, body: BODY, date: '2025-05-05',
        source: '<b onmouseover="window.__xss = \'source\'">Evil Wire</b>',
        url: 'javascript:window.__xss = "url"',
      }) + '\n');
      return [file];
    });
    server = session.server;
    page = await t.openPage(session.browser);
  });
  after(async () => {
    if (page) await page.closeAll();
    if (session) await session.close();
  });

  async function assertInert(scope) {
    assert.equal(await page.evaluate(() => window.__xss), undefined, 'no script from the article ran');
    assert.equal(await page.locator(`${scope} script, ${scope} img, ${scope} b, ${scope} a[href^="javascript"]`).count(), 0);
    const hrefs = await page.$$eval(`${scope} a`, (links) => links.map((a) => a.getAttribute('href')));
    for (const href of hrefs) assert.match(href, /^https?:/);
  }

  it('shows the title, source, snippet and link of a result as text', async () => {
    await page.goto(server.base + '/?q=embassy');
    await t.settled(page);
    assert.equal(await page.textContent('#results .title'), TITLE);
    assert.match(await page.textContent('#results .meta'), /<b onmouseover=/);
    assert.match(await page.textContent('#results .meta'), /javascript:window.__xss = "url"/);
    const snippet = await page.textContent('#results .snippet');
    assert.match(snippet, /embassy/);
    await page.hover('#results .meta');
    await assertInert('#results');
    page.assertClean();
  });

  it('shows the article body as text with its mentions marked', async () => {
    await page.click('#results .title');
    await page.waitForSelector('#article[open]');
    assert.equal(await page.textContent('#article-title'), TITLE);
    const text = await page.textContent('#article-text');
    assert.ok(text.includes('<script>window.__xss = "body"</script>'), text);
    assert.ok(text.includes('<a href="javascript:window.__xss = \'link\'">click here</a>'), text);
    assert.ok(await page.locator('#article-text .mention').count() > 0, 'mentions are marked');
    await page.click('#article-text');
    await assertInert('#article');
    page.assertClean();
  });
});
