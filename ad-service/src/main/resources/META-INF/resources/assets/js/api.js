// The REST client both pages use. The API key lives in sessionStorage (gone when the tab closes)
// and goes out as "Authorization: Bearer <key>"; errors come back as RFC 9457 problem+json.

const KEY = 'surf.apiKey';

export const session = {
  get key() { return sessionStorage.getItem(KEY); },
  set key(k) { if (k) sessionStorage.setItem(KEY, k); else sessionStorage.removeItem(KEY); },
};

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

function headers(extra = {}, hasBody = false) {
  const h = { Accept: 'application/json, application/problem+json', ...extra };
  if (session.key) h.Authorization = `Bearer ${session.key}`;
  if (hasBody) h['Content-Type'] = 'application/json';
  return h;
}

async function parse(res) {
  if (res.status === 204) return null;
  const type = res.headers.get('content-type') || '';
  const body = type.includes('json') ? await res.json().catch(() => null) : await res.text();
  if (!res.ok) {
    const problem = body && typeof body === 'object' ? body : { title: res.statusText, detail: body || `HTTP ${res.status}` };
    throw new ApiError(res.status, problem);
  }
  return body;
}

/** JSON call; resolves to the body (plus its ETag as `_etag` on objects). */
export async function call(method, path, body, extraHeaders = {}) {
  let res;
  try {
    res = await fetch(path, {
      method,
      headers: headers(extraHeaders, body !== undefined),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, { title: 'Network error', detail: 'The server could not be reached. Check your connection and try again.' });
  }
  const data = await parse(res);
  const etag = res.headers.get('etag');
  if (data && typeof data === 'object' && !Array.isArray(data) && etag) Object.defineProperty(data, '_etag', { value: etag });
  return data;
}

export const get = (p) => call('GET', p);
export const post = (p, b, h) => call('POST', p, b, h);
export const patch = (p, b, h) => call('PATCH', p, b, h);
export const del = (p) => call('DELETE', p);

/** Downloads an authenticated resource (the Authorization header cannot ride on a plain link). */
export async function download(path, filename) {
  const res = await fetch(path, { headers: headers({ Accept: 'text/csv' }) });
  if (!res.ok) await parse(res);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * POSTs and reads a Server-Sent Events response as it arrives (EventSource cannot POST or send
 * headers). onEvent(name, data) runs per event; resolves when the stream ends.
 */
export async function postStream(path, body, onEvent, signal) {
  const res = await fetch(path, {
    method: 'POST', signal,
    headers: headers({ Accept: 'text/event-stream' }, true),
    body: JSON.stringify(body),
  });
  if (!res.ok) await parse(res);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value.replace(/\r\n/g, '\n');
    let cut;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      let name = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length) {
        const text = data.join('\n');
        let parsed = text;
        try { parsed = JSON.parse(text); } catch { /* plain text event */ }
        onEvent(name, parsed);
      }
    }
  }
}

/** Describes an error for a page-level alert. */
export function describe(err) {
  if (!(err instanceof ApiError)) return String(err && err.message ? err.message : err);
  const p = err.problem;
  const fields = (p.errors || []).map((e) => `${e.field}: ${e.detail || e.message}`).join('; ');
  return [p.title, p.detail, fields].filter(Boolean).join(' — ');
}
