// Presents one bench run: a table in the terminal and a self-contained HTML report with SVG charts.
import { writeFileSync } from 'node:fs';
import { libraryChart, libraryLines } from './library-report.mjs';

const KB = 1024;
const LABEL = {
  backstory: 'Backstory',
  markjs: 'mark.js mark()',
  markregexp: 'mark.js markRegExp',
  floor: 'floor (TreeWalker+regex)',
};
const COLOR = { backstory: '#c0392b', markjs: '#2c3e50', markregexp: '#2980b9', floor: '#7f8c8d' };
const CONTENDERS = Object.keys(LABEL);

const ms = (v) =>
  v === null || v === undefined
    ? '–'
    : v >= 1000
      ? `${(v / 1000).toFixed(2)} s`
      : `${v.toFixed(v < 10 ? 1 : 0)} ms`;
const ratio = (a, b) => (a && b ? (a / b).toFixed(a / b < 0.1 ? 3 : 2) : '–');
const name = (path) => path.replace(/^\/(corpus|gen)\//, '').replace(/^\//, '');
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells
      .map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i])))
      .join('  ');
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function pageRows(results) {
  return (results.pages ?? []).map((p) => {
    const c = p.contenders;
    const b = c.backstory;
    const cell = (k) =>
      c[k].painted === undefined
        ? c[k].skipped
          ? 'skipped'
          : '–'
        : `${ms(c[k].painted)}${k === 'markjs' && c[k].runs.length < results.settings.runs ? ` (${c[k].runs.length})` : ''}`;
    return [
      name(p.path),
      `${(p.bytes / KB).toFixed(0)}`,
      ms(b.firstVisible),
      ms(b.painted),
      ms(b.cpu),
      `${b.longestTask ? ms(b.longestTask) : '<50'} / ${ms(b.longestTaskCpu)}`,
      cell('markjs'),
      cell('markregexp'),
      cell('floor'),
      ms(c.floor.cpu),
      CONTENDERS.map((k) => c[k].matches ?? '–').join('/'),
      ratio(b.painted, c.markjs.painted),
      ratio(b.painted, c.markregexp.painted),
      ratio(b.painted, c.floor.painted),
      `${ratio(b.cpu, c.markjs.cpu)} / ${ratio(b.cpu, c.markregexp.cpu)} / ${ratio(b.cpu, c.floor.cpu)}`,
    ];
  });
}

const SCALE_HEADERS = [
  'entities',
  'patterns',
  'states',
  'build wall/CPU',
  'match only wall/CPU',
  'scan wall/CPU',
  'matches',
  'index heap',
];
const scaleRows = (results) =>
  results.scale.map((s) => [
    s.entities,
    s.patterns,
    s.states,
    `${ms(s.compileMs)} / ${ms(s.compileCpuMs)}`,
    `${ms(s.findMs)} / ${ms(s.findCpuMs)}`,
    `${ms(s.scanMs)} / ${ms(s.scanCpuMs)}`,
    s.matches,
    `${(s.indexHeapBytes / KB / KB).toFixed(2)} MB`,
  ]);
const LIVE_HEADERS = [
  'page',
  'KB',
  'initial scan',
  'CPU / append',
  'busy / append',
  'wall / append',
  'highlights added',
  'longest slice',
];
const liveRows = (results) =>
  results.live.map((l) => [
    name(l.path),
    (l.bytes / KB).toFixed(0),
    ms(l.initialMs),
    ms(l.cpuMs),
    ms(l.busyMs),
    ms(l.wallMs),
    l.added,
    ms(l.longestSliceMs),
  ]);

const KIND_LABEL = { popup: 'popup', sidepanel: 'side panel' };
const EXT_HEADERS = [
  'entities',
  'page',
  'before: names shown',
  'before: list',
  'before: CPU main/ext/browser',
  'after: names shown',
  'after: list',
  'after: CPU main/ext/browser',
  'before ÷ after',
];
/** "257 ms [224–290]": the median, then the lowest and highest run in the median's unit. */
const withSpread = (s) => {
  if (s.median === null) return '–';
  const inSeconds = s.median >= 1000;
  const bare = (v) => (inSeconds ? (v / 1000).toFixed(2) : v.toFixed(0));
  return `${ms(s.median)} [${bare(s.min)}–${bare(s.max)}]`;
};
/** The CPU medians; "(5 of 7)" when some runs' traces lacked the page's marks. */
const cpuCells = (row) =>
  row
    ? `${ms(row.cpu.median)} / ${ms(row.extensionCpu.median)} / ${ms(row.browserCpu.median)}${row.traced < row.runs.length ? ` (${row.traced} of ${row.runs.length})` : ''}`
    : '–';
