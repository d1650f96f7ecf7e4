// Internal A/B test console: experiments list, create, start/stop, live results with 95 % CI bars,
// SRM warning, always-valid (mSPRT) p-values, and ship/stop/extend decisions with who and when.
import { h, mount, field, showFieldErrors, clearFieldErrors, alertBox } from './dom.js';
import { session, get, post, describe, ApiError } from './api.js';
import { P } from './paths.js';
import { int, pct, pval, when, money } from './format.js';
import { intervalBar } from './charts.js';

const root = document.getElementById('app');
// Each route renders into its own container: a slower view that was superseded paints a detached node.
let app = root;
const nav = document.getElementById('nav');
const REFRESH_MS = 3000;
let timer = null;

// The experiment API's vocabularies: what a variant changes (and the parameter it needs), and the metrics.
const TARGETS = [['RANKING_MODEL_VERSION', 'Ranking model version', 'modelVersion', 'Model version, e.g. dlrm-7'],
  ['RESERVE_PRICE', 'Auction reserve price', 'reservePriceMicros', 'Reserve eCPM in micros, e.g. 100000'],
  ['CREATIVE_SET', 'Creative set', 'creativeIds', 'Creative ids, comma separated']];
const METRICS = [['CLICK_RATE', 'Click rate (users who clicked)'], ['CONVERSION_RATE', 'Conversion rate (users who converted)'],
  ['SPEND_PER_USER', 'Spend per user']];
const metricFmt = (m) => (m === 'SPEND_PER_USER' ? (x) => money(x * 1e6) : (x) => pct(x, 3));
const units = (x) => (x == null ? '—' : money(x * 1e6));

