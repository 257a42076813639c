// attache's search page: the state lives in the URL (bookmarkable, the back
// button works), each state is drawn from the JSON API, and every piece of
// text from the archive is inserted as text, never as HTML.
'use strict';

const $ = (id) => document.getElementById(id);
const PAGE = 10;
const VIEWS = ['articles', 'statements', 'kwic'];

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') node.className = v; else if (k.startsWith('on')) node.addEventListener(k.slice(2), v); else node.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

function svg(tag, attrs) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

// --- state <-> URL ----------------------------------------------------------
function readState() {
  const p = new URLSearchParams(location.search);
  const view = VIEWS.includes(p.get('view')) ? p.get('view') : 'articles';
  return {
    q: p.get('q') || '', view, speaker: p.get('speaker') || '', from: p.get('from') || '', to: p.get('to') || '',
    sort: p.get('sort') || 'relevance', page: Math.max(0, parseInt(p.get('page') || '0', 10) || 0),
    article: p.get('article') || '', collapse: p.get('collapse') === '1' ? '1' : '',
  };
}

function stateUrl(s) {
  const p = new URLSearchParams();
  for (const k of ['q', 'view', 'speaker', 'from', 'to', 'sort', 'page', 'article', 'collapse']) {
    const v = s[k];
    if (v && !(k === 'view' && v === 'articles') && !(k === 'sort' && v === 'relevance') && !(k === 'page' && v === 0)) p.set(k, v);
  }
  const qs = p.toString();
  return qs ? '/?' + qs : '/';
}

function go(changes) {
  const next = Object.assign(readState(), { page: 0, article: '' }, changes);
  history.pushState(null, '', stateUrl(next));
  render();
}

