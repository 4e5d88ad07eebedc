'use strict';

(async () => {
  const { el, api, show } = Dyad;
  await Dyad.header('audit.html');
  const target = document.getElementById('changes');
  try {
    const changes = (await api('/api/audit')).reverse();
    target.replaceChildren(el('table', {},
      el('thead', {}, el('tr', {}, ['When', 'Who', 'What', 'Record', 'Action', 'Before', 'After'].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, changes.map(c => el('tr', {}, el('td', {}, c.at.slice(0, 19).replace('T', ' ')), el('td', {}, c.by), el('td', {}, c.record_type), el('td', {}, c.record_id),
        el('td', {}, c.action), el('td', {}, el('code', {}, c.before ?? '')), el('td', {}, el('code', {}, c.after ?? '')))))));
  } catch (error) {
    show(target, error);
  }
})();