const routes = [
  [/^#\/experiments\/new$/, (m, c) => createView(c)],
  [/^#\/experiments\/(\d+)$/, (m, c) => detailView(c, m[1])],
  [/^#\/experiments$/, (m, c) => listView(c)],
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
      app = h('div');
      mount(root, app);
      try { await view(m, app); } catch (err) { handleError(err); }
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
  app = h('div');
  mount(root, app);
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
      if (location.hash === '#/experiments') render(); else location.hash = '#/experiments';
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
  app = h('div', { style: 'max-width:480px;margin:2rem auto' }, form);
  mount(root, app);
  input.focus();
}

const itemsOf = (data) => (Array.isArray(data) ? data : data.items || []);
const targetLabel = (kind) => (TARGETS.find((t) => t[0] === kind) || [kind, kind])[1];
const variantParams = (v) => Object.entries(v.params || {}).map(([k, x]) => `${k}=${x}`).join(', ');

async function listView(app) {
  paintNav();
  document.title = 'Experiments · Surf A/B console';
  const data = await get(P.experiments('?page=0&size=100'));
  const items = itemsOf(data);
  const head = h('div', { class: 'row', style: 'justify-content:space-between;align-items:center' },
    h('h1', {}, 'Experiments'), h('a', { class: 'button primary', href: '#/experiments/new' }, 'New experiment'));
  if (!items.length) { mount(app, head, h('div', { class: 'panel' }, 'No experiments yet.')); return; }
  mount(app, head, h('div', { class: 'table-wrap' }, h('table', { id: 'experiments-table', class: 'cards' },
    h('caption', { class: 'sr-only' }, 'Experiments'),
    h('thead', {}, h('tr', {}, ['Name', 'Status', 'Layer', 'Target', 'Variants', 'Started', 'Actions'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, items.map((e) => h('tr', { dataset: { experimentId: e.id } },
      h('th', { scope: 'row' }, h('a', { href: `#/experiments/${e.id}` }, e.name)),
      h('td', { 'data-label': 'Status' }, h('span', { class: `badge ${e.status}` }, e.status)),
      h('td', { 'data-label': 'Layer' }, e.layer ?? '—'),
      h('td', { 'data-label': 'Target' }, targetLabel(e.targetKind)),
      h('td', { 'data-label': 'Variants' }, (e.variants || []).map((v) => `${v.key} ${v.allocationPercent} %`).join(' · ')),
      h('td', { 'data-label': 'Started' }, when(e.startedAt)),
      h('td', { class: 'actions-cell' }, startStop(e, () => listView(app)))))))));
}

function startStop(e, after) {
  const action = e.status === 'RUNNING' ? 'stop' : e.status === 'DRAFT' ? 'start' : null;
  if (!action) return h('span', { class: 'muted' }, '—');
  return h('button', { type: 'button', class: `small${action === 'stop' ? ' danger' : ' primary'}`, 'aria-label': `${action === 'stop' ? 'Stop' : 'Start'} experiment ${e.name}`, onclick: async (ev) => {
    ev.target.disabled = true;
    try { await post(P.experimentAction(e.id, action)); await after(); } catch (err) { handleError(err); ev.target.disabled = false; }
  } }, action === 'stop' ? 'Stop' : 'Start');
}

const slug = (text) => text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63);

function createView(app) {
  paintNav();
  document.title = 'New experiment · Surf A/B console';
  const banner = h('div');
  const variantRows = h('div', { id: 'variant-rows' });
  const sum = h('p', { class: 'hint', 'aria-live': 'polite' });
  const target = h('select', { onchange: () => paintParamLabels() }, TARGETS.map(([v, t]) => h('option', { value: v }, t)));
  let n = 0;
  const addVariant = (key = '', alloc = '', control = false) => {
    const i = n++;
    const param = h('input', {});
    const row = h('div', { class: 'grid2 variant-row', dataset: { index: i } },
      field('Variant key', h('input', { value: key, maxlength: 63 }), { name: `variants[${i}].key` }),
      field('Allocation %', h('input', { type: 'number', min: 1, max: 99, step: 1, value: alloc, oninput: paintSum }), { name: `variants[${i}].allocationPercent` }),
      field('Parameter', param, { name: `variants[${i}].params` }),
      h('div', { class: 'field', style: 'align-self:end' },
        h('label', { class: 'checks' }, h('input', { type: 'radio', name: 'control', value: String(i), checked: control }), ' Control'),
        h('button', { type: 'button', class: 'small danger', 'aria-label': 'Remove variant', onclick: () => { row.remove(); paintSum(); } }, 'Remove')));
    variantRows.append(row);
    paintParamLabels();
    paintSum();
  };
  function paintParamLabels() {
    const [, , param, hint] = TARGETS.find((t) => t[0] === target.value);
    variantRows.querySelectorAll('[data-field$=".params"]').forEach((input) => {
      input.closest('.field').querySelector('label').textContent = `Parameter ${param}`;
      input.placeholder = hint;
    });
  }
  function paintSum() {
    const total = [...variantRows.querySelectorAll('[data-field$=".allocationPercent"]')].reduce((a, i) => a + (Number(i.value) || 0), 0);
    sum.textContent = `Allocations add up to ${total} % (must be 100 %).`;
  }
  const name = h('input', { maxlength: 200 });
  const key = h('input', { maxlength: 63 });
  name.addEventListener('input', () => { if (!key.dataset.touched) key.value = slug(name.value); });
  key.addEventListener('input', () => { key.dataset.touched = '1'; });
  const form = h('form', { class: 'panel', novalidate: true, 'aria-labelledby': 'create-title' },
    h('fieldset', {}, h('legend', {}, 'Experiment'),
      h('div', { class: 'grid2' },
        field('Name', name, { name: 'name' }),
        field('Key', key, { name: 'key', hint: 'Lower-case letters, digits, - and _; also the hashing salt' })),
      field('Hypothesis', h('textarea', { maxlength: 2000 }), { name: 'hypothesis', hint: 'What change, what effect, why' }),
      h('div', { class: 'grid2' },
        field('Target', target, { name: 'targetKind' }),
        field('Layer', h('input', { value: 'default', maxlength: 63 }), { name: 'layer', hint: 'Experiments in one layer never share a user; layers are independent' }),
        field('Traffic %', h('input', { type: 'number', min: 1, max: 100, value: 100 }), { name: 'trafficPercent', hint: 'Share of the layer this experiment takes' }))),
    h('fieldset', {}, h('legend', {}, 'Variants'), variantRows,
      h('div', { id: 'variants-group', dataset: { field: 'variants' }, tabindex: '-1' }, sum),
      h('div', { class: 'field-error', id: 'variants-group-error', role: 'alert' }),
      h('button', { type: 'button', onclick: () => addVariant() }, 'Add variant')),
    h('fieldset', {}, h('legend', {}, 'Metrics'),
      field('Primary metric', h('select', {}, METRICS.map(([v, t]) => h('option', { value: v }, t))), { name: 'primaryMetric' }),
      h('div', { class: 'field' }, h('div', { id: 'guardrails-label' }, h('strong', {}, 'Guardrail metrics')),
        h('div', { class: 'checks', role: 'group', id: 'guardrails', 'aria-labelledby': 'guardrails-label', dataset: { field: 'guardrailMetrics' }, tabindex: '-1' },
          METRICS.map(([v, t]) => h('label', {}, h('input', { type: 'checkbox', name: 'guardrail', value: v }), t))),
        h('div', { class: 'field-error', id: 'guardrails-error', role: 'alert' }))),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Create experiment')));
  addVariant('control', '50', true);
  addVariant('treatment', '50', false);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearFieldErrors(form);
    mount(banner);
    const v = (f) => form.querySelector(`[data-field="${f}"]`).value.trim();
    const [, , paramName] = TARGETS.find((t) => t[0] === target.value);
    const controlIndex = form.querySelector('input[name="control"]:checked')?.value;
    const variants = [...variantRows.querySelectorAll('.variant-row')].map((row) => {
      const q = (suffix) => row.querySelector(`[data-field$="${suffix}"]`).value.trim();
      const alloc = q('.allocationPercent');
      return { key: q('.key'), allocationPercent: alloc === '' ? null : Math.round(Number(alloc)),
        control: row.dataset.index === controlIndex, params: q('.params') ? { [paramName]: q('.params') } : {} };
    });
    const traffic = v('trafficPercent');
    const body = {
      key: v('key'), name: v('name'), hypothesis: v('hypothesis'), targetKind: v('targetKind'), layer: v('layer'),
      trafficPercent: traffic === '' ? null : Number(traffic), variants, primaryMetric: v('primaryMetric'),
      guardrailMetrics: [...form.querySelectorAll('input[name="guardrail"]:checked')].map((i) => i.value),
    };
    try {
      const created = await post(P.experiments(), body);
      location.hash = `#/experiments/${created.id}`;
    } catch (err) {
      if (err instanceof ApiError && err.status === 403) { notAllowedView(); return; }
      // Errors name variants by position in the list sent; map them to the rows' own indexes.
      const rows = [...variantRows.querySelectorAll('.variant-row')];
      const problem = err instanceof ApiError ? { ...err.problem, errors: (err.problem.errors || []).map((x) => ({
        ...x, field: String(x.field).replace(/^variants\[(\d+)\]\.params.*$/, 'variants[$1].params')
          .replace(/^variants\[(\d+)\]/, (m, i) => (rows[i] ? `variants[${rows[i].dataset.index}]` : m)) })) } : null;
      const { leftover } = problem ? showFieldErrors(form, problem) : { leftover: [1] };
      if (leftover.length || !(problem && problem.errors && problem.errors.length)) mount(banner, alertBox('error', describe(err)));
    }
  });
  mount(app, h('h1', { id: 'create-title' }, 'New experiment'), banner, form);
  name.focus();
}

// CUPED next to the raw estimate for the per-user metrics: two rows per comparison, one bar scale.
function cupedTable(cuped) {
  const rows = (cuped && cuped.comparisons) || [];
  const cols = ['Metric', 'Variant', 'Estimate', 'Variance reduction', 'theta', 'Control', 'Treatment', 'Abs. lift', '95 % CI of abs. lift', 'Rel. lift', 'p-value'];
  const body = [];
  for (const c of rows) {
    // Per-user means are small (cents, fractions of a click): 4 decimals, spend in currency units.
    const fmt = (x) => (x == null || !isFinite(x) ? '—' : Number(x).toFixed(4));
    const span = Math.max(1e-12, ...[c.raw, c.adjusted].filter(Boolean).flatMap((e) => [Math.abs(e.absoluteCi.low), Math.abs(e.absoluteCi.high)]));
    const line = (label, e, extra) => h('tr', { dataset: { metric: c.metric, variant: c.variantKey, estimate: label === 'raw' ? 'raw' : 'cuped' } },
      h('th', { scope: 'row' }, c.metric.toLowerCase().replace(/_/g, ' '), h('div', { class: 'hint' }, `${c.metric === 'SPEND_PER_USER' ? 'currency units; ' : ''}covariate: ${c.covariate}`)),
      h('td', {}, c.variantKey),
      h('td', {}, label),
      ...extra,
      ...(e ? [
        h('td', { class: 'num' }, fmt(e.control)), h('td', { class: 'num' }, fmt(e.treatment)),
        h('td', { class: 'num' }, fmt(e.absoluteLift)),
        h('td', {}, intervalBar(e.absoluteCi.low, e.absoluteLift, e.absoluteCi.high, { span, fmt }),
          h('div', { class: 'hint' }, `[${fmt(e.absoluteCi.low)}, ${fmt(e.absoluteCi.high)}]`)),
        h('td', {}, pct(e.relativeLift, 1)),
        h('td', { class: 'num' }, pval(e.pValue))]
        : [h('td', { colspan: 6, class: 'muted cuped-note' }, c.note)]));
    body.push(line('raw', c.raw, [h('td', {}, ''), h('td', {}, '')]));
    body.push(line('CUPED-adjusted', c.applied ? c.adjusted : null, c.applied
      ? [h('td', { class: 'num cuped-reduction' }, pct(c.varianceReduction, 1)), h('td', { class: 'num' }, Number(c.theta).toPrecision(3))]
      : [h('td', {}, ''), h('td', {}, '')]));
  }
  return h('div', { class: 'table-wrap', style: 'margin-top:1rem' },
    h('table', { id: 'cuped-table' },
      h('caption', {}, 'CUPED variance reduction (per-user metrics, pre-period covariate)'),
      h('thead', {}, h('tr', {}, cols.map((c, i) => h('th', { scope: 'col', class: i > 2 && i < 8 ? 'num' : null }, c)))),
      h('tbody', {}, body.length ? body : h('tr', {}, h('td', { colspan: cols.length, class: 'muted' }, 'No per-user comparison yet: every variant needs at least 2 users.')))),
    h('p', { class: 'hint', id: 'cuped-rule' }, cuped ? cuped.rule : ''));
}

async function detailView(app, id) {
  paintNav();
  let exp = await get(P.experiment(id));
  document.title = `${exp.name} · Surf A/B console`;
  const resultsBox = h('section', { class: 'panel', 'aria-labelledby': 'results-title', id: 'results' });
  const decisionsBox = h('section', { class: 'panel', 'aria-labelledby': 'decisions-title', id: 'decisions' });
  const statusBadge = h('span', { class: `badge ${exp.status}`, id: 'experiment-status' }, exp.status);
  const headActions = h('div', { class: 'actions' });
  const meta = h('div', { class: 'panel grid2' });
  const refreshHead = () => {
    statusBadge.className = `badge ${exp.status}`;
    statusBadge.textContent = exp.status;
    mount(meta,
      h('div', {}, h('div', { class: 'muted' }, 'Hypothesis'), exp.hypothesis || '—'),
      h('div', {}, h('div', { class: 'muted' }, 'Target'), targetLabel(exp.targetKind)),
      h('div', {}, h('div', { class: 'muted' }, 'Layer'), `${exp.layer} · ${exp.trafficPercent} % of its traffic`),
      h('div', {}, h('div', { class: 'muted' }, 'Variants'), (exp.variants || []).map((v) => h('div', {}, `${v.key}${v.control ? ' (control)' : ''}: ${v.allocationPercent} % ${variantParams(v)}`))),
      h('div', {}, h('div', { class: 'muted' }, 'Metrics'), `${exp.primaryMetric} (primary)${(exp.guardrailMetrics || []).length ? `; guardrails ${exp.guardrailMetrics.join(', ')}` : ''}`),
      h('div', {}, h('div', { class: 'muted' }, 'Started / stopped'), `${when(exp.startedAt)} / ${when(exp.stoppedAt)}`));
    mount(headActions, startStop(exp, async () => { exp = await get(P.experiment(id)); refreshHead(); paintDecisions(); await loadResults(); }));
  };

  async function loadResults() {
    let r;
    try { r = await get(P.experimentResults(id)); } catch (err) {
      mount(resultsBox, h('h2', { id: 'results-title' }, 'Results'), alertBox('error', describe(err)));
      return;
    }
    const srm = r.sampleRatio || {};
    const comparisons = r.comparisons || [];
    const spans = {};
    for (const c of comparisons) {
      const ci = c.absoluteCi || {};
      spans[c.metric] = Math.max(spans[c.metric] || 1e-12, Math.abs(ci.low || 0), Math.abs(ci.high || 0));
    }
    const vcols = ['Variant', 'Allocation', 'Users', 'Exposures', 'Impressions', 'Clicks', 'CTR', 'CVR', 'RPM', 'Spend'];
    const ccols = ['Metric', 'Variant', 'Control', 'Treatment', 'Abs. lift', '95 % CI of abs. lift', 'Rel. lift', 'Test', 'p-value', 'mSPRT p', ''];
    mount(resultsBox,
      h('div', { class: 'row', style: 'justify-content:space-between;align-items:center' },
        h('h2', { id: 'results-title' }, 'Live results'), h('span', { class: 'muted', role: 'status' }, `Computed ${when(r.computedAt)}`)),
      srm.mismatch ? alertBox('warn', h('strong', { id: 'srm-warning' }, 'Sample ratio mismatch: '),
        `the split of users differs from the configured allocation (chi-square ${(srm.chiSquare ?? 0).toFixed(2)}, p = ${pval(srm.pValue)} < ${srm.threshold}). The assignment may be broken; do not trust these results.`)
        : h('p', { class: 'muted', id: 'srm-ok' }, `Sample ratio check: no mismatch (chi-square p = ${pval(srm.pValue)}).`),
      h('div', { class: 'table-wrap' }, h('table', { id: 'variants-table', class: 'cards' },
        h('caption', {}, 'Per variant'),
        h('thead', {}, h('tr', {}, vcols.map((c, i) => h('th', { scope: 'col', class: i ? 'num' : null }, c)))),
        h('tbody', {}, (r.variants || []).map((v) => h('tr', { dataset: { variant: v.key } },
          h('th', { scope: 'row' }, v.key, v.control ? ' ' : '', v.control ? h('span', { class: 'badge' }, 'control') : ''),
          h('td', { class: 'num', 'data-label': 'Allocation' }, `${v.allocationPercent} %`),
          h('td', { class: 'num users', 'data-label': 'Users' }, int(v.users)),
          h('td', { class: 'num exposures', 'data-label': 'Exposures' }, int(v.exposures)),
          h('td', { class: 'num', 'data-label': 'Impressions' }, int(v.impressions)),
          h('td', { class: 'num', 'data-label': 'Clicks' }, int(v.clicks)),
          h('td', { class: 'num', 'data-label': 'CTR' }, pct(v.ctr)),
          h('td', { class: 'num', 'data-label': 'CVR' }, pct(v.cvr)),
          h('td', { class: 'num', 'data-label': 'RPM' }, units(v.revenuePerMille)),
          h('td', { class: 'num', 'data-label': 'Spend' }, units(v.spend))))))),
      h('div', { class: 'table-wrap', style: 'margin-top:1rem' }, h('table', { id: 'comparisons-table' },
        h('caption', {}, 'Each variant against the control'),
        h('thead', {}, h('tr', {}, ccols.map((c, i) => h('th', { scope: 'col', class: i > 1 && i < 5 ? 'num' : null }, c)))),
        h('tbody', {}, comparisons.length ? comparisons.map((c) => {
          const fmt = metricFmt(c.metric);
          const ci = c.absoluteCi || {};
          return h('tr', { dataset: { metric: c.metric, variant: c.variantKey } },
            h('th', { scope: 'row' }, c.metric.toLowerCase().replace(/_/g, ' '), c.role ? h('div', { class: 'hint' }, c.role.toLowerCase()) : ''),
            h('td', {}, c.variantKey),
            h('td', { class: 'num' }, fmt(c.control)), h('td', { class: 'num' }, fmt(c.treatment)),
            h('td', { class: 'num' }, fmt(c.absoluteLift)),
            h('td', {}, intervalBar(ci.low, c.absoluteLift, ci.high, { span: spans[c.metric], fmt }),
              h('div', { class: 'hint' }, `[${fmt(ci.low)}, ${fmt(ci.high)}]`)),
            h('td', {}, pct(c.relativeLift, 1)),
            h('td', {}, c.test || ''),
            h('td', { class: 'num' }, pval(c.pValue)),
            h('td', { class: 'num' }, pval(c.msprtPValue)),
            h('td', {}, c.significant ? h('span', { class: 'badge ACTIVE' }, 'significant') : ''));
        }) : h('tr', {}, h('td', { colspan: ccols.length, class: 'muted' }, 'No comparisons yet: every variant needs exposed users.'))))),
      h('p', { class: 'hint' }, 'Bars: 95 % confidence interval of the absolute lift against the control; the dashed line is zero (green: significantly up, red: down). ',
        'mSPRT p-values stay valid however often you look.'),
      cupedTable(r.cuped));
  }

  function paintDecisions() {
    const items = exp.decisions || [];
    const reason = h('input', { maxlength: 2000 });
    const variant = h('select', {}, (exp.variants || []).map((v) => h('option', { value: v.key }, v.key)));
    const msg = h('div');
    const decide = (kind) => h('button', { type: 'button', class: kind === 'SHIP' ? 'primary' : kind === 'STOP' ? 'danger' : '', onclick: async () => {
      try {
        exp = await post(P.experimentDecisions(id), { decision: kind, variantKey: kind === 'SHIP' ? variant.value : null, reason: reason.value.trim() || null });
        refreshHead();
        paintDecisions();
      } catch (err) { mount(msg, alertBox('error', describe(err))); }
    } }, kind === 'SHIP' ? 'Ship variant' : kind === 'STOP' ? 'Stop without shipping' : 'Extend');
    const open = exp.status !== 'STOPPED';
    mount(decisionsBox, h('h2', { id: 'decisions-title' }, 'Decisions'),
      items.length ? h('div', { class: 'table-wrap' }, h('table', { id: 'decisions-table' },
        h('thead', {}, h('tr', {}, ['Decision', 'Variant', 'Who', 'When', 'Reason'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, items.map((d) => h('tr', {},
          h('td', {}, h('span', { class: `badge ${d.decision}` }, d.decision)), h('td', {}, d.variantKey || '—'),
          h('td', {}, d.decidedBy || '—'), h('td', {}, when(d.decidedAt)), h('td', { style: 'white-space:normal' }, d.reason || '')))))) : h('p', { class: 'muted' }, 'No decision yet.'),
      open ? h('div', { class: 'grid2' }, field('Variant to ship', variant, { name: 'variantKey' }), field('Reason', reason, { name: 'reason' })) : '',
      msg, open ? h('div', { class: 'actions' }, decide('SHIP'), decide('STOP'), decide('EXTEND')) : '');
  }

  mount(app,
    h('p', {}, h('a', { href: '#/experiments' }, '← Experiments')),
    h('div', { class: 'row', style: 'justify-content:space-between;align-items:center' },
      h('h1', {}, exp.name, ' ', statusBadge), headActions),
    meta,
    resultsBox, decisionsBox);
  refreshHead();
  paintDecisions();
  await loadResults();
  // Live: poll while this page is open; the next route change clears the timer.
  const mine = app;
  clearInterval(timer);
  timer = setInterval(() => {
    if (!mine.isConnected) { clearInterval(timer); return; }
    if (document.visibilityState === 'visible') loadResults();
  }, REFRESH_MS);
}

window.addEventListener('hashchange', render);
render();
