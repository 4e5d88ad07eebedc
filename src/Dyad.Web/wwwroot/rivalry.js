'use strict';

(async () => {
  const { el, svg, api, show, number } = Dyad;
  await Dyad.header('rivalry.html');
  const form = document.getElementById('sides');
  const target = document.getElementById('result');
  const url = Dyad.query();
  for (const name of ['a', 'b', 'from', 'to', 'by']) if (url.get(name)) form.elements[name].value = url.get(name);

  async function load() {
    const q = new URLSearchParams();
    for (const name of ['a', 'b', 'from', 'to', 'by']) if (form.elements[name].value.trim()) q.set(name, form.elements[name].value.trim());
    history.replaceState(null, '', '?' + q);
    target.replaceChildren(el('p', { class: 'status' }, 'Measuring…'));
    try {
      const r = await api('/api/rivalry?' + q);
      const periods = r.timeline.filter(p => p.dyadic_events > 0 || p.events_a > 0 || p.events_b > 0);
      target.replaceChildren(
        el('section', { class: 'panel' }, el('h2', {}, `${r.a.name} and ${r.b.name}`),
          el('p', {}, el('a', { href: '/api/rivalry/brief.html?' + q }, 'Open the brief'), ' · ', el('a', { href: '/api/rivalry/brief.pdf?' + q }, 'Download it as PDF'), ' · ', el('a', { href: '/api/rivalry/brief.json?' + q }, 'its figures as JSON'),
            ' — findings as sentences, charts, the map and a footnote for every file used.'),
          el('p', { class: 'muted' }, `Datasets: ${r.datasets.join(', ')}.`)),
        roles(r),
        el('section', { class: 'panel' }, el('h2', {}, `Clashes between them, and each side\u2019s incidents without the other, by ${r.by}`), chart(periods),
          el('div', { class: 'legend' }, el('span', {}, el('span', { class: 'swatch scale-4' }), 'clashes (A against B)'),
            el('span', {}, el('span', { class: 'swatch scale-2' }), `${r.a.name} without ${r.b.name} (any part)`),
            el('span', {}, el('span', { class: 'swatch side-b' }), `${r.b.name} without ${r.a.name} (any part)`))),
        el('section', { class: 'panel' }, el('h2', {}, 'By period'), el('div', { class: 'table-wrap' }, el('table', {},
          el('thead', {}, el('tr', {}, ['Period', 'Clashes', 'Deaths in clashes', `${r.a.name} without ${r.b.name}`, `${r.b.name} without ${r.a.name}`].map((h, i) => el('th', { scope: 'col', class: i ? 'num' : null }, h)))),
          el('tbody', {}, periods.map(p => el('tr', {}, el('td', {}, p.period.slice(0, 7)), el('td', { class: 'num' }, number.format(p.dyadic_events)),
            el('td', { class: 'num' }, number.format(p.dyadic_deaths)), el('td', { class: 'num' }, number.format(p.events_a)),
            el('td', { class: 'num' }, number.format(p.events_b)))))))));
    } catch (error) {
      show(target, error);
    }
  }

  /**
   * What each side did (its attacks, and their deaths per attack), the fighting it was in and what was done to it,
   * and the incidents the sources leave open: every count named by the part it counts.
   */
  function roles(r) {
    const cell = c => el('td', { class: 'num' }, `${number.format(c.incidents)} (${number.format(c.deaths)})`);
    const perAttack = s => s.deaths_per_event == null ? '\u2013' : s.deaths_per_event.toFixed(1);
    const row = (side, summary, parts) => el('tr', {}, el('th', { scope: 'row' }, side),
      cell({ incidents: summary.events, deaths: summary.deaths }), el('td', { class: 'num' }, perAttack(summary)),
      cell(parts.fought_state), cell(parts.fought_other), cell(parts.done_to), cell(parts.other));
    const open = [[`either side (open between ${r.a.name} and ${r.b.name}, or both named)`, r.either],
      [`possibly ${r.a.name}\u2019s (open with another group)`, r.possibly_a], [`possibly ${r.b.name}\u2019s (open with another group)`, r.possibly_b]]
      .filter(([, s]) => s && s.events > 0);
    return el('section', { class: 'panel' }, el('h2', {}, 'What each did, and the part it played'),
      el('div', { class: 'table-wrap' }, el('table', {},
        el('thead', {}, el('tr', {}, ['', 'Its attacks (deaths)', 'Deaths per attack', 'Fought the state', 'Fought other groups', 'Attacked by others', 'Other events']
          .map((h, i) => el('th', { scope: 'col', class: i ? 'num' : null }, h)))),
        el('tbody', {}, row(r.a.name, r.summary_a, r.roles_a), row(r.b.name, r.summary_b, r.roles_b)))),
      open.length === 0 ? el('p', { class: 'muted' }, 'No incident is left open between groups.')
        : el('ul', {}, open.map(([what, s]) => el('li', {}, `${number.format(s.events)} incidents (${number.format(s.deaths)} deaths) ${what}: counted apart, as no one\u2019s.`))),
      el('p', { class: 'muted' }, 'Counts are incidents, deaths in brackets. Clashes between the two are in the chart below, not here.'));
  }

  /** Three bars a period: clashes, A alone, B alone — each also in the table below, so the chart is never the only way to read them. */
  function chart(periods) {
    const width = 1000, height = 180, bottom = 16;
    const chartSvg = svg('svg', { class: 'timeline', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'Clashes and each side\u2019s own events per period; the table below has the figures' });
    const max = Math.max(1, ...periods.flatMap(p => [p.dyadic_events, p.events_a, p.events_b]));
    const w = width / Math.max(1, periods.length);
    periods.forEach((p, i) => {
      [[p.dyadic_events, 'scale-4'], [p.events_a, 'scale-2'], [p.events_b, 'side-b']].forEach(([v, fill], j) => {
        const h = (height - bottom) * v / max;
        chartSvg.append(svg('rect', { x: (i * w + j * w / 3).toFixed(1), y: (height - bottom - h).toFixed(1), width: Math.max(1, w / 3 - 0.5).toFixed(1), height: h.toFixed(1), class: fill },
          svg('title', {}, `${p.period.slice(0, 7)}: ${v}`)));
      });
    });
    return chartSvg;
  }

  form.addEventListener('submit', e => { e.preventDefault(); load(); });
  load();
})();
