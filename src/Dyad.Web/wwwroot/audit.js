'use strict';

(async () => {
  const { el, api, show } = Dyad;
  await Dyad.header('audit.html');
  const target = document.getElementById('changes');

  /** A record as the store kept it (JSON), as an object of fields; anything else as one field. */
  const fields = text => {
    if (text === null || text === undefined || text === '') return {};
    try {
      const value = JSON.parse(text);
      return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : { value };
    } catch {
      return { value: text };
    }
  };
  const shown = v => v === null || v === undefined ? '–' : typeof v === 'object' ? JSON.stringify(v) : String(v);

  /** What a change did, field by field: "field: before → after" for an update; the fields set or removed otherwise. */
  function changes(c) {
    const before = fields(c.before), after = fields(c.after);
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(k => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    if (keys.length === 0) return el('span', { class: 'muted' }, 'no field changed');
    const both = c.before && c.after;
    return el('ul', { class: 'changes' }, keys.map(k => el('li', {}, el('strong', {}, k), ': ',
      both ? `${shown(before[k])} → ${shown(after[k])}` : shown(c.after ? after[k] : before[k]))));
  }

  try {
    const entries = (await api('/api/audit')).reverse();
    target.replaceChildren(el('table', {},
      el('thead', {}, el('tr', {}, ['When (UTC)', 'Who', 'What', 'Action', 'What changed'].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, entries.map(c => el('tr', {}, el('td', {}, c.at.slice(0, 19).replace('T', ' ')), el('td', {}, c.by),
        el('td', {}, `${c.record_type} ${c.record_id}`), el('td', {}, c.action), el('td', {}, changes(c)))))));
  } catch (error) {
    show(target, error);
  }
})();
