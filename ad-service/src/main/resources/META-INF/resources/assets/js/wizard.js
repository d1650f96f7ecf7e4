// Create / edit campaign wizard: basics, budget and bid, schedule, targeting (the campaign's ad set),
// review. The API validates; its problem+json field errors are shown next to the fields.
import { h, mount, field, showFieldErrors, clearFieldErrors, alertBox } from './dom.js';
import { get, post, patch, describe, ApiError } from './api.js';
import { P } from './paths.js';
import { toMicros, fromMicros, toLocalInput, fromLocalInput, list, money } from './format.js';

const STEPS = ['Basics', 'Budget and bid', 'Schedule', 'Targeting', 'Review'];
const GENDERS = ['FEMALE', 'MALE', 'OTHER'];
const DEVICES = ['DESKTOP', 'MOBILE', 'TABLET'];
const PLACEMENTS = ['FEED', 'SEARCH', 'ARTICLE', 'SIDEBAR', 'VIDEO'];

const select = (name, options, value) => h('select', { name }, options.map(([v, t]) => h('option', { value: v, selected: v === value ? true : null }, t)));
const checks = (name, options, values = []) => {
  const box = h('div', { class: 'checks', role: 'group', tabindex: '-1', dataset: { field: name } });
  for (const o of options) box.append(h('label', {}, h('input', { type: 'checkbox', name, value: o, checked: values.includes(o) }), o.toLowerCase()));
  return box;
};
const checked = (form, name) => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value);

