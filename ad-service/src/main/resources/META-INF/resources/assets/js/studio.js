// Creative studio: write a brief, watch Llama variants stream in, edit, approve or reject, preview the ad.
// "Generate in background" queues the brief on Kafka instead (creative-requests API); the drafts arrive in
// the creatives list and the requests table shows QUEUED → COMPLETED / FAILED, polled without a reload.
// Also lists the campaign's creatives and lets the advertiser write one by hand.
// The advertiser's "approve" submits the creative to Surf's policy review (API action submit; the final
// APPROVED status is set by an internal reviewer); "reject" archives it.
import { h, mount, field, showFieldErrors, clearFieldErrors, alertBox } from './dom.js';
import { get, post, postStream, describe, ApiError } from './api.js';
import { P } from './paths.js';
import { list, when } from './format.js';
import { handleError } from './portal.js';

let rules = null;
async function creativeRules() {
  if (!rules) rules = await get(P.creativeRules);
  return rules;
}

/** The ad as the decision endpoint will render it in a feed placement. */
export function adPreview(c, advertiserName = 'Sponsored') {
  const ctaText = String(c.callToAction || '').replace(/_/g, ' ').toLowerCase().replace(/^./, (x) => x.toUpperCase());
  let domain = '';
  try { domain = new URL(c.landingUrl).hostname; } catch { domain = ''; }
  return h('figure', { class: 'ad-preview', style: 'margin:0', 'aria-label': `Preview of ad: ${c.headline || ''}` },
    h('div', { class: 'sponsor' }, `${advertiserName} · Sponsored`),
    h('div', { class: 'text' }, c.primaryText || ''),
    h('div', { class: 'image' }, c.imageUrl ? h('img', { src: c.imageUrl, alt: '' }) : 'image'),
    h('div', { class: 'foot' },
      h('div', {}, h('div', { class: 'desc' }, domain), h('div', { class: 'hl' }, c.headline || ''), h('div', { class: 'desc' }, c.description || '')),
      h('span', { class: 'cta' }, ctaText)));
}

