// CTest's entry to the browser tests: `node run.js FILE.test.js` runs one file with
// `node --test`, or exits 77 (CTest's skip) saying what is missing: the npm packages
// (`npm ci --prefix tests/browser`) or Debian's chromium.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const SKIP = 77;
const chromium = process.env.NEWSFACET_CHROMIUM || '/usr/bin/chromium';

function missing() {
  for (const name of ['playwright-core', 'axe-core']) {
    try {
      require.resolve(name, { paths: [__dirname] });
    } catch (e) {
      return `npm package ${name} (run: npm ci --prefix tests/browser)`;
    }
  }
  if (!fs.existsSync(chromium)) return `${chromium} (Debian package chromium)`;
  return '';
}

const lack = missing();
if (lack) {
  console.log(`skipped: missing ${lack}`);
  process.exit(SKIP);
}
const files = process.argv.slice(2).map((f) => path.resolve(__dirname, f));
const run = spawnSync(process.execPath, ['--test', ...files], { stdio: 'inherit', cwd: __dirname });
process.exit(run.status === null ? 1 : run.status);
