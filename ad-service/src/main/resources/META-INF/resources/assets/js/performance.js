// Performance page: time series (impressions, clicks, spend, CTR) by day or hour, breakdowns by
// creative and ad set, CSV export.
import { h, mount, alertBox } from './dom.js';
import { get, download, describe } from './api.js';
import { P } from './paths.js';
import { money, int, pct, ratio } from './format.js';
import { lineChart, barChart } from './charts.js';
import { currency } from './portal.js';

const RANGES = { hour: [['1', 'Last 24 hours'], ['2', 'Last 48 hours'], ['7', 'Last 7 days']], day: [['7', 'Last 7 days'], ['30', 'Last 30 days'], ['90', 'Last 90 days']] };

export async function performanceView(app, campaignId) {
  const campaign = await get(P.campaign(campaignId));
  const cur = currency();
  document.title = `Performance · ${campaign.name} · Surf Ads`;
  let granularity = 'day';
  let days = '7';
  const body = h('div', { 'aria-live': 'polite' });
  const gran = h('div', { class: 'checks', role: 'radiogroup', 'aria-label': 'Granularity' },
    ['day', 'hour'].map((g) => h('label', {}, h('input', { type: 'radio', name: 'granularity', value: g, checked: g === granularity,
      onchange: () => { granularity = g; days = RANGES[g][0][0]; paintRange(); load(); } }), g === 'day' ? 'By day' : 'By hour')));
  const range = h('select', { id: 'range', onchange: () => { days = range.value; load(); } });
  const paintRange = () => mount(range, RANGES[granularity].map(([v, t]) => h('option', { value: v, selected: v === days ? true : null }, t)));
  paintRange();
  const query = () => {
    const to = new Date();
    const from = new Date(to.getTime() - Number(days) * 86_400_000);
    return `?granularity=${granularity}&from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
  };
  const exportButton = h('button', { type: 'button', onclick: async () => {
    try { await download(P.performanceCsv(campaignId, query()), `campaign-${campaignId}-${granularity}.csv`); } catch (err) { body.prepend(alertBox('error', describe(err))); }
  } }, 'Export CSV');

  async function load() {
    mount(body, h('p', { class: 'muted', role: 'status' }, 'Loading…'));
    let data;
    try { data = await get(P.performance(campaignId, query())); } catch (err) { mount(body, alertBox('error', describe(err))); return; }
    const label = (iso) => {
      const d = new Date(iso);
      return granularity === 'hour' ? `${d.getMonth() + 1}/${d.getDate()} ${String(d.getHours()).padStart(2, '0')}h` : `${d.getMonth() + 1}/${d.getDate()}`;
    };
    const series = data.series || [];
    const pts = (f) => series.map((p) => ({ x: label(p.bucket), y: f(p) }));
    const t = data.totals || {};
    const chart = (title, points, fmt) => h('figure', { class: 'chart', style: 'margin:0' }, h('h3', {}, title), lineChart(points, { title, fmt }));
    const moneyShort = (m) => money(m, cur);
    mount(body,
      h('div', { class: 'grid2', id: 'totals' },
        [['Impressions', int(t.impressions)], ['Clicks', int(t.clicks)], ['CTR', pct(ratio(t.clicks, t.impressions))],
          ['Spend', money(t.spendMicros, cur)], ['Conversions', int(t.conversions)], ['CPA', t.conversions ? money(t.spendMicros / t.conversions, cur) : '—']]
          .map(([k, v]) => h('div', { class: 'panel' }, h('div', { class: 'muted' }, k), h('div', { style: 'font-size:1.4rem;font-weight:700' }, v)))),
      h('div', { class: 'grid-charts', id: 'charts' },
        chart('Impressions', pts((p) => p.impressions), (v) => int(Math.round(v))),
        chart('Clicks', pts((p) => p.clicks), (v) => int(Math.round(v))),
        chart('Spend', pts((p) => p.spendMicros), moneyShort),
        chart('CTR', pts((p) => ratio(p.clicks, p.impressions) || 0), (v) => pct(v, 1))),
      breakdown('By creative', 'breakdown-creative', data.byCreative || [], (r) => (r.creativeId ? r.headline || `Creative ${r.creativeId}` : 'Not attributed to a creative'), cur),
      breakdown('By ad set', 'breakdown-adset', data.byAdSet || [], (r) => (r.adSetId ? r.name || `Ad set ${r.adSetId}` : 'Not attributed to an ad set'), cur));
  }

  mount(app,
    h('p', {}, h('a', { href: '#/campaigns' }, '← Campaigns')),
    h('h1', {}, `Performance · ${campaign.name}`),
    h('div', { class: 'panel row', style: 'align-items:center' }, gran,
      h('div', {}, h('label', { for: 'range' }, 'Period'), range), h('div', { style: 'margin-left:auto' }, exportButton)),
    body);
  await load();
}

function breakdown(title, id, rows, name, cur) {
  const table = h('table', { id },
    h('caption', {}, title),
    h('thead', {}, h('tr', {}, ['Name', 'Impressions', 'Clicks', 'CTR', 'Conversions', 'Spend', 'CPA'].map((c, i) => h('th', { scope: 'col', class: i ? 'num' : null }, c)))),
    h('tbody', {}, rows.length ? rows.map((r) => h('tr', {},
      h('th', { scope: 'row' }, name(r)),
      h('td', { class: 'num' }, int(r.impressions)), h('td', { class: 'num' }, int(r.clicks)),
      h('td', { class: 'num' }, pct(ratio(r.clicks, r.impressions))), h('td', { class: 'num' }, int(r.conversions)),
      h('td', { class: 'num' }, money(r.spendMicros, cur)), h('td', { class: 'num' }, r.conversions ? money(r.spendMicros / r.conversions, cur) : '—')))
      : h('tr', {}, h('td', { colspan: 7, class: 'muted' }, 'No delivery in this period'))));
  return h('section', { class: 'panel' },
    h('div', { class: 'table-wrap' }, table),
    h('figure', { class: 'chart', style: 'margin:.8rem 0 0;border:0;padding:0' },
      barChart(rows.map((r) => ({ label: name(r), value: r.impressions || 0 })), { title: `${title}: impressions`, fmt: int })));
}