/** One line per dictionary size × page: the previous release beside this build. */
function extensionRows(section) {
  const out = [];
  for (const size of section.sizes) {
    for (const kind of Object.keys(KIND_LABEL)) {
      const find = (build) =>
        section.rows.find((r) => r.size === size.key && r.kind === kind && r.build === build);
      const before = find('before');
      const after = find('after');
      out.push([
        size.entities.toLocaleString('en'),
        KIND_LABEL[kind],
        before ? withSpread(before.names) : '–',
        before ? ms(before.list.median) : '–',
        cpuCells(before),
        after ? withSpread(after.names) : '–',
        after ? ms(after.list.median) : '–',
        cpuCells(after),
        `${ratio(before?.names.median, after?.names.median)}×`,
      ]);
    }
  }
  return out;
}
/** What was loaded and how, for the lines under the table. */
function extensionNotes(section) {
  const builds = section.builds.map((b) => `${b.key} = ${b.label} (${b.dir})`).join('; ');
  const files = Object.entries(section.synthetic.files)
    .map(
      ([key, list]) =>
        `${key}: ${list.map((f) => `${f.name} ${(f.bytes / KB / KB).toFixed(2)} MB`).join(' + ')}`,
    )
    .join('; ');
  const imports = section.sizes
    .flatMap((size) => Object.entries(size.importMs).map(([key, v]) => `${key} ${ms(v)}`))
    .join(', ');
  // The largest row median per build: the background's and the demo tab's part in an open.
  const most = (build, field) =>
    ms(Math.max(...section.rows.filter((r) => r.build === build).map((r) => r[field].median ?? 0)));
  const helpers = `During an open, the background's service worker thread ran at most ${most('before', 'workerCpu')} (before) and ${most('after', 'workerCpu')} (after) of CPU, the demo tab's main thread (its content script answering) at most ${most('before', 'tabCpu')} and ${most('after', 'tabCpu')} (largest row medians).`;
  return [
    builds,
    helpers,
    `${section.synthetic.entities.toLocaleString('en')} synthetic people in ${section.synthetic.datasets.length} datasets, imported through each build's options page (${files}); import took ${imports || '–'}.`,
    `Medians of ${section.runs} fresh opens per row, interleaved, after one warm-up; [lowest–highest]. "names shown": from navigation start until every entry of the list shows the knowledge base's name; "list": until the list first exists (the previous release shows it early with the words found on the page). CPU: the page's main thread / the extension's renderer process (page, V8 helpers, service worker) / the browser process, in the same window.`,
  ];
}

const PAGE_HEADERS = [
  'page',
  'KB',
  'B first',
  'B all',
  'B CPU',
  'B longest task wall/CPU',
  'mark.js',
  'markRegExp',
  'floor',
  'floor CPU',
  'matches B/m/mR/f',
  'B/mark.js',
  'B/mRE',
  'B/floor',
  'CPU B/m / B/mRE / B/floor',
];

function differenceLines(results) {
  const lines = [];
  for (const p of results.pages ?? []) {
    for (const [other, d] of Object.entries(p.differences ?? {})) {
      if (d.onlyBackstory.count === 0 && d.onlyOther.count === 0) continue;
      const side = (s, who) =>
        s.count === 0
          ? ''
          : `${s.count} only ${who}${s.hidden ? ` (${s.hidden} hidden)` : ''}${s.crossNode ? ` (${s.crossNode} across nodes)` : ''}: ${s.byText.join(', ')}`;
      lines.push(
        `${name(p.path)} vs ${LABEL[other]}: ${[side(d.onlyBackstory, 'Backstory'), side(d.onlyOther, LABEL[other])].filter(Boolean).join('; ')}`,
      );
    }
  }
  return lines;
}

