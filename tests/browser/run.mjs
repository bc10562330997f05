#!/usr/bin/env node
// Browser checks for the built reports (make browser).
//
//   node tests/browser/run.mjs [OUT_DIR] [SCREENSHOT_DIR]
//
// Builds nothing: the Makefile runs `./gen/gen build -o out content` first.
// Serves OUT_DIR (default out/) on 127.0.0.1 at a free port, opens
// out/index.html and every out/*/index.html in Debian's headless Chromium,
// and for every page:
//   chromium  the page and everything it loads come back 2xx, no console
//             errors, no sideways scrolling at 390px (WCAG 1.4.10, which
//             axe does not test); full-page screenshots at 390x844 and
//             1280x900 go to SCREENSHOT_DIR/<page>-<width>.png (default
//             build/screenshots); at 1280px every chart's text at least
//             0.8 of the body text's size
//   axe       axe-core with the wcag2a, wcag2aa, wcag21a, wcag21aa rules at
//             both widths: 0 violations ("needs review" results are
//             printed as notes and do not fail)
//   vnu       the Nu HTML checker (vnu.jar on the machine's Java),
//             --errors-only: 0 errors
//   live      gen serve (GEN, default gen/gen) on a copy of the sample
//             content: open a served edition, save a chapter and see the
//             page change without reloading it by hand; save an unknown
//             {{ }} name and see the diagnostics (path:line:column) in the
//             page, with the last good text; fix it and see them go
// BROWSER_ONLY=live runs only the live check.
// Prints "N passed, N failed" and exits 1 on any failure, 2 on a setup
// error or when the whole run takes longer than BROWSER_TIMEOUT seconds
// (default 300).  Nothing is fetched from outside 127.0.0.1: other
// requests are aborted and reported.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const outDir = path.resolve(process.argv[2] || path.join(repo, 'out'));
const shotDir = path.resolve(process.argv[3] || path.join(repo, 'build', 'screenshots'));
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const genPath = path.resolve(process.env.GEN || path.join(repo, 'gen', 'gen'));
const javaPath = process.env.JAVA || 'java';
const deadlineSec = Number(process.env.BROWSER_TIMEOUT || 300);

const WIDTHS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];
const PAGE_TIMEOUT_MS = 30000;
const VNU_TIMEOUT_MS = 180000;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

function die(msg) {
  console.error(`browser: ${msg}`);
  process.exit(2);
}

// --- the pages ---------------------------------------------------------------

function findPages() {
  if (!fs.existsSync(path.join(outDir, 'index.html')))
    die(`${outDir}/index.html not found; run ./gen/gen build -o out content first`);
  const pages = [{ name: 'index', rel: 'index.html' }];
  for (const d of fs.readdirSync(outDir, { withFileTypes: true })
                    .filter((e) => e.isDirectory())
                    .map((e) => e.name).sort()) {
    if (fs.existsSync(path.join(outDir, d, 'index.html')))
      pages.push({ name: d, rel: `${d}/index.html` });
  }
  return pages;
}

// --- a tiny static server on 127.0.0.1 ---------------------------------------

function serve(root) {
  const server = http.createServer((req, res) => {
    let status = 200;
    let file = null;
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw 405;
      let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (p.includes('\0')) throw 400;
      if (p.endsWith('/')) p += 'index.html';
      file = path.resolve(root, '.' + p);
      if (file !== root && !file.startsWith(root + path.sep)) throw 403;
      const st = fs.statSync(file, { throwIfNoEntry: false });
      if (!st) throw 404;
      if (st.isDirectory()) {
        res.writeHead(301, { Location: p + '/' });
        res.end();
        return;
      }
    } catch (e) {
      status = typeof e === 'number' ? e : 400;
    }
    if (status !== 200) {
      res.writeHead(status, { 'Content-Type': 'text/plain' });
      res.end(`${status}\n`);
      return;
    }
    const type = TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    if (req.method === 'HEAD') { res.end(); return; }
    fs.createReadStream(file).on('error', () => res.destroy()).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// --- gen serve in the browser -----------------------------------------------

const LIVE_TIMEOUT_MS = 30000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Starts gen serve on a free port; resolves to { child, base }.
function startServe(cwd, content, tmpdir) {
  return new Promise((resolve, reject) => {
    const child = spawn(genPath, ['serve', '--port', '0', content], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TMPDIR: tmpdir },
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`gen serve printed no address:\n${err}`)),
                             LIVE_TIMEOUT_MS);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /gen serve: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) { clearTimeout(timer); resolve({ child, base: m[1], log: () => err }); }
    });
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
  });
}

