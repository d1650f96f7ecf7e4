// Advertiser portal: a hash-routed single page. Common actions (pause, approve, paging) never reload.
import { h, mount, alertBox } from './dom.js';
import { session, get, post, describe, ApiError } from './api.js';
import { P } from './paths.js';
import { money, int, pct, ratio } from './format.js';
import { wizardView } from './wizard.js';
import { studioView } from './studio.js';
import { performanceView } from './performance.js';

const root = document.getElementById('app');
// Each route renders into its own container: a slower view that was superseded paints a detached node.
let app = root;
const nav = document.getElementById('nav');
const PAGE_SIZE = 10;

const routes = [
  [/^#\/campaigns\/new$/, (m, view) => wizardView(view, null)],
  [/^#\/campaigns\/(\d+)\/edit$/, (m, view) => wizardView(view, m[1])],
  [/^#\/campaigns\/(\d+)\/studio$/, (m, view) => studioView(view, m[1])],
  [/^#\/campaigns\/(\d+)\/performance$/, (m, view) => performanceView(view, m[1])],
  [/^#\/campaigns(?:\?page=(\d+))?$/, (m, view) => campaignsView(view, Number(m[1] || 0))],
];

/** The signed-in advertiser (name, currency); fetched once per page load. */
export let advertiser = null;
async function loadAdvertiser() {
  advertiser = await get(P.me);
  return advertiser;
}
export const currency = () => (advertiser && advertiser.currency) || 'USD';

async function render() {
  if (!session.key) { signInView(); return; }
  if (!advertiser) {
    try { await loadAdvertiser(); } catch (err) { handleError(err); return; }
  }
  renderNav();
  const hash = location.hash || '#/campaigns';
  for (const [re, view] of routes) {
    const m = hash.match(re);
    if (m) {
      app = h('div');
      mount(root, app);
      Promise.resolve(view(m, app)).catch(handleError);
      root.focus({ preventScroll: true });
      return;
    }
  }
  location.hash = '#/campaigns';
}

function renderNav() {
  const here = location.hash || '#/campaigns';
  const link = (href, text) => h('a', { href, 'aria-current': here === href ? 'page' : null }, text);
  mount(nav,
    link('#/campaigns', 'Campaigns'),
    link('#/campaigns/new', 'New campaign'),
    h('button', { class: 'link', type: 'button', onclick: signOut }, 'Sign out'));
}

function signOut() {
  session.key = null;
  advertiser = null;
  mount(nav);
  location.hash = '';
  signInView();
}

/** A 401 anywhere means the key stopped working (revoked): back to sign-in with a reason. */
export function handleError(err) {
  if (err instanceof ApiError && (err.status === 401 || (err.status === 403 && !advertiser))) {
    session.key = null;
    advertiser = null;
    signInView(err.status === 403 ? 'This key cannot open the advertiser portal (internal keys use the A/B console).' : 'Your API key was not accepted (it may have been revoked). Sign in again.');
    return;
  }
  app.prepend(alertBox('error', describe(err)));
}

function signInView(message) {
  mount(nav);
  document.title = 'Sign in · Surf Ads';
  const input = h('input', { id: 'api-key', type: 'password', autocomplete: 'off', required: true, spellcheck: 'false',
    'aria-describedby': 'api-key-hint api-key-error' });
  const error = h('div', { class: 'field-error', id: 'api-key-error', role: 'alert' }, message || '');
  const form = h('form', { class: 'panel', 'aria-labelledby': 'signin-title', onsubmit: async (e) => {
    e.preventDefault();
    error.textContent = '';
    session.key = input.value.trim();
    try {
      const who = await get(P.session);
      if (who.role !== 'advertiser') throw new ApiError(403, { title: 'Forbidden' });
      await loadAdvertiser();
      if (location.hash === '#/campaigns') render(); else location.hash = '#/campaigns';
    } catch (err) {
      session.key = null;
      input.setAttribute('aria-invalid', 'true');
      error.textContent = err instanceof ApiError && err.status === 401 ? 'This API key is not valid or has been revoked.'
        : err instanceof ApiError && err.status === 403 ? 'This key cannot open the advertiser portal (internal keys use the A/B console).'
          : describe(err);
      input.focus();
    }
  } },
  h('h1', { id: 'signin-title' }, 'Sign in to Surf Ads'),
  h('div', { class: 'field' },
    h('label', { for: 'api-key' }, 'API key'),
    input,
    h('div', { class: 'hint', id: 'api-key-hint' }, 'Your advertiser API key (surf_…). It is kept only in this browser tab.'),
    error),
  h('button', { class: 'primary', type: 'submit' }, 'Sign in'));
  app = h('div', { style: 'max-width:480px;margin:2rem auto' }, form);
  mount(root, app);
  input.focus();
}

async function campaignsView(app, page) {
  document.title = 'Campaigns · Surf Ads';
  mount(app, h('h1', {}, 'Campaigns'), h('p', { class: 'muted', role: 'status' }, 'Loading campaigns…'));
  const data = await get(P.campaigns(`?page=${page}&size=${PAGE_SIZE}&sort=-id`));
  const items = data.items || [];
  let stats = {};
  if (items.length) {
    try {
      const summary = await get(P.performanceSummary(items.map((c) => c.id)));
      for (const row of summary.items || []) stats[row.campaignId] = row;
    } catch (e) { if (e instanceof ApiError && e.status === 401) throw e; stats = {}; }
  }
  const total = data.total ?? items.length;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const head = h('div', { class: 'row', style: 'justify-content:space-between;align-items:center' },
    h('h1', {}, 'Campaigns'), h('a', { class: 'button primary', href: '#/campaigns/new' }, 'New campaign'));
  if (!items.length && page === 0) {
    mount(app, head, h('div', { class: 'panel' }, h('p', {}, 'No campaigns yet. '), h('a', { href: '#/campaigns/new' }, 'Create your first campaign')));
    return;
  }
  const cols = ['Name', 'Status', 'Daily budget', 'Spend', 'Impressions', 'Clicks', 'CTR', 'CPA', 'Actions'];
  const numeric = new Set(['Daily budget', 'Spend', 'Impressions', 'Clicks', 'CTR', 'CPA']);
  const table = h('table', { id: 'campaigns-table', class: 'cards' },
    h('caption', { class: 'sr-only' }, 'Your campaigns'),
    h('thead', {}, h('tr', {}, cols.map((c) => h('th', { scope: 'col', class: numeric.has(c) ? 'num' : null }, c)))),
    h('tbody', {}, items.map((c) => campaignRow(c, stats[c.id]))));
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pagination' },
    h('button', { type: 'button', disabled: page <= 0, onclick: () => { location.hash = `#/campaigns?page=${page - 1}`; } }, 'Previous'),
    h('span', { 'aria-live': 'polite' }, `Page ${page + 1} of ${pages} · ${total} campaigns`),
    h('button', { type: 'button', disabled: page + 1 >= pages, onclick: () => { location.hash = `#/campaigns?page=${page + 1}`; } }, 'Next'));
  mount(app, head, h('div', { class: 'table-wrap' }, table), pager);
}

function campaignRow(c, st) {
  const s = st || {};
  const cur = currency();
  const status = h('span', { class: `badge ${c.status}` }, c.status);
  const toggle = h('button', { type: 'button', class: 'small' });
  const row = h('tr', { dataset: { campaignId: c.id } });
  const paint = () => {
    status.className = `badge ${c.status}`;
    status.textContent = c.status;
    const label = c.status === 'ACTIVE' ? 'Pause' : c.status === 'PAUSED' ? 'Resume' : c.status === 'DRAFT' ? 'Activate' : null;
    toggle.hidden = !label;
    toggle.textContent = label || '';
    toggle.setAttribute('aria-label', `${label} campaign ${c.name}`);
  };
  toggle.addEventListener('click', async () => {
    // Resuming a paused campaign is the API's "activate" action, like activating a draft.
    const action = c.status === 'ACTIVE' ? 'pause' : 'activate';
    toggle.disabled = true;
    try {
      const updated = await post(P.campaignAction(c.id, action), undefined, { 'If-Match': `"${c.version}"` });
      c.version = updated.version;
      c.status = updated && updated.status ? updated.status : (action === 'pause' ? 'PAUSED' : 'ACTIVE');
      paint();
    } catch (err) { handleError(err); } finally { toggle.disabled = false; }
  });
  paint();
  const impressions = s.impressions || 0;
  const clicks = s.clicks || 0;
  const conversions = s.conversions || 0;
  const spend = s.spendMicros || 0;
  mount(row,
    h('th', { scope: 'row' }, h('a', { href: `#/campaigns/${c.id}/performance` }, c.name)),
    h('td', { 'data-label': 'Status' }, status),
    h('td', { class: 'num', 'data-label': 'Daily budget' }, money(c.dailyBudgetMicros, cur)),
    h('td', { class: 'num', 'data-label': 'Spend' }, money(spend, cur)),
    h('td', { class: 'num', 'data-label': 'Impressions' }, int(impressions)),
    h('td', { class: 'num', 'data-label': 'Clicks' }, int(clicks)),
    h('td', { class: 'num', 'data-label': 'CTR' }, pct(ratio(clicks, impressions))),
    h('td', { class: 'num', 'data-label': 'CPA' }, conversions ? money(spend / conversions, cur) : '—'),
    h('td', { class: 'actions-cell' }, h('div', { class: 'actions' },
      toggle,
      h('a', { class: 'button small', href: `#/campaigns/${c.id}/edit`, 'aria-label': `Edit campaign ${c.name}` }, 'Edit'),
      h('a', { class: 'button small', href: `#/campaigns/${c.id}/studio`, 'aria-label': `Creatives of ${c.name}` }, 'Creatives'),
      h('a', { class: 'button small', href: `#/campaigns/${c.id}/performance`, 'aria-label': `Performance of ${c.name}` }, 'Performance'))));
  return row;
}

window.addEventListener('hashchange', render);
render();