export async function wizardView(app, id) {
  let editing = id != null;
  document.title = `${editing ? 'Edit' : 'New'} campaign · Surf Ads`;
  let campaign = {};
  let adSet = null;
  if (editing) {
    campaign = await get(P.campaign(id));
    try {
      const sets = await get(P.adSets(id));
      adSet = (sets.items || sets || [])[0] || null;
    } catch (e) { if (!(e instanceof ApiError && e.status === 404)) throw e; }
  }
  const t = adSet || {};
  let step = 0;
  const steps = h('ol', { class: 'steps', 'aria-label': 'Wizard steps' }, STEPS.map((s) => h('li', {}, s)));
  const banner = h('div', { 'aria-live': 'assertive' });

  const sections = [
    h('fieldset', {}, h('legend', {}, 'Basics'),
      field('Campaign name', h('input', { value: campaign.name || '', required: true, maxlength: 200 }), { name: 'name' }),
      field('Objective', select('objective', [['CLICKS', 'Clicks (traffic)'], ['CONVERSIONS', 'Conversions'], ['AWARENESS', 'Awareness (reach)']], campaign.objective || 'CLICKS'), { name: 'objective' })),
    h('fieldset', {}, h('legend', {}, 'Budget and bid'),
      h('div', { class: 'grid2' },
        field('Daily budget', h('input', { type: 'number', min: '0', step: '0.01', inputmode: 'decimal', value: fromMicros(campaign.dailyBudgetMicros) }), { name: 'dailyBudgetMicros', hint: 'In your account currency, e.g. 50.00' }),
        field('Lifetime budget (optional)', h('input', { type: 'number', min: '0', step: '0.01', inputmode: 'decimal', value: fromMicros(campaign.lifetimeBudgetMicros) }), { name: 'lifetimeBudgetMicros' }),
        field('Bid strategy', select('bidStrategy', [['CPC', 'Cost per click (CPC)'], ['CPM', 'Cost per 1,000 impressions (CPM)'], ['TARGET_CPA', 'Target cost per action (CPA)']], campaign.bidStrategy || 'CPC'), { name: 'bidStrategy' }),
        field('Bid amount', h('input', { type: 'number', min: '0', step: '0.01', inputmode: 'decimal', value: fromMicros(campaign.bidAmountMicros) }), { name: 'bidAmountMicros' }))),
    h('fieldset', {}, h('legend', {}, 'Schedule'),
      h('div', { class: 'grid2' },
        field('Start', h('input', { type: 'datetime-local', value: toLocalInput(campaign.startAt) }), { name: 'startAt', hint: 'Leave empty to start when activated' }),
        field('End (optional)', h('input', { type: 'datetime-local', value: toLocalInput(campaign.endAt) }), { name: 'endAt' }),
        field('Time zone', h('input', { value: campaign.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' }), { name: 'timeZone', hint: 'IANA name, e.g. Europe/Paris' }))),
    h('fieldset', {}, h('legend', {}, 'Targeting'),
      h('div', { class: 'grid2' },
        field('Countries', h('input', { value: (t.countries || []).join(', '), placeholder: 'US, CA' }), { name: 'countries', hint: 'ISO codes, comma separated; empty = everywhere' }),
        field('Minimum age', h('input', { type: 'number', min: '13', max: '100', value: t.ageMin ?? '' }), { name: 'ageMin' }),
        field('Maximum age', h('input', { type: 'number', min: '13', max: '100', value: t.ageMax ?? '' }), { name: 'ageMax' }),
        field('Interests', h('input', { value: (t.interests || []).join(', '), placeholder: 'sports, travel' }), { name: 'interests', hint: 'Comma separated' }),
        field('Keywords', h('input', { value: (t.keywords || []).join(', ') }), { name: 'keywords', hint: 'Comma separated' }),
        field('Frequency cap per user', h('input', { type: 'number', min: '1', value: t.frequencyCap ?? '' }), { name: 'frequencyCap' }),
        field('Frequency period', select('frequencyPeriod', [['', '—'], ['HOUR', 'per hour'], ['DAY', 'per day'], ['WEEK', 'per week']], t.frequencyPeriod || ''), { name: 'frequencyPeriod' })),
      h('div', { class: 'grid2' },
        h('div', { class: 'field' }, h('div', { class: 'label', id: 'genders-label' }, h('strong', {}, 'Genders')), withLabel(checks('genders', GENDERS, t.genders), 'genders-label')),
        h('div', { class: 'field' }, h('div', { id: 'devices-label' }, h('strong', {}, 'Devices')), withLabel(checks('devices', DEVICES, t.devices), 'devices-label')),
        h('div', { class: 'field' }, h('div', { id: 'placements-label' }, h('strong', {}, 'Placements')), withLabel(checks('placements', PLACEMENTS, t.placements), 'placements-label')))),
    h('fieldset', {}, h('legend', {}, 'Review'), h('div', { id: 'review' })),
  ];

  const back = h('button', { type: 'button', onclick: () => go(step - 1) }, 'Back');
  const next = h('button', { type: 'button', class: 'primary', onclick: () => go(step + 1) }, 'Next');
  const submit = h('button', { type: 'submit', class: 'primary' }, editing ? 'Save changes' : 'Create campaign');
  const form = h('form', { class: 'panel', novalidate: true, 'aria-labelledby': 'wizard-title', onsubmit: onSubmit },
    steps, ...sections, h('div', { class: 'actions' }, back, next, submit));

  function go(n) {
    step = Math.max(0, Math.min(STEPS.length - 1, n));
    sections.forEach((s, i) => { s.hidden = i !== step; });
    [...steps.children].forEach((li, i) => li.setAttribute('aria-current', i === step ? 'step' : 'false'));
    back.disabled = step === 0;
    next.hidden = step === STEPS.length - 1;
    submit.hidden = step !== STEPS.length - 1;
    if (step === STEPS.length - 1) paintReview();
    const first = sections[step].querySelector('input, select, textarea');
    if (first) first.focus();
  }

  const val = (name) => form.querySelector(`[data-field="${name}"]`)?.value?.trim() ?? '';
  const num = (name) => (val(name) === '' ? null : Number(val(name)));

  function campaignBody() {
    return {
      name: val('name'),
      objective: val('objective'),
      dailyBudgetMicros: toMicros(val('dailyBudgetMicros')),
      lifetimeBudgetMicros: toMicros(val('lifetimeBudgetMicros')),
      bidStrategy: val('bidStrategy'),
      bidAmountMicros: toMicros(val('bidAmountMicros')),
      startAt: fromLocalInput(val('startAt')),
      endAt: fromLocalInput(val('endAt')),
      timeZone: val('timeZone'),
    };
  }
  function adSetBody(name) {
    return {
      name,
      countries: list(val('countries')).map((c) => c.toUpperCase()),
      ageMin: num('ageMin'), ageMax: num('ageMax'),
      genders: checked(form, 'genders'), devices: checked(form, 'devices'), placements: checked(form, 'placements'),
      interests: list(val('interests')), keywords: list(val('keywords')),
      frequencyCap: num('frequencyCap'), frequencyPeriod: val('frequencyPeriod') || null,
    };
  }

  function paintReview() {
    const c = campaignBody();
    const a = adSetBody('');
    const dl = h('dl', { class: 'grid2' });
    const row = (k, v) => dl.append(h('div', {}, h('dt', { class: 'muted' }, k), h('dd', { style: 'margin:0' }, v || '—')));
    row('Name', c.name); row('Objective', c.objective);
    row('Daily budget', money(c.dailyBudgetMicros)); row('Lifetime budget', c.lifetimeBudgetMicros ? money(c.lifetimeBudgetMicros) : '—');
    row('Bid', `${c.bidStrategy} ${money(c.bidAmountMicros)}`);
    row('Schedule', `${c.startAt ? new Date(c.startAt).toLocaleString() : 'on activation'} → ${c.endAt ? new Date(c.endAt).toLocaleString() : 'no end'} (${c.timeZone})`);
    row('Countries', a.countries.join(', ') || 'everywhere');
    row('Ages', a.ageMin || a.ageMax ? `${a.ageMin ?? 13}–${a.ageMax ?? 100}` : 'all');
    row('Genders', a.genders.join(', ') || 'all'); row('Devices', a.devices.join(', ') || 'all');
    row('Placements', a.placements.join(', ') || 'all');
    mount(form.querySelector('#review'), dl);
  }

  /** Finds the step that holds the first invalid field so the user sees the message. */
  function jumpToError() {
    const bad = form.querySelector('[aria-invalid="true"]');
    const idx = bad ? sections.findIndex((s) => s.contains(bad)) : -1;
    if (idx >= 0) { go(idx); bad.focus(); }
  }

  async function onSubmit(e) {
    e.preventDefault();
    clearFieldErrors(form);
    mount(banner);
    submit.disabled = true;
    let saved = campaign;
    try {
      const body = campaignBody();
      for (const k of ['dailyBudgetMicros', 'lifetimeBudgetMicros', 'bidAmountMicros']) {
        if (Number.isNaN(body[k])) throw new ApiError(422, { title: 'Invalid request', errors: [{ field: k, detail: 'must be a number' }] });
      }
      if (editing) {
        saved = await patch(P.campaign(id), { ...body, version: campaign.version }, campaign._etag ? { 'If-Match': campaign._etag } : {});
      } else {
        saved = await post(P.campaigns(), body, { 'Idempotency-Key': crypto.randomUUID() });
      }
      const targeting = adSetBody(`${body.name} · default`);
      try {
        if (adSet) await patch(P.adSet(adSet.id), { ...targeting, name: adSet.name, version: adSet.version }, adSet._etag ? { 'If-Match': adSet._etag } : {});
        else await post(P.adSetCreate, { campaignId: saved.id, ...targeting }, { 'Idempotency-Key': crypto.randomUUID() });
      } catch (err) {
        // The campaign exists now: switch to editing it so fixing targeting does not create a second one.
        if (!editing) {
          campaign = saved; id = saved.id; editing = true;
          submit.textContent = 'Save changes';
          history.replaceState(null, '', `#/campaigns/${saved.id}/edit`);
        }
        throw err;
      }
      location.hash = '#/campaigns';
    } catch (err) {
      if (err instanceof ApiError && err.problem) {
        const { leftover } = showFieldErrors(form, err.problem);
        jumpToError();
        if (leftover.length || !(err.problem.errors || []).length) mount(banner, alertBox('error', describe(err)));
        else mount(banner, alertBox('error', `${err.problem.title || 'Invalid request'}: fix the highlighted fields.`));
      } else {
        mount(banner, alertBox('error', describe(err)));
      }
    } finally {
      submit.disabled = false;
    }
  }

  mount(app, h('h1', { id: 'wizard-title' }, editing ? `Edit campaign ${campaign.name}` : 'New campaign'), banner, form);
  go(0);
}

function withLabel(group, labelId) {
  group.setAttribute('aria-labelledby', labelId);
  const id = `${labelId}-group`;
  group.id = id;
  const err = h('div', { class: 'field-error', id: `${id}-error`, role: 'alert' });
  return h('div', {}, group, err);
}