// Polls fn() in the page (which may reload meanwhile) until it is true.
async function until(page, fn, arg) {
  const end = Date.now() + LIVE_TIMEOUT_MS;
  while (Date.now() < end) {
    try {
      if (await page.evaluate(fn, arg)) return true;
    } catch { /* the page was reloading */ }
    await sleep(100);
  }
  return false;
}

async function liveCheck(browser) {
  const problems = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gen-live-'));
  const content = path.join(tmp, 'content');
  fs.cpSync(path.join(repo, 'tests', 'golden', 'sample', 'content'), content, { recursive: true });
  fs.mkdirSync(path.join(tmp, 't'));
  const chapter = path.join(content, '2020-bemiddeling', '02-verloop.md');
  const rel = 'content/2020-bemiddeling/02-verloop.md';
  const good = fs.readFileSync(chapter, 'utf8');
  let srv = null;
  try {
    srv = await startServe(tmp, 'content', path.join(tmp, 't'));
  } catch (e) {
    problems.push(`gen serve did not start: ${e.message}`);
  }
  if (!srv) return problems;
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  try {
    const page = await ctx.newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.goto(srv.base + '2020-bemiddeling/', { waitUntil: 'load' });
    // A mark on this window: gone once the page's script has reloaded it.
    await page.evaluate(() => { window.genMark = 1; });

    // A saved chapter: the open page changes by itself.
    fs.writeFileSync(chapter, good + '\nDe schrijver voegde deze zin toe: PELIKAAN-2048.\n');
    if (!await until(page, () => document.body.innerText.includes('PELIKAAN-2048')))
      problems.push('the page did not show the saved chapter');
    else if (await page.evaluate(() => window.genMark === 1))
      problems.push('the text changed without the live reload (?)');

    // An unknown name: the diagnostics in the page, the last good text kept.
    const lines = good.split('\n').length + 3;
    fs.writeFileSync(chapter, good + '\nDe schrijver voegde deze zin toe: PELIKAAN-2048.\n\n' +
                     'Er waren {{ aantal_trajectn }} trajecten.\n');
    const want = `${rel}:${lines}:10: error: unknown value 'aantal_trajectn'`;
    if (!await until(page, (w) => {
      const box = document.getElementById('gen-serve-errors');
      return box && box.innerText.includes(w);
    }, want))
      problems.push(`the page did not show "${want}"`);
    else {
      const box = page.locator('#gen-serve-errors');
      if (!await box.isVisible()) problems.push('the diagnostics are not visible');
      if (!(await page.evaluate(() => document.body.innerText)).includes('PELIKAAN-2048'))
        problems.push('the last good page is gone while the diagnostics show');
    }

    // Fixed: the diagnostics go.
    fs.writeFileSync(chapter, good);
    if (!await until(page, () => !document.getElementById('gen-serve-errors') &&
                     !document.body.innerText.includes('PELIKAAN-2048')))
      problems.push('the diagnostics stayed after the fix');
  } catch (e) {
    problems.push(`error: ${e.message}`);
  } finally {
    await ctx.close();
    srv.child.kill('SIGTERM');
    const code = await new Promise((r) => {
      if (srv.child.exitCode !== null) r(srv.child.exitCode);
      else srv.child.on('close', (c) => r(c));
    });
    if (code !== 0) problems.push(`gen serve exited ${code} after SIGTERM:\n${srv.log()}`);
    if (fs.readdirSync(path.join(tmp, 't')).length)
      problems.push('gen serve left its private folder behind');
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return problems;
}

// --- vnu ---------------------------------------------------------------------

function runVnu(files) {
  const jar = path.join(path.dirname(require.resolve('vnu-jar/package.json')),
                        'build', 'dist', 'vnu.jar');
  if (!fs.existsSync(jar)) die(`${jar} missing; run npm ci in tests/browser`);
  return new Promise((resolve) => {
    const args = ['-jar', jar, '--errors-only', '--format', 'gnu', ...files];
    const child = spawn(javaPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    // A watchdog or setup error exits early: take the JVM along.
    const reap = () => { if (child.exitCode === null) child.kill('SIGKILL'); };
    process.on('exit', reap);
    let text = '';
    child.stdout.on('data', (d) => { text += d; });
    child.stderr.on('data', (d) => { text += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), VNU_TIMEOUT_MS);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: -1, text: `cannot run ${javaPath}: ${e.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      process.off('exit', reap);
      resolve({ code: signal ? -1 : code, text: signal ? `vnu killed (${signal})\n${text}` : text });
    });
  });
}

// "file:/abs/out/x/index.html":12.3-12.40: error: message
function parseVnu(text) {
  const byFile = new Map();
  const other = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const m = /^"([^"]+)":([^ ]*): (.*)$/.exec(line);
    if (m) {
      const file = m[1].startsWith('file:') ? fileURLToPath(m[1]) : path.resolve(m[1]);
      if (!byFile.has(file)) byFile.set(file, []);
      byFile.get(file).push(`${m[2]}: ${m[3]}`);
    } else {
      other.push(line);
    }
  }
  return { byFile, other };
}

// --- logos -----------------------------------------------------------------------

// Every brand logo (img.cover-logo, img.edition-logo) at phone width: it
// lies inside its box and the screen, keeps its proportions, and what it
// draws stays inside the image (an SVG image is drawn in the reader's
// fonts, and text wider than its viewBox is cut off: "Helmond-De Pe").
// The SVG case draws the same file in a frame of its own (no web fonts,
// as in an <img>) and compares the drawing's bounding box with its
// viewBox.
async function logoProblems(page, vw) {
  await page.evaluate(() => Promise.all([...document.images].map((i) =>
    i.complete ? null : new Promise((ok) => { i.onload = i.onerror = ok; }))));
  return page.evaluate(async (vw) => {
    const out = [];
    for (const img of document.querySelectorAll('img.cover-logo, img.edition-logo')) {
      const name = `logo ${img.getAttribute('src')}`;
      const r = img.getBoundingClientRect();
      const box = img.parentElement.getBoundingClientRect();
      if (!img.naturalWidth || !img.naturalHeight) { out.push(`${name} did not load`); continue; }
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.left < -1 || r.right > vw + 1)
        out.push(`${name} overflows its box: ${Math.round(r.left)}..${Math.round(r.right)}px ` +
                 `in ${Math.round(box.left)}..${Math.round(box.right)}px (screen ${vw}px)`);
      const want = img.naturalWidth / img.naturalHeight;
      const got = r.width / r.height;
      if (Math.abs(got - want) > 0.02 * want)
        out.push(`${name} is distorted: shown ${r.width.toFixed(0)}x${r.height.toFixed(0)}, ` +
                 `drawn ${img.naturalWidth}x${img.naturalHeight}`);
      if (!/\.svg$/i.test(img.getAttribute('src'))) continue;
      const text = await (await fetch(img.src)).text();
      // A frame of its own, without the page's web fonts: as an <img> sees it.
      const frame = document.createElement('iframe');
      frame.setAttribute('sandbox', 'allow-same-origin');
      frame.style.cssText = 'position:absolute;left:0;top:0;width:2000px;height:1000px;visibility:hidden';
      frame.srcdoc = text.replace(/^<\?xml[^>]*>/, '');
      await new Promise((ok) => { frame.onload = ok; document.body.appendChild(frame); });
      const el = frame.contentDocument.querySelector('svg');
      if (!el) { out.push(`${name} is not an SVG drawing`); frame.remove(); continue; }
      await frame.contentDocument.fonts.ready;
      const vb = el.viewBox && el.viewBox.baseVal && el.viewBox.baseVal.width ? el.viewBox.baseVal :
        { x: 0, y: 0, width: el.width.baseVal.value, height: el.height.baseVal.value };
      const bb = el.getBBox();
      if (bb.x < vb.x - 0.5 || bb.y < vb.y - 0.5 ||
          bb.x + bb.width > vb.x + vb.width + 0.5 || bb.y + bb.height > vb.y + vb.height + 0.5)
        out.push(`${name} draws outside its own box and is cut off: drawing ` +
                 `${bb.x.toFixed(0)},${bb.y.toFixed(0)} ${bb.width.toFixed(0)}x${bb.height.toFixed(0)}, ` +
                 `viewBox ${vb.x},${vb.y} ${vb.width}x${vb.height}`);
      frame.remove();
    }
    return out;
  }, vw);
}

// Chart text at desktop width (issue 12): every <text> of every chart SVG
// is drawn at least 0.8 times the body text's size: its computed
// font-size in the SVG's units times the scale the SVG is drawn at
// (getScreenCTM). The body text is a paragraph of the page's main text
// (outside figures, callouts and the intro), else the body's size.
const CHART_TEXT_MIN = 0.8;
async function chartTextProblems(page) {
  return page.evaluate((min) => {
    const out = [];
    const para = [...document.querySelectorAll('main p')].find((p) =>
      !p.closest('figure, aside, blockquote, .callout, .intro, nav, footer, header') &&
      p.textContent.trim().length > 40);
    const body = parseFloat(getComputedStyle(para || document.body).fontSize);
    for (const svg of document.querySelectorAll('figure svg')) {
      if (!svg.getBoundingClientRect().width) continue;   // not shown at this width
      const fig = svg.closest('figure');
      const name = fig.id || fig.querySelector('figcaption')?.textContent.trim().slice(0, 40) || 'chart';
      let least = null;
      for (const t of svg.querySelectorAll('text')) {
        if (!t.textContent.trim()) continue;
        const m = t.getScreenCTM();
        const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
        if (least === null || px < least.px) least = { px, text: t.textContent.trim().slice(0, 30) };
      }
      if (least && least.px < min * body - 0.01)
        out.push(`${name}: chart text '${least.text}' is ${least.px.toFixed(1)}px, ` +
                 `under ${min} of the body text's ${body.toFixed(1)}px`);
    }
    return out;
  }, CHART_TEXT_MIN);
}

// --- main ----------------------------------------------------------------------

async function main() {
  const t0 = Date.now();
  // BROWSER_ONLY=live runs the gen serve check alone (quick, while
  // working on it).
  const liveOnly = process.env.BROWSER_ONLY === 'live';
  const pages = liveOnly ? [] : findPages();
  fs.mkdirSync(shotDir, { recursive: true });

  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (e) {
    die(`playwright-core not installed (npm ci in tests/browser): ${e.message}`);
  }
  if (!fs.existsSync(chromiumPath)) die(`${chromiumPath} missing (apt-get install chromium)`);
  const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

  // vnu runs in a JVM of its own while Chromium works through the pages.
  const vnuDone = liveOnly ? Promise.resolve({ code: 0, text: '' }) :
    runVnu(pages.map((p) => path.join(outDir, p.rel)));

  const server = await serve(outDir);
  const base = `http://127.0.0.1:${server.address().port}/`;
  let browser = null;
  const watchdog = setTimeout(() => {
    console.error(`browser: gave up after ${deadlineSec}s`);
    try { server.close(); } catch { /* ignore */ }
    if (browser) browser.close().catch(() => {});
    process.exit(2);
  }, deadlineSec * 1000);
  watchdog.unref();

  const results = [];   // { page, tool, ok, lines[] }
  const record = (page, tool, lines, note = '') =>
    results.push({ page, tool, ok: lines.length === 0, lines, note });

  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: PAGE_TIMEOUT_MS,
  });
  try {
    for (const pg of pages) {
      const tPage = Date.now();
      const problems = [];
      const axeSeen = new Map();   // rule|target -> entry
      const reviewSeen = new Set();
      for (const w of WIDTHS) {
        const ctx = await browser.newContext({
          viewport: { width: w.width, height: w.height },
          deviceScaleFactor: 1,
          locale: 'nl-NL',
          reducedMotion: 'reduce',
          serviceWorkers: 'block',
        });
        const page = await ctx.newPage();
        page.setDefaultTimeout(PAGE_TIMEOUT_MS);
        await page.route('**/*', (route) => {
          const u = route.request().url();
          if (u.startsWith(base) || u.startsWith('data:')) return route.continue();
          problems.push(`${w.width}px: blocked request to ${u} (not on the local server)`);
          return route.abort('blockedbyclient');
        });
        page.on('response', (r) => {
          if (r.status() >= 400)
            problems.push(`${w.width}px: HTTP ${r.status()} for ${r.url().replace(base, '/')}`);
        });
        page.on('requestfailed', (r) => {
          const u = r.url();
          if (u.startsWith(base))
            problems.push(`${w.width}px: request failed: ${u.replace(base, '/')} (${r.failure()?.errorText})`);
        });
        page.on('console', (m) => {
          if (m.type() === 'error') problems.push(`${w.width}px: console error: ${m.text()}`);
        });
        page.on('pageerror', (e) => problems.push(`${w.width}px: page error: ${e.message}`));

        const resp = await page.goto(base + pg.rel, { waitUntil: 'load' });
        if (!resp || !resp.ok()) problems.push(`${w.width}px: HTTP ${resp ? resp.status() : 'no response'} for /${pg.rel}`);
        await page.evaluate(() => document.fonts.ready);

        // WCAG 1.4.10 (Reflow), which axe does not test: at phone width the
        // page itself must not scroll sideways (a wide table may scroll
        // inside its own box).
        if (w.name === 'phone') {
          const over = await page.evaluate((vw) => {
            const sw = document.documentElement.scrollWidth;
            if (sw <= vw) return null;
            const out = [];
            const walk = (el) => {
              for (const c of el.children) {
                const r = c.getBoundingClientRect();
                if (r.right > vw + 1 && r.width > 0) {
                  out.push(c.tagName.toLowerCase() + (c.id ? '#' + c.id : '') +
                    (c.classList.length ? '.' + [...c.classList].join('.') : '') +
                    ` ends at ${Math.round(r.right)}px`);
                  if (out.length >= 5) return;
                } else {
                  walk(c);
                  if (out.length >= 5) return;
                }
              }
            };
            walk(document.body);
            return `page is ${sw}px wide (WCAG 1.4.10 Reflow): ${out.join('; ')}`;
          }, w.width);
          if (over) problems.push(`${w.width}px: ${over}`);
          for (const l of await logoProblems(page, w.width))
            problems.push(`${w.width}px: ${l}`);
        }

        if (w.name === 'desktop')
          for (const l of await chartTextProblems(page))
            problems.push(`${w.width}px: ${l}`);

        await page.screenshot({
          path: path.join(shotDir, `${pg.name}-${w.width}.png`),
          fullPage: true,
          animations: 'disabled',
        });

        await page.addScriptTag({ content: axeSource });
        const axe = await page.evaluate(async (tags) => {
          const r = await window.axe.run(document, {
            runOnly: { type: 'tag', values: tags },
            resultTypes: ['violations', 'incomplete'],
          });
          const slim = (v) => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map((n) => ({
              target: n.target.join(' '),
              summary: n.failureSummary || '',
            })),
          });
          return { violations: r.violations.map(slim), incomplete: r.incomplete.map(slim) };
        }, AXE_TAGS);
        for (const v of axe.violations) {
          for (const n of v.nodes) {
            const key = `${v.id}|${n.target}`;
            if (axeSeen.has(key)) { axeSeen.get(key).widths.push(w.width); continue; }
            axeSeen.set(key, { ...v, node: n, widths: [w.width] });
          }
        }
        for (const v of axe.incomplete) {
          if (reviewSeen.has(v.id)) continue;
          reviewSeen.add(v.id);
          console.log(`note: ${pg.name}: axe needs review: ${v.id} (${v.nodes.length}x, e.g. ` +
                      `${v.nodes.slice(0, 2).map((n) => n.target).join(', ')})`);
        }
        await ctx.close();
      }
      record(pg.name, 'chromium', problems, `${((Date.now() - tPage) / 1000).toFixed(1)}s`);
      const axeLines = [...axeSeen.values()].map((e) =>
        `${e.id} [${e.impact}] ${e.node.target} (${e.widths.join('px, ')}px)\n` +
        `      ${e.help}\n` +
        `      ${e.node.summary.replace(/\n/g, '\n      ')}`);
      record(pg.name, 'axe', axeLines);
    }
    const tLive = Date.now();
    record('serve', 'live', await liveCheck(browser),
           `${((Date.now() - tLive) / 1000).toFixed(1)}s`);
  } finally {
    await browser.close();
    browser = null;
    server.close();
  }

  const vnu = await vnuDone;
  const { byFile, other } = parseVnu(vnu.text);
  for (const pg of pages) {
    const f = path.resolve(outDir, pg.rel);
    const lines = byFile.get(f) || [];
    if (vnu.code !== 0 && byFile.size === 0)
      lines.push(`vnu exited ${vnu.code}: ${other.join('\n') || '(no output)'}`);
    record(pg.name, 'vnu', lines);
  }
  for (const l of other) if (vnu.code === 0 || byFile.size) console.log(`vnu: ${l}`);

  let passed = 0;
  let failed = 0;
  for (const r of results) {
    if (r.ok) {
      passed++;
      console.log(`ok    ${r.tool.padEnd(8)} ${r.page}${r.note ? ` (${r.note})` : ''}`);
    } else {
      failed++;
      console.log(`FAIL  ${r.tool.padEnd(8)} ${r.page}: ${r.lines.length} problem(s)`);
      for (const l of r.lines) console.log(`    ${l}`);
    }
  }
  console.log(`screenshots: ${path.relative(repo, shotDir) || shotDir}/ ` +
              `(${pages.length * WIDTHS.length} files), ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  console.error(`browser: ${e.stack || e}`);
  process.exit(2);
});
