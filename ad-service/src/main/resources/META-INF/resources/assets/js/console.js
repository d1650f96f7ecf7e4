// Internal A/B test console: experiments list, create, start/stop, live results with 95 % CI bars,
// SRM warning, always-valid (mSPRT) p-values, and ship/stop/extend decisions with who and when.
import { h, mount, field, showFieldErrors, clearFieldErrors, alertBox } from './dom.js';
import { session, get, post, describe, ApiError } from './api.js';
import { P } from './paths.js';
import { int, pct, pval, when, money } from './format.js';
import { intervalBar } from './charts.js';

const app = document.getElementById('app');
const nav = document.getElementById('nav');
const REFRESH_MS = 3000;
let timer = null;

const TARGETS = [['RANKING_MODEL', 'Ranking model version'], ['RESERVE_PRICE', 'Auction reserve price'], ['CREATIVE_SET', 'Creative set']];
const METRICS = [['CTR', 'Click-through rate'], ['CVR', 'Conversion rate'], ['RPM', 'Revenue per mille'], ['SPEND', 'Spend']];

const routes = [
  [/^#\/experiments\/new$/, () => createView()],
  [/^#\/experiments\/(\d+)$/, (m) => detailView(m[1])],
  [/^#\/experiments$/, () => listView()],
];

/** The console is for internal keys only; checked once per page load, before any view. */
let role = null;
async function loadRole() {
  role = (await get(P.session)).role;
  return role;
}

async function render() {
  clearInterval(timer);
  if (!session.key) { signInView(); return; }
  if (!role) {
    try { await loadRole(); } catch (err) { handleError(err); return; }
  }
  if (role !== 'internal') { notAllowedView(); return; }
  const hash = location.hash || '#/experiments';
  for (const [re, view] of routes) {
    const m = hash.match(re);
    if (m) {
      try { await view(m); } catch (err) { handleError(err); }
      return;
    }
  }
  location.hash = '#/experiments';
}

function paintNav() {
  const here = location.hash || '#/experiments';
  const link = (href, text) => h('a', { href, 'aria-current': here === href ? 'page' : null }, text);
  mount(nav, link('#/experiments', 'Experiments'), link('#/experiments/new', 'New experiment'),
    h('button', { type: 'button', class: 'link', onclick: () => { session.key = null; role = null; mount(nav); signInView(); } }, 'Sign out'));
}

function handleError(err) {
  if (err instanceof ApiError && err.status === 401) { session.key = null; role = null; signInView('Your API key was not accepted. Sign in again.'); return; }
  if (err instanceof ApiError && err.status === 403) { notAllowedView(); return; }
  app.prepend(alertBox('error', describe(err)));
}

/** What an advertiser key (or any non-internal key) sees. */
function notAllowedView() {
  clearInterval(timer);
  document.title = 'Not allowed · Surf A/B console';
  mount(nav, h('button', { type: 'button', class: 'link', onclick: () => { session.key = null; role = null; mount(nav); signInView(); } }, 'Sign out'));
  mount(app, h('section', { class: 'panel not-allowed', id: 'not-allowed', role: 'alert' },
    h('h1', {}, 'Not allowed'),
    h('p', {}, 'The A/B test console is for Surf staff only and needs an internal API key.'),
    h('p', {}, 'Advertisers manage their campaigns in the ', h('a', { href: '../' }, 'advertiser portal'), '.')));
}

function signInView(message) {
  clearInterval(timer);
  mount(nav);
  document.title = 'Sign in · Surf A/B console';
  const input = h('input', { id: 'api-key', type: 'password', autocomplete: 'off', required: true, 'aria-describedby': 'api-key-error' });
  const error = h('div', { class: 'field-error', id: 'api-key-error', role: 'alert' }, message || '');
  const form = h('form', { class: 'panel', 'aria-labelledby': 'signin-title', onsubmit: async (e) => {
    e.preventDefault();
    session.key = input.value.trim();
    try {
      if (await loadRole() !== 'internal') { notAllowedView(); return; }
      location.hash = '#/experiments';
      render();
    } catch (err) {
      session.key = null;
      input.setAttribute('aria-invalid', 'true');
      error.textContent = err instanceof ApiError && err.status === 401 ? 'This API key is not valid or has been revoked.' : describe(err);
      input.focus();
    }
  } },
  h('h1', { id: 'signin-title' }, 'Sign in to the A/B console'),
  h('div', { class: 'field' }, h('label', { for: 'api-key' }, 'Internal API key'), input, error),
  h('button', { class: 'primary', type: 'submit' }, 'Sign in'));
  mount(app, h('div', { style: 'max-width:480px;margin:2rem auto' }, form));
  input.focus();
}

const itemsOf = (data) => (Array.isArray(data) ? data : data.items || []);
const allocationOf = (v) => v.allocationPercent ?? v.allocation ?? v.weight ?? null;
const targetText = (e) => {
  const t = e.target || {};
  if (typeof t === 'string') return t;
  return [t.type || e.targetType, t.value ?? t.parameter ?? e.targetValue].filter((x) => x != null).join(': ');
};

async function listView() {
  paintNav();
  document.title = 'Experiments · Surf A/B console';
  const data = await get(P.experiments('?page=0&size=100'));
  const items = itemsOf(data);
  const head = h('div', { class: 'row', style: 'justify-content:space-between;align-items:center' },
    h('h1', {}, 'Experiments'), h('a', { class: 'button primary', href: '#/experiments/new' }, 'New experiment'));
  if (!items.length) { mount(app, head, h('div', { class: 'panel' }, 'No experiments yet.')); return; }
  mount(app, head, h('div', { class: 'table-wrap' }, h('table', { id: 'experiments-table' },
    h('caption', { class: 'sr-only' }, 'Experiments'),
    h('thead', {}, h('tr', {}, ['Name', 'Status', 'Layer', 'Target', 'Variants', 'Started', 'Actions'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, items.map((e) => h('tr', { dataset: { experimentId: e.id } },
      h('th', { scope: 'row' }, h('a', { href: `#/experiments/${e.id}` }, e.name)),
      h('td', {}, h('span', { class: `badge ${e.status}` }, e.status)),
      h('td', {}, e.layer ?? '—'),
      h('td', {}, targetText(e)),
      h('td', {}, (e.variants || []).map((v) => `${v.key || v.name} ${allocationOf(v) ?? ''}%`).join(' · ')),
      h('td', {}, when(e.startedAt)),
      h('td', {}, startStop(e, () => listView()))))))));
}

function startStop(e, after) {
  const action = e.status === 'RUNNING' ? 'stop' : e.status === 'DRAFT' ? 'start' : null;
  if (!action) return h('span', { class: 'muted' }, '—');
  return h('button', { type: 'button', class: `small${action === 'stop' ? ' danger' : ''}`, 'aria-label': `${action} experiment ${e.name}`, onclick: async (ev) => {
    ev.target.disabled = true;
    try { await post(P.experimentAction(e.id, action)); await after(); } catch (err) { handleError(err); ev.target.disabled = false; }
  } }, action === 'stop' ? 'Stop' : 'Start');
}

function createView() {
  paintNav();
  document.title = 'New experiment · Surf A/B console';
  const banner = h('div');
  const variantRows = h('div', { id: 'variant-rows' });
  const sum = h('p', { class: 'hint', 'aria-live': 'polite' });
  let n = 0;
  const addVariant = (key = '', alloc = '', config = '') => {
    const i = n++;
    const row = h('div', { class: 'grid2 variant-row', dataset: { index: i } },
      field('Variant key', h('input', { value: key, maxlength: 64 }), { name: `variants[${i}].key` }),
      field('Allocation %', h('input', { type: 'number', min: 0, max: 100, step: '0.1', value: alloc, oninput: paintSum }), { name: `variants[${i}].allocationPercent` }),
      field('Target value for this variant', h('input', { value: config }), { name: `variants[${i}].value`, hint: 'model version, reserve price in micros, or creative ids' }),
      h('div', { class: 'field', style: 'align-self:end' }, h('button', { type: 'button', class: 'small danger', 'aria-label': 'Remove variant', onclick: () => { row.remove(); paintSum(); } }, 'Remove')));
    variantRows.append(row);
    paintSum();
  };
  function paintSum() {
    const total = [...variantRows.querySelectorAll('[data-field$=".allocationPercent"]')].reduce((a, i) => a + (Number(i.value) || 0), 0);
    sum.textContent = `Allocations add up to ${total} % (must be 100 %).`;
  }
  const form = h('form', { class: 'panel', novalidate: true, 'aria-labelledby': 'create-title' },
    h('fieldset', {}, h('legend', {}, 'Experiment'),
      field('Name', h('input', { maxlength: 200 }), { name: 'name' }),
      field('Hypothesis', h('textarea', { maxlength: 2000 }), { name: 'hypothesis', hint: 'What change, what effect, why' }),
      h('div', { class: 'grid2' },
        field('Target', h('select', {}, TARGETS.map(([v, t]) => h('option', { value: v }, t))), { name: 'targetType' }),
        field('Layer', h('input', { value: 'default', maxlength: 64 }), { name: 'layer', hint: 'Experiments in one layer never share a user; layers are independent' }))),
    h('fieldset', {}, h('legend', {}, 'Variants'), variantRows, sum,
      h('button', { type: 'button', onclick: () => addVariant() }, 'Add variant')),
    h('fieldset', {}, h('legend', {}, 'Metrics'),
      field('Primary metric', h('select', {}, METRICS.map(([v, t]) => h('option', { value: v }, t))), { name: 'primaryMetric' }),
      h('div', { class: 'field' }, h('div', { id: 'guardrails-label' }, h('strong', {}, 'Guardrail metrics')),
        h('div', { class: 'checks', role: 'group', 'aria-labelledby': 'guardrails-label', dataset: { field: 'guardrailMetrics' }, tabindex: '-1' },
          METRICS.map(([v, t]) => h('label', {}, h('input', { type: 'checkbox', name: 'guardrail', value: v }), t))))),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Create experiment')));
  addVariant('control', '50', '');
  addVariant('treatment', '50', '');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearFieldErrors(form);
    mount(banner);
    const v = (name) => form.querySelector(`[data-field="${name}"]`).value.trim();
    const variants = [...variantRows.querySelectorAll('.variant-row')].map((row) => {
      const q = (suffix) => row.querySelector(`[data-field$="${suffix}"]`).value.trim();
      return { key: q('.key'), allocationPercent: q('.allocationPercent') === '' ? null : Number(q('.allocationPercent')), value: q('.value') || null };
    });
    const body = {
      name: v('name'), hypothesis: v('hypothesis'), targetType: v('targetType'), layer: v('layer'),
      variants, primaryMetric: v('primaryMetric'),
      guardrailMetrics: [...form.querySelectorAll('input[name="guardrail"]:checked')].map((i) => i.value),
    };
    try {
      const created = await post(P.experiments(), body, { 'Idempotency-Key': crypto.randomUUID() });
      location.hash = `#/experiments/${created.id}`;
    } catch (err) {
      if (err instanceof ApiError && err.status === 403) { notAllowedView(); return; }
      const { leftover } = err instanceof ApiError ? showFieldErrors(form, err.problem) : { leftover: [1] };
      if (leftover.length || !(err.problem && err.problem.errors)) mount(banner, alertBox('error', describe(err)));
    }
  });
  mount(app, h('h1', { id: 'create-title' }, 'New experiment'), banner, form);
  form.querySelector('input').focus();
}

/** Normalises the results document into rows per variant with per-metric comparisons. */
export function resultRows(results) {
  const variants = results.variants || [];
  const comparisons = results.comparisons || [];
  return variants.map((v) => {
    const key = v.key || v.variant || v.name;
    const cmp = {};
    for (const c of comparisons.filter((x) => (x.variant || x.treatment) === key)) cmp[String(c.metric).toUpperCase()] = c;
    for (const [metric, c] of Object.entries(v.comparisons || v.lifts || {})) cmp[metric.toUpperCase()] = c;
    return { key, v, cmp };
  });
}

async function detailView(id) {
  paintNav();
  const exp = await get(P.experiment(id));
  document.title = `${exp.name} · Surf A/B console`;
  const resultsBox = h('section', { class: 'panel', 'aria-labelledby': 'results-title', id: 'results' });
  const decisionsBox = h('section', { class: 'panel', 'aria-labelledby': 'decisions-title' });
  const headActions = h('div', { class: 'actions' }, startStop(exp, () => detailView(id)));
  const metric = String(exp.primaryMetric || 'CTR').toUpperCase();

  async function loadResults() {
    let r;
    try { r = await get(P.experimentResults(id)); } catch (err) {
      mount(resultsBox, h('h2', { id: 'results-title' }, 'Results'), alertBox('error', describe(err)));
      return;
    }
    const rows = resultRows(r);
    const srm = r.srm || r.sampleRatioMismatch || {};
    const srmBad = srm.mismatch ?? srm.flagged ?? (srm.pValue != null && srm.pValue < 0.001);
    const span = Math.max(1e-9, ...rows.flatMap(({ cmp }) => {
      const c = cmp[metric] || {};
      const ci = c.ci || c.absoluteCi || {};
      return [Math.abs(ci.low ?? c.ciLow ?? 0), Math.abs(ci.high ?? c.ciHigh ?? 0)];
    }));
    const cols = ['Variant', 'Allocation', 'Exposures', 'Impressions', 'Clicks', 'CTR', 'CVR', 'RPM', 'Spend',
      `Abs. lift (${metric})`, 'Rel. lift', '95 % CI', 'p-value', 'mSPRT p'];
    mount(resultsBox,
      h('div', { class: 'row', style: 'justify-content:space-between;align-items:center' },
        h('h2', { id: 'results-title' }, 'Live results'), h('span', { class: 'muted', role: 'status' }, `Updated ${new Date().toLocaleTimeString()}`)),
      srmBad ? alertBox('warn', h('strong', {}, 'Sample ratio mismatch: '),
        `the observed split differs from the configured allocation (chi-square p = ${pval(srm.pValue)}). The assignment may be broken; do not trust these results.`)
        : h('p', { class: 'muted' }, `Sample ratio check passed (chi-square p = ${pval(srm.pValue)}).`),
      h('div', { class: 'table-wrap' }, h('table', { id: 'results-table' },
        h('thead', {}, h('tr', {}, cols.map((c, i) => h('th', { scope: 'col', class: i ? 'num' : null }, c)))),
        h('tbody', {}, rows.map(({ key, v, cmp }) => {
          const c = cmp[metric] || {};
          const ci = c.ci || c.absoluteCi || {};
          const low = ci.low ?? c.ciLow;
          const high = ci.high ?? c.ciHigh;
          const abs = c.absoluteLift ?? c.absolute ?? c.lift;
          const conf = (exp.variants || []).find((x) => (x.key || x.name) === key) || {};
          return h('tr', { dataset: { variant: key } },
            h('th', { scope: 'row' }, key),
            h('td', { class: 'num' }, allocationOf(conf) != null ? `${allocationOf(conf)} %` : '—'),
            h('td', { class: 'num exposures' }, int(v.exposures ?? v.assignments)),
            h('td', { class: 'num' }, int(v.impressions)), h('td', { class: 'num' }, int(v.clicks)),
            h('td', { class: 'num' }, pct(v.ctr)), h('td', { class: 'num' }, pct(v.cvr)),
            h('td', { class: 'num' }, v.rpmMicros != null ? money(v.rpmMicros) : v.rpm != null ? money(v.rpm * 1e6) : '—'),
            h('td', { class: 'num' }, money(v.spendMicros)),
            h('td', { class: 'num' }, abs == null ? 'baseline' : pct(abs, 3)),
            h('td', { class: 'num' }, pct(c.relativeLift ?? c.relative, 1)),
            h('td', {}, abs == null ? '' : intervalBar(low, abs, high, { span, fmt: (x) => pct(x, 3) })),
            h('td', { class: 'num' }, pval(c.pValue)),
            h('td', { class: 'num' }, pval(c.msprtPValue ?? c.sequentialPValue)));
        })))),
      h('p', { class: 'hint' }, 'Intervals are 95 % confidence intervals of the absolute lift against the control; the dashed line is zero. ',
        'mSPRT p-values stay valid however often you look.'));
  }

  async function loadDecisions() {
    let items = [];
    try { items = itemsOf(await get(P.experimentDecisions(id))); } catch (err) { if (!(err instanceof ApiError && err.status === 404)) throw err; }
    const note = h('input', { maxlength: 500 });
    const msg = h('div');
    const decide = (kind) => h('button', { type: 'button', class: kind === 'SHIP' ? 'primary' : kind === 'STOP' ? 'danger' : '', onclick: async () => {
      try {
        await post(P.experimentDecisions(id), { decision: kind, note: note.value.trim() || null });
        await loadDecisions();
      } catch (err) { mount(msg, alertBox('error', describe(err))); }
    } }, kind === 'SHIP' ? 'Ship' : kind === 'STOP' ? 'Stop' : 'Extend');
    mount(decisionsBox, h('h2', { id: 'decisions-title' }, 'Decisions'),
      items.length ? h('div', { class: 'table-wrap' }, h('table', { id: 'decisions-table' },
        h('thead', {}, h('tr', {}, ['Decision', 'Who', 'When', 'Note'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, items.map((d) => h('tr', {},
          h('td', {}, h('span', { class: `badge ${d.decision || d.kind}` }, d.decision || d.kind)),
          h('td', {}, d.decidedBy || d.actor || d.who || '—'), h('td', {}, when(d.decidedAt || d.at || d.createdAt)), h('td', {}, d.note || '')))))) : h('p', { class: 'muted' }, 'No decision yet.'),
      field('Note', note, { name: 'note' }), msg, h('div', { class: 'actions' }, decide('SHIP'), decide('STOP'), decide('EXTEND')));
  }

  mount(app,
    h('p', {}, h('a', { href: '#/experiments' }, '← Experiments')),
    h('div', { class: 'row', style: 'justify-content:space-between;align-items:center' },
      h('h1', {}, exp.name, ' ', h('span', { class: `badge ${exp.status}` }, exp.status)), headActions),
    h('div', { class: 'panel grid2' },
      h('div', {}, h('div', { class: 'muted' }, 'Hypothesis'), exp.hypothesis || '—'),
      h('div', {}, h('div', { class: 'muted' }, 'Target'), targetText(exp) || '—'),
      h('div', {}, h('div', { class: 'muted' }, 'Layer'), exp.layer ?? '—'),
      h('div', {}, h('div', { class: 'muted' }, 'Metrics'), `${metric} (primary)${(exp.guardrailMetrics || []).length ? `; guardrails ${exp.guardrailMetrics.join(', ')}` : ''}`),
      h('div', {}, h('div', { class: 'muted' }, 'Started / stopped'), `${when(exp.startedAt)} / ${when(exp.stoppedAt)}`)),
    resultsBox, decisionsBox);
  await Promise.all([loadResults(), loadDecisions()]);
  // Live: poll while this page is open; the next route change clears the timer.
  timer = setInterval(() => { if (document.visibilityState === 'visible') loadResults(); }, REFRESH_MS);
}

window.addEventListener('hashchange', render);
render();
