'use strict';

(async () => {
  const { el, api, show } = Dyad;
  await Dyad.header('unclaimed.html');
  const target = document.getElementById('list');
  async function load() {
    try {
      const attacks = await api('/api/attribution/unclaimed?limit=200');
      target.replaceChildren(attacks.length === 0 ? el('p', { class: 'status' }, 'No attack in the model\u2019s countries lacks a perpetrator.') : el('table', {},
        el('thead', {}, el('tr', {}, ['Date', 'Dataset', 'Country', 'Province', 'Place', 'The source says', 'Type', 'Deaths'].map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, attacks.map(a => el('tr', {},
          el('td', {}, el('a', { href: `event.html?id=${a.event_id}` }, a.date)), el('td', {}, a.dataset), el('td', {}, a.country ?? '–'), el('td', {}, a.province ?? '–'),
          el('td', {}, a.place ?? '–'), el('td', {}, a.source_says ?? '–'), el('td', {}, a.type ?? '–'), el('td', { class: 'num' }, a.deaths ?? '–'))))));
    } catch (error) {
      if (error.status === 503) { target.replaceChildren(el('p', { class: 'status' }, error.message + ' Trying again in 10 seconds…')); setTimeout(load, 10000); }
      else show(target, error);
    }
  }
  load();
})();