// The query sent to the API: what was typed, narrowed to the chosen speaker.
function effectiveQuery(s) {
  let q = s.q.trim();
  if (s.speaker) q = (q ? '(' + q + ') ' : '') + 'speaker:"' + s.speaker.replace(/"/g, '') + '"';
  return q;
}

// The speaker facet lists who has statements matching the search (so a click
// always finds some): the query with the dates folded in.
function speakerQuery(s) {
  const dates = s.from || s.to ? ` date:${s.from}..${s.to}` : '';
  return (effectiveQuery(s) + dates).trim();
}

function apiParams(s, extra) {
  const p = new URLSearchParams({ q: effectiveQuery(s) });
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  for (const [k, v] of Object.entries(extra)) {
    if (Array.isArray(v)) v.forEach((x) => p.append(k, x)); else p.set(k, v);
  }
  return p;
}

async function api(path, params) {
  const response = await fetch(path + (params ? '?' + params : ''));
  const body = await response.json();
  if (!response.ok) {
    const error = new Error(body.error || 'request failed');
    error.position = body.position;
    throw error;
  }
  return body;
}

// --- text with marks ----------------------------------------------------------
// Offsets from the API count code points; JavaScript strings count UTF-16 units.
function marked(text, spans) {
  const chars = Array.from(text);
  const out = document.createDocumentFragment();
  let at = 0;
  for (const [b, e] of spans) {
    if (b < at) continue;
    out.append(chars.slice(at, b).join(''), el('mark', {}, chars.slice(b, e).join('')));
    at = e;
  }
  out.append(chars.slice(at).join(''));
  return out;
}

function articleLink(id, label) {
  return el('a', { class: 'title', href: stateUrl(Object.assign(readState(), { article: id })),
    onclick: (e) => { e.preventDefault(); go(Object.assign(readState(), { article: id })); } }, label);
}

// --- drawing the views --------------------------------------------------------
function setStatus(text, error) {
  $('status').textContent = text;
  $('status').className = error ? 'error' : '';
}

// The line under an article's title: date, source, author, place, language, id.
function articleMeta(a) {
  return [a.date, a.source, a.author ? 'by ' + a.author : '', a.place, a.lang, a.id].filter(Boolean);
}

// With copies collapsed, a hit says how many other articles carried the story, and where.
function copiesLine(h) {
  if (!h.copies) return null;
  const sources = h.copy_sources.filter(Boolean).slice(0, 5).join(', ');
  return el('div', { class: 'meta copies' },
    `${h.copies} ${h.copies === 1 ? 'copy' : 'copies'}` + (sources ? ` (${sources})` : ''),
    h.original !== h.id ? el('span', {}, ' · first in ', articleLink(h.original, h.original)) : null);
}

function drawArticleHit(h) {
  return el('li', {},
    articleLink(h.id, h.title || h.snippet.slice(0, 80) + '…'),
    el('div', { class: 'meta' }, articleMeta(h).join(' · ')),
    copiesLine(h),
    el('p', { class: 'snippet' }, marked(h.snippet, h.highlights)));
}

function drawStatementHit(h) {
  return el('li', { class: 'statement' },
    el('div', { class: 'meta' }, el('span', { class: 'speaker' }, h.canonical || h.speaker), ' ', h.cue, ' · ', h.date, ' · ', h.kind),
    el('p', { class: 'quote' }, marked(h.text, h.highlights)),
    el('div', { class: 'meta' }, 'in ', articleLink(h.article, h.title || h.article)));
}

function drawKwicLine(line) {
  return el('li', { class: 'kwic-line' },
    el('div', { class: 'kwic' }, el('span', { class: 'left' }, '\u200e' + line.left), el('mark', {}, line.match), el('span', { class: 'right' }, line.right)),
    el('div', { class: 'meta' }, line.date, ' · ', articleLink(line.article, line.article), line.field === 'title' ? ' · in the title' : ''));
}

function drawPager(s, total) {
  const pager = $('pager');
  pager.replaceChildren();
  if (s.page > 0) pager.append(el('button', { type: 'button', onclick: () => go(Object.assign(readState(), { page: s.page - 1 })) }, '← Previous results'));
  if ((s.page + 1) * PAGE < total) pager.append(el('button', { type: 'button', onclick: () => go(Object.assign(readState(), { page: s.page + 1 })) }, 'Next results →'));
}

function drawSpeakers(s, rows) {
  const list = $('speakers');
  list.replaceChildren();
  if (s.speaker) list.append(el('li', {}, el('a', { href: '#', onclick: (e) => { e.preventDefault(); go({ speaker: '' }); } }, '× all speakers')));
  for (const row of (rows || []).slice(0, 30)) {
    const chosen = row.speaker === s.speaker;
    list.append(el('li', {},
      el('a', { href: stateUrl(Object.assign({}, s, { speaker: row.speaker, view: 'statements', page: 0 })), class: chosen ? 'chosen' : '', title: row.speaker,
        onclick: (e) => { e.preventDefault(); go({ speaker: row.speaker, view: 'statements' }); } }, row.speaker),
      el('span', { class: 'n' }, String(row.statements))));
  }
}

// Matches per month as bars; dragging across them picks a date range.
function drawTimeline(s, months) {
  const chart = $('timeline');
  chart.replaceChildren();
  const keys = Object.keys(months || {});
  if (!keys.length) return;
  const width = chart.clientWidth || 260, height = 90, pad = 14;
  chart.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const max = Math.max(...Object.values(months));
  const step = width / keys.length;
  keys.forEach((m, i) => {
    const h = Math.max(1, (height - pad - 4) * months[m] / max);
    const inside = (!s.from || m >= s.from.slice(0, 7)) && (!s.to || m <= s.to.slice(0, 7)) && (s.from || s.to);
    const bar = svg('rect', { x: i * step + 1, y: height - pad - h, width: Math.max(1, step - 2), height: h, class: inside ? 'bar in' : 'bar' });
    bar.append(svg('title', {}));
    bar.firstChild.textContent = `${m}: ${months[m]}`;
    chart.append(bar);
  });
  const first = svg('text', { x: 2, y: height - 3 }), last = svg('text', { x: width - 2, y: height - 3, 'text-anchor': 'end' });
  first.textContent = keys[0];
  last.textContent = keys[keys.length - 1];
  chart.append(first, last);
  const brush = svg('rect', { class: 'brush', y: 0, height: height - pad, x: 0, width: 0 });
  chart.append(brush);
  const monthAt = (x) => keys[Math.min(keys.length - 1, Math.max(0, Math.floor(x / step)))];
  const pointX = (e) => (e.clientX - chart.getBoundingClientRect().left) * width / chart.getBoundingClientRect().width;
  chart.onpointerdown = (e) => {
    const start = pointX(e);
    chart.setPointerCapture(e.pointerId);
    chart.onpointermove = (m) => {
      const x = pointX(m);
      brush.setAttribute('x', Math.min(start, x));
      brush.setAttribute('width', Math.abs(x - start));
    };
    chart.onpointerup = (u) => {
      chart.onpointermove = chart.onpointerup = null;
      const a = monthAt(Math.min(start, pointX(u))), b = monthAt(Math.max(start, pointX(u)));
      const [y, mo] = b.split('-').map(Number);
      const lastDay = new Date(Date.UTC(y, mo, 0)).getUTCDate();
      go({ from: a + '-01', to: `${b}-${String(lastDay).padStart(2, '0')}` });
    };
  };
}

function exportLink(s) {
  const link = $('export');
  const q = effectiveQuery(s);
  link.hidden = !q;
  if (!q) return;
  const statements = s.view === 'statements' || !!s.speaker;
  link.href = '/api/export?' + apiParams(s, { format: 'csv', statements: statements ? 'true' : 'false',
    unique: s.collapse && !statements ? 'true' : 'false' });
  link.textContent = statements ? 'Export statements (CSV)' : 'Export articles (CSV)';
}

async function drawArticle(id) {
  const box = $('article');
  const { article, statements } = await api('/api/article/' + encodeURIComponent(id));
  const chars = Array.from(article.text);
  const body = el('div', { class: 'body' });
  let at = 0;
  for (const st of statements) {
    if (st.start < at) continue;
    body.append(chars.slice(at, st.start).join(''));
    body.append(el('span', { class: 'stmt', title: `${st.canonical || st.speaker} — ${st.cue} (${st.kind})` },
      el('span', { class: 'who' }, st.canonical || st.speaker), chars.slice(st.start, st.end).join('')));
    at = st.end;
  }
  body.append(chars.slice(at).join(''));
  box.replaceChildren(
    el('button', { type: 'button', class: 'back', onclick: () => history.back() }, '← Back to results'),
    el('h1', {}, article.title || article.id),
    el('div', { class: 'meta' }, articleMeta(article).join(' · '),
      article.url ? el('span', {}, ' · ', el('a', { href: article.url, rel: 'noreferrer' }, 'original')) : null),
    el('div', { class: 'meta' }, `${statements.length} attributed statement${statements.length === 1 ? '' : 's'} highlighted`),
    body);
  box.hidden = false;
  setStatus('');
  document.title = (article.title || article.id) + ' · attache';
}

let drawing = 0;  // a newer render supersedes an older one still waiting

async function render() {
  const s = readState();
  const mine = ++drawing;
  $('q').value = s.q;
  $('from').value = s.from;
  $('to').value = s.to;
  $('sort').value = s.sort;
  $('collapse').checked = s.collapse === '1';
  for (const b of document.querySelectorAll('#views button')) b.setAttribute('aria-pressed', String(b.dataset.view === s.view));
  $('hits').replaceChildren();
  $('pager').replaceChildren();
  $('article').hidden = true;
  exportLink(s);
  try {
    if (s.article) return await drawArticle(s.article);
    document.title = s.q ? s.q + ' · attache' : 'attache: who said what';
    const q = effectiveQuery(s);
    if (!q) {
      setStatus('Type a query above: words, "phrases", speaker:name, date:2022-01 …');
      drawSpeakers(s, (await api('/api/speakers', new URLSearchParams({ limit: 30 }))).speakers);
      $('timeline').replaceChildren();
      return;
    }
    setStatus('Searching…');
    if (s.view === 'kwic') {
      const k = await api('/api/kwic', apiParams(s, { width: 50, limit: 200, sort: s.sort }));
      if (mine !== drawing) return;
      setStatus(k.summary.returned ? `${k.summary.returned} occurrence${k.summary.returned === 1 ? '' : 's'}` + (k.summary.returned === 200 ? ' (the first 200)' : '') : 'No occurrences');
      $('hits').replaceChildren(...k.lines.map(drawKwicLine));
      return;
    }
    const statements = s.view === 'statements' || !!s.speaker;
    $('collapse').disabled = statements;
    const r = await api('/api/search', apiParams(s, {
      limit: PAGE, offset: s.page * PAGE, sort: s.sort, statements: statements ? 'true' : 'false', facet: 'month',
      collapse: s.collapse && !statements ? 'true' : 'false',
    }));
    if (mine !== drawing) return;
    const total = r.summary.total, unit = r.summary.unit;
    setStatus(total ? `${total.toLocaleString('en')} matching ${unit}${total === 1 ? '' : 's'}` + (total > PAGE ? `; ${s.page * PAGE + 1}–${s.page * PAGE + r.hits.length}` : '') : `No matching ${unit}s`);
    $('hits').replaceChildren(...r.hits.map((h) => (h.type === 'statement' ? drawStatementHit(h) : drawArticleHit(h))));
    drawPager(s, total);
    drawTimeline(s, r.summary.facets.month);
    const speakers = await api('/api/speakers', new URLSearchParams({ q: speakerQuery(s), limit: 30 }));
    if (mine !== drawing) return;
    drawSpeakers(s, speakers.speakers);
  } catch (error) {
    if (mine !== drawing) return;
    setStatus(error.message + (error.position !== undefined ? ` (at character ${error.position + 1})` : ''), true);
  }
}

// --- wiring ---------------------------------------------------------------------
document.addEventListener('DOMContentLoaded', () => {
  $('search').addEventListener('submit', (e) => {
    e.preventDefault();
    go({ q: $('q').value });
  });
  for (const b of document.querySelectorAll('#views button')) b.addEventListener('click', () => go({ view: b.dataset.view }));
  $('from').addEventListener('change', () => go({ from: $('from').value }));
  $('to').addEventListener('change', () => go({ to: $('to').value }));
  $('sort').addEventListener('change', () => go({ sort: $('sort').value }));
  $('collapse').addEventListener('change', () => go({ collapse: $('collapse').checked ? '1' : '' }));
  $('home').addEventListener('click', (e) => { e.preventDefault(); history.pushState(null, '', '/'); render(); });
  document.addEventListener('keydown', (e) => {
    const typing = ['INPUT', 'TEXTAREA', 'SELECT'].includes(document.activeElement.tagName);
    if (e.key === '/' && !typing) {
      e.preventDefault();
      $('q').focus();
      $('q').select();
    }
  });
  window.addEventListener('popstate', render);
  render();
});