export function printSummary(results) {
  const m = results.machine;
  console.log(
    `\nBackstory bench — ${m.nproc} × ${m.cpu}, ${m.chromium}, commit ${m.commit}, load avg at start ${m.loadavgStart.map((l) => l.toFixed(1)).join(' ')}`,
  );
  // The scan parts' dictionary and settings (the pages part says its own under its table).
  if (results.pages || results.series || results.scale || results.live || results.memory)
    console.log(
      `dictionary: ${results.dictionary?.entities} entities (${results.dictionary?.source}); medians of ${results.settings.runs} fresh loads, interleaved; times until highlights painted\n`,
    );
  if (results.pages) {
    console.log(table(PAGE_HEADERS, pageRows(results)));
    console.log(
      '(B = Backstory. Times are wall-clock medians until painted; "first" = first highlight in the viewport painted;',
    );
    console.log(
      ' CPU = main-thread CPU time from a trace; longest task wall = PerformanceObserver longtask (<50 = none); mark.js (n) = runs that fit its time budget)',
    );
    if (results.machine.busy)
      console.log(
        `!! machine busy (load average above ${results.machine.nproc}): wall-clock times are inflated and noisy; CPU columns are the reliable ones`,
      );
    const diffs = differenceLines(results);
    if (diffs.length) {
      console.log('\nmatch differences (Backstory vs the others; first run of each):');
      for (const l of diffs) console.log(`  ${l}`);
    }
  }
  if (results.series) {
    console.log('\npage size series (dense news text):');
    console.log(
      table(
        ['page', 'KB', 'text chars', ...CONTENDERS.map((c) => `${LABEL[c]} wall/CPU`)],
        results.series.map((s) => [
          name(s.path),
          (s.bytes / KB).toFixed(0),
          s.textLength ?? '–',
          ...CONTENDERS.map((c) =>
            s[c].painted === null
              ? s[c].skipped
                ? 'skipped'
                : '–'
              : `${ms(s[c].painted)} / ${ms(s[c].cpu)}`,
          ),
        ]),
      ),
    );
  }
  if (results.scale) {
    console.log('\ndictionary size (dense 1 MB page):');
    console.log(table(SCALE_HEADERS, scaleRows(results)));
  }
  if (results.live) {
    console.log('\nlive page: 10 KB appended to an already-scanned page:');
    console.log(table(LIVE_HEADERS, liveRows(results)));
  }
  if (results.memory) {
    const mm = results.memory;
    console.log(
      `\nmemory: +${(mm.jsHeapBytes / KB / KB).toFixed(2)} MB JS heap on ${mm.page} (V8 ${(mm.v8UsedBytes / KB / KB).toFixed(2)} MB, array buffers ${(mm.backingStoreBytes / KB / KB).toFixed(2)} MB; Blink heap +${(mm.blinkHeapBytes / KB / KB).toFixed(2)} MB)`,
    );
  }
  if (results.bundle) {
    const b = results.bundle;
    console.log(
      `bundle: ${b.error ? `not measured: ${b.error}` : `${b.file} ${(b.bytes / KB).toFixed(1)} KB minified, ${(b.gzip / KB).toFixed(1)} KB gzipped (budget 80 KB minified)`}`,
    );
  }
  if (results.extensionPages) {
    const section = results.extensionPages;
    console.log('\npopup open and side-panel first paint (real extension, demo page):');
    if (section.error) console.log(`  not measured: ${section.error.split('\n')[0]}`);
    else {
      console.log(table(EXT_HEADERS, extensionRows(section)));
      for (const line of extensionNotes(section)) console.log(`(${line})`);
    }
  }
  if (results.library) {
    console.log('\nthe real extension with a library of saved articles against the seed alone:');
    for (const line of libraryLines(results.library)) console.log(line);
  }
  console.log('\nbudgets (../shared/PRODUCT.md):');
  for (const b of results.budgets)
    console.log(
      `  ${b.status === 'met' ? '✓' : b.status === 'missed' ? '✗' : '?'} ${b.budget} — ${b.detail}${b.reportOnly ? ' (reported; does not fail the run)' : ''}`,
    );
  console.log(`\ntook ${results.durationS.toFixed(0)} s`);
}

