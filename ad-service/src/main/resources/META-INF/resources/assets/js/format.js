// Number formatting shared by the portal and the console. Money arrives in micros.

export const money = (micros, currency = 'USD') =>
  micros == null ? '—' : new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(micros / 1e6);
export const int = (n) => (n == null ? '—' : new Intl.NumberFormat().format(n));
export const pct = (x, digits = 2) => (x == null || !isFinite(x) ? '—' : `${(x * 100).toFixed(digits)} %`);
export const ratio = (num, den) => (den ? num / den : null);
export const toMicros = (text) => {
  const s = String(text ?? '').trim();
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? Math.round(n * 1e6) : NaN;
};
export const fromMicros = (m) => (m == null ? '' : String(m / 1e6));
export const when = (iso) => (iso ? new Date(iso).toLocaleString() : '—');
export const pval = (p) => (p == null || !isFinite(p) ? '—' : p < 0.0001 ? '< 0.0001' : p.toFixed(4));
/** "2026-11-28T10:00:00Z" -> value for <input type="datetime-local"> in local time. */
export const toLocalInput = (iso) => {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
export const fromLocalInput = (v) => (v ? new Date(v).toISOString() : null);
export const list = (text) => String(text || '').split(',').map((s) => s.trim()).filter(Boolean);
