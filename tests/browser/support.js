// Shared by the browser tests: a temporary index, newsfacet-serve on a free loopback port,
// Debian's chromium through playwright-core, and checks that nothing on the page failed.
// The binaries come from CTest: NEWSFACET_INDEX_BIN, NEWSFACET_SERVE_BIN, NEWSFACET_CORPUS_DIR.
'use strict';
const assert = require('node:assert/strict');
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.NEWSFACET_CHROMIUM || '/usr/bin/chromium';

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (CTest sets it; see tests/browser/README.md)`);
  return value;
}

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'newsfacet-browser-'));
}

// Indexes `sources` (files or folders; the corpus by default) into DIR/db.
function buildIndex(dir, sources = [required('NEWSFACET_CORPUS_DIR')]) {
  const db = path.join(dir, 'db');
  execFileSync(required('NEWSFACET_INDEX_BIN'), ['--db', db, ...sources], { stdio: 'pipe' });
  return db;
}

// Starts newsfacet-serve over DB on a loopback port it picks itself (--listen 127.0.0.1:0;
// it says which on stderr); returns { base, stop }.
function startServer(db) {
  const child = spawn(required('NEWSFACET_SERVE_BIN'),
    ['--db', db, '--listen', '127.0.0.1:0', '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const stop = () => new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => fail('no "listening on" line within 20 s'), 20000);
    function fail(why) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`newsfacet-serve: ${why}: ${log}`));
    }
    child.stderr.on('data', (data) => {
      log += data;
      const where = /listening on (http:\/\/127\.0\.0\.1:[0-9]+)\//.exec(log);
      if (!where) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.stderr.removeAllListeners('data');
      child.stderr.resume();
      resolve({ base: where[1], stop });
    });
    child.once('exit', (code) => fail('exited with status ' + code));
  });
}

// What a test file needs: a temporary folder, an index (of corpus/, or of the files that
// prepare(dir) writes and returns), a server over it and a browser; close() ends them all.
async function startSession(prepare) {
  const dir = tempDir();
  const session = { dir, server: null, browser: null };
  session.close = async () => {
    if (session.browser) await session.browser.close();
    if (session.server) await session.server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    session.server = await startServer(buildIndex(dir, prepare ? prepare(dir) : undefined));
    session.browser = await launchBrowser();
  } catch (error) {
    await session.close();
    throw error;
  }
  return session;
}

function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

// A page that records script errors, failed requests and console
// errors such as CSP violations; assertClean() fails the test on any of them.
async function openPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  // Everything on this page takes milliseconds, but a loaded CI machine may stall chromium.
  page.setDefaultTimeout(20000);
  const problems = [];
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push('console: ' + m.text());
  });
  page.on('requestfailed', (r) => problems.push('request failed: ' + r.url()));
  page.assertClean = () => assert.deepEqual(problems, []);
  page.closeAll = () => context.close();
  return page;
}

// The page's state as the URL says it: { q: ['embassy'], country: ['A', 'B'], ... }.
function urlState(page) {
  const params = new URL(page.url()).searchParams;
  const out = {};
  for (const [k, v] of params) (out[k] = out[k] || []).push(v);
  return out;
}

// The search answer the page is showing, fetched again from the API with its parameters.
async function searchApi(base, params) {
  const response = await fetch(base + '/api/v1/search?' + new URLSearchParams(params));
  assert.equal(response.status, 200);
  return response.json();
}

async function resultIds(page) {
  return page.$$eval('#results .title', (buttons) => buttons.map((b) => b.dataset.id));
}

// Waits until the page has shown the answer for its current URL (app.js notes which URL's
// answer is on screen in body's data-shown).
async function settled(page) {
  await page.waitForFunction(() => document.body.dataset.shown === location.search &&
    !document.body.classList.contains('loading'));
}

module.exports = {
  startSession, openPage, urlState, searchApi, resultIds, settled,
};