/** A line chart as inline SVG; log scales where asked; points with y null are left out. */
function chart({
  title,
  xLabel,
  yLabel,
  series,
  xFormat,
  logX = false,
  logY = true,
  width = 760,
  height = 360,
}) {
  const pad = { l: 64, r: 250, t: 30, b: 46 };
  const pts = series.flatMap((s) => s.points.filter((p) => p[1] !== null && p[1] > 0));
  if (pts.length === 0) return '';
  const fx = logX ? Math.log10 : (v) => v;
  const fy = logY ? Math.log10 : (v) => v;
  let [x0, x1] = [Math.min(...pts.map((p) => fx(p[0]))), Math.max(...pts.map((p) => fx(p[0])))];
  let [y0, y1] = [Math.min(...pts.map((p) => fy(p[1]))), Math.max(...pts.map((p) => fy(p[1])))];
  if (logY) [y0, y1] = [Math.floor(y0), Math.ceil(y1)];
  else [y0, y1] = [0, y1 * 1.1];
  if (x1 === x0) x1 = x0 + 1;
  if (y1 === y0) y1 = y0 + 1;
  const W = width - pad.l - pad.r;
  const H = height - pad.t - pad.b;
  const sx = (v) => pad.l + ((fx(v) - x0) / (x1 - x0)) * W;
  const sy = (v) => pad.t + H - ((fy(v) - y0) / (y1 - y0)) * H;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="sans-serif" font-size="11">`,
  ];
  parts.push(`<text x="${pad.l}" y="18" font-size="13" font-weight="bold">${esc(title)}</text>`);
  parts.push(
    `<rect x="${pad.l}" y="${pad.t}" width="${W}" height="${H}" fill="none" stroke="#ccc"/>`,
  );
  const yTicks = logY
    ? Array.from({ length: y1 - y0 + 1 }, (_, i) => 10 ** (y0 + i))
    : Array.from({ length: 5 }, (_, i) => (y1 * i) / 4);
  for (const v of yTicks) {
    const y = logY ? sy(v) : pad.t + H - (v / y1) * H;
    parts.push(
      `<line x1="${pad.l}" x2="${pad.l + W}" y1="${y}" y2="${y}" stroke="#eee"/><text x="${pad.l - 6}" y="${y + 4}" text-anchor="end">${esc(ms(v))}</text>`,
    );
  }
  const xs = [...new Set(pts.map((p) => p[0]))].sort((a, b) => a - b);
  for (const v of xs)
    parts.push(
      `<text x="${sx(v)}" y="${pad.t + H + 16}" text-anchor="middle">${esc(xFormat ? xFormat(v) : v >= 1e6 ? `${v / 1e6}M` : v >= 1000 ? `${Math.round(v / 1000)}k` : v)}</text>`,
    );
  parts.push(
    `<text x="${pad.l + W / 2}" y="${height - 8}" text-anchor="middle">${esc(xLabel)}</text>`,
  );
  parts.push(
    `<text x="14" y="${pad.t + H / 2}" transform="rotate(-90 14 ${pad.t + H / 2})" text-anchor="middle">${esc(yLabel)}</text>`,
  );
  series.forEach((s, i) => {
    const ok = s.points.filter((p) => p[1] !== null && p[1] > 0);
    if (ok.length) {
      parts.push(
        `<polyline fill="none" stroke="${s.color}" stroke-width="2" ${s.dash ? 'stroke-dasharray="5 4"' : ''} points="${ok.map((p) => `${sx(p[0]).toFixed(1)},${sy(p[1]).toFixed(1)}`).join(' ')}"/>`,
      );
      for (const p of ok)
        parts.push(
          `<circle cx="${sx(p[0]).toFixed(1)}" cy="${sy(p[1]).toFixed(1)}" r="3" fill="${s.color}"><title>${esc(`${s.name}: ${ms(p[1])}`)}</title></circle>`,
        );
    }
    const ly = pad.t + 10 + i * 18;
    parts.push(
      `<line x1="${pad.l + W + 12}" x2="${pad.l + W + 32}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2" ${s.dash ? 'stroke-dasharray="5 4"' : ''}/><text x="${pad.l + W + 36}" y="${ly + 4}">${esc(s.name)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

function htmlTable(headers, rows) {
  return `<table><thead><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

export function writeReport(file, results) {
  const m = results.machine;
  const sections = [];
  sections.push(
    `<h1>Backstory bench</h1><p>${esc(`${m.nproc} × ${m.cpu} · ${m.chromium} · Node ${m.node} · commit ${m.commit} · load average ${m.loadavgStart.map((l) => l.toFixed(1)).join(' ')} → ${m.loadavgEnd?.map((l) => l.toFixed(1)).join(' ')} · ${results.startedAt} · ${results.command} · took ${results.durationS.toFixed(0)} s`)}</p>`,
  );
  sections.push(
    `<h2>Budgets</h2><ul class="budgets">${results.budgets.map((b) => `<li class="${b.status.replace(' ', '-')}">${b.status === 'met' ? '✓' : b.status === 'missed' ? '✗' : '?'} <b>${esc(b.budget)}</b> — ${esc(b.detail)}${b.reportOnly ? ' (reported; does not fail the run)' : ''}</li>`).join('')}</ul>`,
  );
  if (results.pages) {
    sections.push(
      `<h2>Pages</h2><p>Medians of ${results.settings.runs} fresh page loads per contender, interleaved. Times from the contender's start until its highlights are painted (end of the first frame after the last highlight/mark/range). Dictionary: ${esc(`${results.dictionary.entities} entities, ${results.dictionary.source}`)}.</p>${htmlTable(PAGE_HEADERS, pageRows(results))}`,
    );
    const diffs = differenceLines(results);
    if (diffs.length)
      sections.push(
        `<h3>Match differences</h3><ul>${diffs.map((d) => `<li>${esc(d)}</li>`).join('')}</ul>`,
      );
  }
  if (results.series) {
    sections.push(
      chart({
        title:
          'Scan + highlight vs page size: main-thread CPU (solid), wall clock until painted (dashed)',
        xLabel: 'page size (bytes of HTML)',
        yLabel: 'time (log)',
        logX: true,
        xFormat: (v) =>
          v >= KB * KB ? `${(v / KB / KB).toFixed(1)} MB` : `${Math.round(v / KB)} KB`,
        series: CONTENDERS.flatMap((c) => [
          {
            name: `${LABEL[c]} CPU`,
            color: COLOR[c],
            points: results.series.map((s) => [s.bytes, s[c].cpu]),
          },
          {
            name: `${LABEL[c]} wall`,
            color: COLOR[c],
            dash: true,
            points: results.series.map((s) => [s.bytes, s[c].painted]),
          },
        ]),
      }),
    );
  }
  if (results.scale) {
    sections.push(
      chart({
        title: 'Backstory vs dictionary size (dense 1 MB page)',
        xLabel: 'entities in the dictionary',
        yLabel: 'time (log)',
        logX: true,
        series: [
          {
            name: 'scan (walk + match), CPU',
            color: COLOR.backstory,
            points: results.scale.map((s) => [s.entities, s.scanCpuMs ?? s.scanMs]),
          },
          {
            name: 'match only, CPU',
            color: '#e67e22',
            points: results.scale.map((s) => [s.entities, s.findCpuMs ?? s.findMs]),
          },
          {
            name: 'automaton build, CPU',
            color: '#8e44ad',
            dash: true,
            points: results.scale.map((s) => [s.entities, s.compileCpuMs ?? s.compileMs]),
          },
        ],
      }),
    );
    sections.push(htmlTable(SCALE_HEADERS, scaleRows(results)));
  }
  if (results.live)
    sections.push(
      `<h2>Live page: 10 KB appended to a scanned page</h2>${htmlTable(LIVE_HEADERS, liveRows(results))}`,
    );
  if (results.extensionPages) {
    const section = results.extensionPages;
    sections.push(
      section.error
        ? `<h2>Popup and side panel</h2><p>Not measured: ${esc(section.error)}</p>`
        : `<h2>Popup and side panel</h2><p>The real extension in headless Chromium, demo page open in its own window; popup.html and sidepanel.html pinned to its tab (?tabId=), each open a new tab.</p>${htmlTable(EXT_HEADERS, extensionRows(section))}<ul>${extensionNotes(
            section,
          )
            .map((line) => `<li>${esc(line)}</li>`)
            .join('')}</ul>`,
    );
  }
  if (results.library) {
    const section = results.library;
    sections.push(
      `<h2>A library of saved articles</h2>${section.error ? '' : libraryChart(section, `${results.startedAt.slice(0, 10)} · commit ${m.commit}`)}<pre>${esc(libraryLines(section).join('\n'))}</pre>`,
    );
  }
  sections.push(
    `<h2>Raw results</h2><details><summary>results.json</summary><pre>${esc(JSON.stringify(results, null, 1))}</pre></details>`,
  );
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Backstory bench</title><style>
body{font:14px/1.45 system-ui,sans-serif;margin:24px;max-width:1200px;color:#222}
table{border-collapse:collapse;margin:8px 0 20px}td,th{border:1px solid #ddd;padding:3px 8px;text-align:right}td:first-child,th:first-child{text-align:left}
th{background:#f4f4f4}.budgets li.missed{color:#b00}.budgets li.met{color:#186a3b}svg{display:block;margin:16px 0}pre{font-size:11px;overflow:auto}
</style></head><body>${sections.join('\n')}</body></html>`;
  writeFileSync(file, html);
}

/** A compact Markdown summary (artifacts/bench/summary.md) for the README's Performance section. */
export function markdownSummary(results) {
  const m = results.machine;
  const lines = [];
  const f = (v) => (v === null || v === undefined ? '–' : ms(v));
  lines.push(
    `Taken ${results.startedAt.slice(0, 16).replace('T', ' ')} UTC on ${m.nproc} × ${m.cpu}, ${m.chromium.replace(/ built on.*/, '')}, Node ${m.node}, commit ${m.commit}${m.busy ? ` — a shared machine, load average ${m.loadavgStart[0].toFixed(0)}–${m.loadavgEnd?.[0].toFixed(0)} on ${m.nproc} cores, so wall times are inflated; CPU = main-thread CPU time from a trace` : ''}.`,
  );
  lines.push(
    `Command: \`${results.command}\` (medians of ${results.settings.runs} fresh page loads per contender, interleaved; dictionary: ${results.dictionary.entities} entities).`,
  );
  lines.push('');
  if (results.pages) {
    lines.push(
      '| page | KB | Backstory first / all (wall) | Backstory CPU | longest task CPU | mark.js CPU | markRegExp CPU | floor CPU | matches B/m/mR/f | CPU ratio B/mark.js · B/markRegExp · B/floor |',
    );
    lines.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
    for (const p of results.pages) {
      const c = p.contenders;
      const b = c.backstory;
      const cpu = (k) => (c[k].cpu === undefined ? (c[k].skipped ? 'not run' : '–') : f(c[k].cpu));
      lines.push(
        `| ${name(p.path)} | ${(p.bytes / KB).toFixed(0)} | ${f(b.firstVisible)} / ${f(b.painted)} | ${f(b.cpu)} | ${f(b.longestTaskCpu)} | ${cpu('markjs')} | ${cpu('markregexp')} | ${cpu('floor')} | ${CONTENDERS.map((k) => c[k].matches ?? '–').join('/')} | ${ratio(b.cpu, c.markjs.cpu)} · ${ratio(b.cpu, c.markregexp.cpu)} · ${ratio(b.cpu, c.floor.cpu)} |`,
      );
    }
    lines.push('');
  }
  if (results.scale) {
    lines.push(
      '| dictionary (entities) | automaton build CPU | match CPU (1 MB page) | scan CPU | index heap |',
    );
    lines.push('|--:|--:|--:|--:|--:|');
    for (const s of results.scale)
      lines.push(
        `| ${s.entities.toLocaleString('en')} | ${f(s.compileCpuMs)} | ${f(s.findCpuMs)} | ${f(s.scanCpuMs)} | ${(s.indexHeapBytes / KB / KB).toFixed(1)} MB |`,
      );
    lines.push('');
  }
  if (results.live)
    lines.push(
      `Live page, per 10 KB appended (main-thread CPU): ${results.live.map((l) => `${name(l.path)} (${(l.bytes / KB).toFixed(0)} KB) ${f(l.cpuMs)}`).join(', ')}.`,
    );
  if (results.memory)
    lines.push(
      `Memory on ${results.memory.page}: +${(results.memory.jsHeapBytes / KB / KB).toFixed(2)} MB JS heap (+${(results.memory.blinkHeapBytes / KB / KB).toFixed(2)} MB Blink DOM heap).`,
    );
  if (results.bundle && !results.bundle.error)
    lines.push(
      `Content script: ${(results.bundle.bytes / KB).toFixed(1)} KB minified, ${(results.bundle.gzip / KB).toFixed(1)} KB gzipped (budget 80 KB minified).`,
    );
  if (results.extensionPages?.rows) {
    const section = results.extensionPages;
    lines.push('');
    lines.push(`| ${EXT_HEADERS.join(' | ')} |`);
    lines.push(
      `|---|---|${EXT_HEADERS.slice(2)
        .map(() => '--:')
        .join('|')}|`,
    );
    for (const row of extensionRows(section)) lines.push(`| ${row.join(' | ')} |`);
    lines.push('');
    for (const line of extensionNotes(section)) lines.push(line);
  }
  if (results.library) {
    lines.push('');
    for (const line of libraryLines(results.library, true)) lines.push(line);
  }
  lines.push('');
  lines.push('Budgets:');
  for (const b of results.budgets)
    lines.push(
      `- ${b.status === 'met' ? '✓' : b.status === 'missed' ? '✗' : '~'} ${b.budget} — ${b.detail}${b.reportOnly ? ' (reported; does not fail the run)' : ''}`,
    );
  return `${lines.join('\n')}\n`;
}