export async function studioView(app, campaignId) {
  const [campaign, r] = await Promise.all([get(P.campaign(campaignId)), creativeRules()]);
  document.title = `Creatives · ${campaign.name} · Surf Ads`;
  const listBox = h('div', { id: 'creative-list' });
  const variantsBox = h('div', { class: 'variants', id: 'variants', 'aria-live': 'polite' });
  const progress = h('progress', { max: 1, value: 0, 'aria-label': 'Generation progress', hidden: true });
  const progressText = h('p', { role: 'status', class: 'muted' });
  const banner = h('div');

  // --- brief form ---
  const brief = h('form', { class: 'panel', 'aria-labelledby': 'brief-title', novalidate: true, onsubmit: generate },
    h('h2', { id: 'brief-title' }, 'Generate with AI'),
    h('div', { class: 'grid2' },
      field('Product', h('input', { required: true, maxlength: 200 }), { name: 'product' }),
      field('Offer', h('input', { maxlength: 200 }), { name: 'offer', hint: 'e.g. 20 % off this week' }),
      field('Audience', h('input', { maxlength: 200 }), { name: 'audience' }),
      field('Tone', h('select', {}, ['friendly', 'professional', 'playful', 'urgent'].map((t) => h('option', { value: t }, t))), { name: 'tone' }),
      field('Language', h('input', { value: 'en', maxlength: 10 }), { name: 'language' }),
      field('Number of variants', h('input', { type: 'number', min: 1, max: 10, value: 3 }), { name: 'count' }),
      field('Must say', h('input', {}), { name: 'mustSay', hint: 'Comma separated' }),
      field('Must not say', h('input', {}), { name: 'mustNotSay', hint: 'Comma separated' }),
      field('Landing URL', h('input', { type: 'url', placeholder: 'https://', required: true }), { name: 'landingUrl' })),
    h('div', { class: 'actions' }, h('button', { class: 'primary', type: 'submit' }, 'Generate variants'),
      h('button', { type: 'button', onclick: queue }, 'Generate in background')),
    progress, progressText);

  const readBrief = () => {
    const v = (n) => brief.querySelector(`[data-field="${n}"]`).value.trim();
    return { product: v('product'), offer: v('offer'), audience: v('audience'), tone: v('tone'), language: v('language'),
      count: Number(v('count')), mustSay: list(v('mustSay')), mustNotSay: list(v('mustNotSay')), landingUrl: v('landingUrl') };
  };

  // --- background requests (Kafka): queue, then poll while any is QUEUED ---
  const requestsBox = h('div', { id: 'request-list', 'aria-live': 'polite' });
  let polling = null;
  async function queue() {
    clearFieldErrors(brief);
    mount(banner);
    try {
      await post(P.creativeRequestCreate(campaignId), readBrief(), { 'Idempotency-Key': crypto.randomUUID() });
      progressText.textContent = 'Queued: the variants arrive as drafts in the creatives list when the generator gets to them.';
      await refreshRequests();
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) { handleError(err); return; }
      if (err instanceof ApiError && err.problem.errors) showFieldErrors(brief, err.problem);
      mount(banner, alertBox('error', describe(err)));
    }
  }
  const outcome = (q) => {
    if (q.status === 'COMPLETED') return `${q.draftsStored} draft${q.draftsStored === 1 ? '' : 's'} stored, ${q.rejected} rejected by policy${q.model ? ` · ${q.model}` : ''}`;
    if (q.status === 'FAILED') return q.failureReason || 'failed';
    return 'waiting for the generator';
  };
  const finished = new Set();
  async function refreshRequests() {
    clearTimeout(polling);
    if (!requestsBox.isConnected && polling !== null) return; // the page was left
    const data = await get(P.creativeRequests(campaignId));
    const items = data.items || [];
    if (!items.length) mount(requestsBox, h('p', { class: 'muted' }, 'No background requests yet.'));
    else {
      mount(requestsBox, h('div', { class: 'table-wrap' }, h('table', { id: 'requests-table' },
        h('caption', {}, 'Background generation requests'),
        h('thead', {}, h('tr', {}, ['Requested', 'Product', 'Variants', 'Status', 'Result'].map((x) => h('th', { scope: 'col' }, x)))),
        h('tbody', {}, items.map((q) => h('tr', { dataset: { requestId: q.id } },
          h('td', {}, when(q.createdAt)), h('th', { scope: 'row' }, (q.brief && q.brief.product) || ''), h('td', {}, String(q.count)),
          h('td', {}, h('span', { class: `badge ${q.status}` }, q.status)), h('td', {}, outcome(q))))))));
    }
    const newlyDone = items.filter((q) => q.status === 'COMPLETED' && !finished.has(q.id));
    items.filter((q) => q.status !== 'QUEUED').forEach((q) => finished.add(q.id));
    if (newlyDone.length && polling !== null) await refreshList();
    polling = items.some((q) => q.status === 'QUEUED') ? setTimeout(() => refreshRequests().catch(() => {}), 2000) : 0;
  }

  async function generate(e) {
    e.preventDefault();
    clearFieldErrors(brief);
    mount(banner);
    const body = readBrief();
    const button = brief.querySelector('button[type=submit]');
    button.disabled = true;
    mount(variantsBox);
    progress.hidden = false;
    progress.max = body.count || 1;
    progress.value = 0;
    progressText.textContent = 'Waiting for the model…';
    let received = 0;
    const run = { requestId: null, model: null };
    try {
      await postStream(P.studio(campaignId), body, (name, data) => {
        if (name === 'start') {
          run.requestId = data.requestId;
        } else if (name === 'progress') {
          progress.max = data.count || progress.max;
          progress.value = Math.max(progress.value, data.index ?? 0);
          progressText.textContent = `${data.phase || 'generating'}: variant ${(data.index ?? 0) + 1} of ${data.count}`;
        } else if (name === 'variant') {
          received++;
          progress.value = Math.max(progress.value, received);
          progressText.textContent = `${received} of ${progress.max} variants received`;
          variantsBox.append(variantCard(data, body, run));
        } else if (name === 'done') {
          run.model = data.model;
        } else if (name === 'error') {
          mount(banner, alertBox('error', data.detail || data.title || String(data)));
        }
      });
      progressText.textContent = `Done: ${received} variant${received === 1 ? '' : 's'}${run.model ? ` from ${run.model}` : ''}.`;
      progress.value = progress.max;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) { handleError(err); return; }
      if (err instanceof ApiError && err.problem.errors) showFieldErrors(brief, err.problem);
      progressText.textContent = '';
      mount(banner, alertBox('error', describe(err)));
    } finally {
      button.disabled = false;
    }
  }

  function editors(c, onChange) {
    const input = (label, name, max, value) => field(label, h('input', { value: value || '', maxlength: max, oninput: onChange }), { name, hint: `Up to ${max} characters` });
    return [
      input('Headline', 'headline', r.headlineMax, c.headline),
      field('Primary text', h('textarea', { maxlength: r.primaryTextMax, oninput: onChange }, c.primaryText || ''), { name: 'primaryText', hint: `Up to ${r.primaryTextMax} characters` }),
      input('Description', 'description', r.descriptionMax, c.description),
      field('Call to action', h('select', { onchange: onChange }, r.callsToAction.map((x) => h('option', { value: x, selected: x === c.callToAction ? true : null }, x.replace(/_/g, ' ').toLowerCase()))), { name: 'callToAction' }),
    ];
  }
  const readEditors = (box) => {
    const v = (n) => box.querySelector(`[data-field="${n}"]`)?.value ?? '';
    return { headline: v('headline').trim(), primaryText: v('primaryText').trim(), description: v('description').trim(), callToAction: v('callToAction') };
  };

  /**
   * One streamed variant: editable fields, policy reasons, live preview. Approve stores it as a draft
   * creative (source GENERATED, with the generator's metadata) and submits it to review; reject drops it.
   */
  function variantCard(variant, brief, run) {
    const reasons = (variant.policy && variant.policy.reasons) || [];
    const passed = variant.policy ? variant.policy.passed !== false : true;
    const state = { ...variant, landingUrl: brief.landingUrl };
    const previewSlot = h('div');
    const status = h('span', { class: 'badge' }, passed ? 'NEW' : 'BLOCKED');
    const note = h('div', { role: 'status' });
    const card = h('form', { class: `variant${passed ? '' : ' rejected-by-policy'}`, 'aria-label': `Variant ${(variant.index ?? 0) + 1}`, novalidate: true });
    const repaint = () => mount(previewSlot, adPreview({ ...state, ...readEditors(card) }, campaign.name));
    const approve = h('button', { type: 'button', class: 'primary small', disabled: !passed }, 'Approve');
    const reject = h('button', { type: 'button', class: 'danger small' }, 'Reject');
    approve.addEventListener('click', async () => {
      clearFieldErrors(card);
      approve.disabled = reject.disabled = true;
      const edits = readEditors(card);
      const edited = ['headline', 'primaryText', 'description', 'callToAction'].some((k) => (edits[k] || '') !== (variant[k] || ''));
      try {
        const created = await post(P.creativeCreate, {
          campaignId: Number(campaignId), ...edits, landingUrl: brief.landingUrl, source: 'GENERATED',
          generator: { model: run.model, sampling: variant.sampling, tokens: variant.tokens, generationMs: variant.generationMs, edited,
            brief: { product: brief.product, offer: brief.offer, audience: brief.audience, tone: brief.tone, language: brief.language } },
          generationRequest: run.requestId, variantIndex: variant.index,
        }, { 'Idempotency-Key': `${run.requestId}-${variant.index}` });
        const submitted = await post(P.creativeAction(created.id, 'submit'), undefined, { 'If-Match': `"${created.version}"` });
        status.className = `badge ${submitted.status}`;
        status.textContent = submitted.status;
        mount(note, alertBox('ok', 'Approved: saved and sent to Surf review; it delivers once the review passes.'));
        await refreshList();
      } catch (err) {
        if (err instanceof ApiError && err.problem.errors) showFieldErrors(card, err.problem);
        mount(note, alertBox('error', describe(err)));
        approve.disabled = !passed;
        reject.disabled = false;
      }
    });
    reject.addEventListener('click', () => {
      approve.disabled = reject.disabled = true;
      status.className = 'badge REJECTED';
      status.textContent = 'REJECTED';
      mount(note, alertBox('ok', 'Rejected: this variant is not saved.'));
    });
    mount(card,
      h('div', { class: 'row', style: 'justify-content:space-between' }, h('strong', {}, `Variant ${(variant.index ?? 0) + 1}`), status),
      passed ? h('div', { class: 'muted' }, 'Policy checks passed') : h('div', {}, h('strong', {}, 'Blocked by policy:'), h('ul', { class: 'reasons' }, reasons.map((x) => h('li', {}, x)))),
      passed && reasons.length ? h('ul', { class: 'reasons' }, reasons.map((x) => h('li', {}, x))) : '',
      editors(variant, repaint), previewSlot, note, h('div', { class: 'actions' }, approve, reject));
    repaint();
    return card;
  }

  // --- write one by hand ---
  const manual = h('form', { class: 'panel', 'aria-labelledby': 'manual-title', novalidate: true });
  const manualPreview = h('div');
  const manualNote = h('div');
  const repaintManual = () => mount(manualPreview, adPreview({ ...readEditors(manual), landingUrl: manual.querySelector('[data-field="landingUrl"]').value }, campaign.name));
  mount(manual, h('h2', { id: 'manual-title' }, 'Write a creative'),
    h('div', { class: 'grid2' }, h('div', {}, editors({ callToAction: r.callsToAction[0] }, repaintManual),
      field('Landing URL', h('input', { type: 'url', placeholder: 'https://', oninput: repaintManual }), { name: 'landingUrl' }),
      field('Image URL (optional)', h('input', { type: 'url', placeholder: 'https://' }), { name: 'imageUrl' })),
    h('div', {}, h('p', { class: 'muted' }, 'Preview'), manualPreview)),
    manualNote, h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save as draft')));
  manual.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearFieldErrors(manual);
    mount(manualNote);
    const imageUrl = manual.querySelector('[data-field="imageUrl"]').value.trim();
    const body = { ...readEditors(manual), landingUrl: manual.querySelector('[data-field="landingUrl"]').value.trim(), imageUrl: imageUrl || null };
    try {
      await post(P.creativeCreate, { campaignId: Number(campaignId), ...body }, { 'Idempotency-Key': crypto.randomUUID() });
      mount(manualNote, alertBox('ok', 'Saved as a draft. Approve it in the list below.'));
      manual.reset();
      repaintManual();
      await refreshList();
    } catch (err) {
      if (err instanceof ApiError && err.problem.errors) {
        const { leftover } = showFieldErrors(manual, err.problem);
        if (leftover.length) mount(manualNote, alertBox('error', describe(err)));
      } else mount(manualNote, alertBox('error', describe(err)));
    }
  });
  repaintManual();

  // --- the campaign's creatives ---
  async function refreshList() {
    const data = await get(P.creatives(campaignId));
    const items = (data.items || data || []).filter((c) => c.status !== 'ARCHIVED');
    if (!items.length) { mount(listBox, h('p', { class: 'muted' }, 'No creatives yet.')); return; }
    const rows = items.map((c) => {
      const status = h('span', { class: `badge ${c.status}` }, c.status);
      const act = (action, label) => h('button', { type: 'button', class: 'small', 'aria-label': `${label} creative ${c.headline}`, onclick: async () => {
        try {
          await post(P.creativeAction(c.id, action), undefined, { 'If-Match': `"${c.version}"` });
          await refreshList();
        } catch (err) { mount(banner, alertBox('error', describe(err))); }
      } }, label);
      return h('tr', { dataset: { creativeId: c.id } },
        h('th', { scope: 'row' }, c.headline),
        h('td', {}, status),
        h('td', {}, (c.source || 'HUMAN').toLowerCase()),
        h('td', {}, (c.policyReasons || []).join('; ') || '—'),
        h('td', {}, c.callToAction),
        h('td', {}, h('div', { class: 'actions' },
          ['DRAFT', 'REJECTED'].includes(c.status) ? act('submit', 'Approve') : null,
          c.status === 'DRAFT' ? act('archive', 'Reject') : null,
          c.status === 'APPROVED' ? act('pause', 'Pause') : null,
          c.status === 'PAUSED' ? act('resume', 'Resume') : null)));
    });
    mount(listBox, h('div', { class: 'table-wrap' }, h('table', { id: 'creatives-table' },
      h('caption', {}, 'Creatives of this campaign'),
      h('thead', {}, h('tr', {}, ['Headline', 'Status', 'Source', 'Policy', 'Call to action', 'Actions'].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, rows))));
  }

  mount(app,
    h('p', {}, h('a', { href: '#/campaigns' }, '← Campaigns')),
    h('h1', {}, `Creative studio · ${campaign.name}`),
    banner, brief, variantsBox,
    h('section', { class: 'panel', 'aria-labelledby': 'requests-title' }, h('h2', { id: 'requests-title' }, 'Background requests'), requestsBox),
    manual,
    h('section', { class: 'panel', 'aria-labelledby': 'list-title' }, h('h2', { id: 'list-title' }, 'Creatives'), listBox));
  await refreshList();
  await refreshRequests();
}
