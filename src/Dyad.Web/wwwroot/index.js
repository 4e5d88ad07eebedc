// Events and map: one set of filters drives the map, the places, the timeline and the table together.
'use strict';

(async () => {
  const { el, api, show, number } = Dyad;
  const fields = ['actor', 'against', 'province', 'district', 'from', 'to', 'dataset'];
  const form = document.getElementById('filters');
  const outlines = {};
  let next = null;
  // Only the latest question's answers are shown: an earlier, slower one that comes back after it is dropped.
  let asked = 0;

  const session = await Dyad.header('index.html');
  void session;
  const url = Dyad.query();
  for (const name of [...fields, 'level']) if (url.get(name)) form.elements[name].value = url.get(name);

  function filters() {
    const q = new URLSearchParams();
    for (const name of fields) {
      const value = form.elements[name].value.trim();
      if (value) q.set(name, value);
    }
    return q;
  }

  async function load() {
    const question = ++asked;
    const q = filters();
    const level = form.elements.level.value;
    history.replaceState(null, '', '?' + new URLSearchParams([...q, ['level', level]]).toString());
    document.getElementById('csv').href = '/api/events.csv?' + q;
    document.getElementById('geojson').href = '/api/events.geojson?' + q;
    const notes = document.getElementById('notes');
    const tbody = document.getElementById('events');
    try {
      outlines[level] ??= await api(`/api/places/outlines/${level}`);
      const [counts, page] = await Promise.all([api(`/api/events/counts?${q}&level=${level}`), api(`/api/events?${q}&limit=50&count=true`)]);
      if (question !== asked) return;
      notes.replaceChildren(...counts.notes.map(n => el('li', {}, n)));
      const selected = level === '2' ? q.get('district') : q.get('province');
      const { max } = DyadMap.draw(document.getElementById('map'), outlines[level], counts.places, {
        selected,
        onSelect: id => { form.elements[level === '2' ? 'district' : 'province'].value = id; load(); },
      });
      DyadMap.legend(document.getElementById('legend'), max);
      document.getElementById('places').replaceChildren(...counts.places.map(p => el('tr', {},
        el('td', {}, el('a', { href: '#', onclick: e => { e.preventDefault(); form.elements[level === '2' ? 'district' : 'province'].value = p.key; load(); } }, p.name)),
        el('td', { class: 'num' }, number.format(p.events)), el('td', { class: 'num' }, number.format(p.deaths)))));
      DyadMap.timeline(document.getElementById('timeline'), counts.months);
      document.getElementById('count').textContent = `(${number.format(page.total)} match)`;
      tbody.replaceChildren();
      append(page);
    } catch (error) {
      if (question !== asked) return;
      show(notes, error);
      tbody.replaceChildren();
    }
  }

  function append(page) {
    const tbody = document.getElementById('events');
    tbody.append(...page.events.map(e => el('tr', {},
      el('td', {}, el('a', { href: `event.html?id=${e.id}` }, e.date_start)),
      el('td', {}, e.dataset),
      el('td', {}, [e.admin1, e.place ?? e.admin2].filter(Boolean).join(' / ') || e.country || '–'),
      el('td', {}, e.actor1 ?? '–'), el('td', {}, e.actor2 ?? '–'),
      el('td', {}, e.event_subtype ?? e.event_type ?? e.attack_types[0] ?? '–'),
      el('td', { class: 'num' }, e.deaths_best ?? '–'))));
    next = page.next;
    document.getElementById('more').hidden = !next;
  }

  document.getElementById('more').addEventListener('click', async () => {
    try { append(await api(`/api/events?${filters()}&limit=50&after=${encodeURIComponent(next)}`)); } catch (error) { show(document.getElementById('notes'), error); }
  });
  form.addEventListener('submit', e => { e.preventDefault(); load(); });
  document.getElementById('clear').addEventListener('click', () => setTimeout(load, 0));
  form.elements.level.addEventListener('change', load);
  load();
})();
