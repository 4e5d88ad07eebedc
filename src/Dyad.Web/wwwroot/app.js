// Dyad's dashboard: shared helpers. Every page is plain HTML, this script and its own; nothing is loaded from elsewhere.
'use strict';

const Dyad = (() => {
  let antiforgery = null;

  /** Makes an element: el('a', {href: '…'}, 'text', child …). Text is always text, never parsed as HTML. */
  function el(tag, attrs = {}, ...children) {
    const node = document.createElementNS(tag === 'svg' || attrs.svg ? 'http://www.w3.org/2000/svg' : 'http://www.w3.org/1999/xhtml', tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (key === 'svg' || value === undefined || value === null || value === false) continue;
      if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
      // Styles go through the CSSOM: the pages' policy allows no style attribute.
      else if (key === 'style') node.style.cssText = value;
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function svg(tag, attrs = {}, ...children) { return el(tag, { ...attrs, svg: true }, ...children); }

  async function token() {
    if (!antiforgery) {
      const response = await fetch('/api/session/antiforgery', { credentials: 'same-origin' });
      antiforgery = (await response.json()).token;
    }
    return antiforgery;
  }

  /** Calls the API; a 401 sends the browser to the login page, a problem becomes an Error with its detail. */
  async function api(path, { method = 'GET', body, form, raw } = {}) {
    const headers = { Accept: 'application/json' };
    if (method !== 'GET') headers['X-CSRF-TOKEN'] = await token();
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, { method, headers, credentials: 'same-origin', body: form ?? (body === undefined ? undefined : JSON.stringify(body)) });
    if (response.status === 401 && location.pathname !== '/login.html') {
      location.href = '/login.html?next=' + encodeURIComponent(location.pathname + location.search);
      // The page is leaving for the login: what asked waits for nothing more.
      return new Promise(() => {});
    }
    if (raw) return response;
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const error = new Error((data && (data.detail || data.title)) || `${response.status} ${response.statusText}`);
      error.status = response.status;
      throw error;
    }
    return data;
  }

  /** The page's header: the pages, who is signed in, and signing out. */
  async function header(active) {
    const pages = [['index.html', 'Events & map'], ['unclaimed.html', 'Unclaimed attacks'], ['rivalry.html', 'Rivalry'], ['import.html', 'Import'], ['audit.html', 'Audit']];
    const session = await api('/api/session');
    const top = document.querySelector('header.top');
    top.replaceChildren(
      el('a', { class: 'brand', href: 'index.html' }, 'Dyad'),
      el('nav', { 'aria-label': 'Pages' }, pages
        .filter(([href]) => href !== 'audit.html' || session.role === 'admin')
        .filter(([href]) => href !== 'import.html' || session.role !== 'viewer')
        .map(([href, name]) => el('a', { href, 'aria-current': href === active ? 'page' : null }, name))),
      el('span', { class: 'who' }, `${session.name} (${session.role}) `,
        el('button', { type: 'button', onclick: async () => { await api('/api/session', { method: 'DELETE' }); location.href = '/login.html'; } }, 'Sign out')));
    return session;
  }

  /** A citation as Dyad writes it, *titles* in italics. */
  function cite(text) {
    return el('cite', { class: 'citation' }, String(text).split('*').map((part, i) => i % 2 ? el('i', {}, part) : part));
  }

  function show(target, error) {
    target.replaceChildren(el('p', { class: 'error', role: 'alert' }, error.message));
  }

  function query() { return new URLSearchParams(location.search); }

  const number = new Intl.NumberFormat('en');
  const percent = p => `${(100 * p).toFixed(p < 0.1 ? 1 : 0)}%`;

  return { el, svg, api, header, show, cite, query, number, percent };
})();
