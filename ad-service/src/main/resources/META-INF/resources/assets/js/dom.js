// Tiny DOM helpers: build elements without innerHTML so API text is never interpreted as markup.

/** h('button', {class: 'primary', onclick: fn}, 'Save') */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'value' && 'value' in el) el.value = v;
    else if (k === 'checked') el.checked = !!v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces the content of el. */
export function mount(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let uid = 0;
export const nextId = (prefix) => `${prefix}-${++uid}`;

/**
 * A labelled form field with an error slot; `name` is the API's field name so problem+json errors
 * land next to the right input.
 */
export function field(labelText, control, { hint, name } = {}) {
  const id = control.id || nextId('f');
  control.id = id;
  if (name) { control.name = control.name || name; control.dataset.field = name; }
  const err = h('div', { class: 'field-error', id: `${id}-error`, role: 'alert', dataset: { errorFor: name || id } });
  const hintEl = hint ? h('div', { class: 'hint', id: `${id}-hint` }, hint) : null;
  control.setAttribute('aria-describedby', [hintEl && hintEl.id, err.id].filter(Boolean).join(' '));
  return h('div', { class: 'field' }, h('label', { for: id }, labelText), control, hintEl, err);
}

/** Shows problem+json field errors next to their inputs; returns the errors nobody showed. */
export function showFieldErrors(form, problem) {
  clearFieldErrors(form);
  const leftover = [];
  let first = null;
  for (const e of (problem && problem.errors) || []) {
    const base = String(e.field || '').replace(/\[\d+\]$/, '').replace(/^.*\./, '');
    const candidates = [e.field, base, String(e.field || '').split('.').pop()];
    let control = null;
    for (const c of candidates) {
      control = c && form.querySelector(`[data-field="${CSS.escape(c)}"]`);
      if (control) break;
    }
    if (!control) { leftover.push(e); continue; }
    control.setAttribute('aria-invalid', 'true');
    const slot = form.querySelector(`#${CSS.escape(control.id)}-error`);
    const text = e.detail || e.message || 'invalid';
    if (slot) slot.textContent = slot.textContent ? `${slot.textContent}; ${text}` : text;
    first = first || control;
  }
  if (first) first.focus();
  return { leftover, first };
}

export function clearFieldErrors(form) {
  form.querySelectorAll('[aria-invalid="true"]').forEach((c) => c.removeAttribute('aria-invalid'));
  form.querySelectorAll('.field-error').forEach((s) => { s.textContent = ''; });
}

export function alertBox(kind, ...children) {
  return h('div', { class: `alert ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, ...children);
}
