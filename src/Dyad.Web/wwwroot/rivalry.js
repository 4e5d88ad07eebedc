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
        el('section', { class: 'panel' }, el('h2', {}, `Clashes between them, and each side\u2019s incidents without the other, by ${r.by}`), chart(periods, r.by),
          el('div', { class: 'legend' }, el('span', {}, el('span', { class: 'swatch scale-4' }), 'clashes (A against B)'),
            el('span', {}, el('span', { class: 'swatch scale-2' }), `${r.a.name} without ${r.b.name} (any part)`),
            el('span', {}, el('span', { class: 'swatch side-b' }), `${r.b.name} without ${r.a.name} (any part)`))),
        el('section', { class: 'panel' }, el('h2', {}, 'By period'), el('div', { class: 'table-wrap' }, el('table', {},
          el('thead', {}, el('tr', {}, ['Period', 'Clashes', 'Deaths in clashes', `${r.a.name} without ${r.b.name}`, `${r.b.name} without ${r.a.name}`].map((h, i) => el('th', { scope: 'col', class: i ? 'num' : null }, h)))),
          el('tbody', {}, periods.map(p => el('tr', {}, el('td', {}, periodLabel(p.period, r.by)), el('td', { class: 'num' }, number.format(p.dyadic_events)),
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

  /** A period as a reader names it, by the rivalry's unit: 2019, 2019 Q3, or 2019-07. */
  function periodLabel(period, by) {
    if (by === 'year') return period.slice(0, 4);
    if (by === 'quarter') return `${period.slice(0, 4)} Q${Math.floor((Number(period.slice(5, 7)) - 1) / 3) + 1}`;
    return period.slice(0, 7);
  }

  /**
   * Three bars a period: clashes, A alone, B alone — each also in the table below, so the chart is never the only way to
   * read them. A left axis with its scale (incidents) and gridlines, and the years along the bottom, a label every few
   * years when there are many.
   */
  function chart(periods, by) {
    const width = 1000, height = 200, left = 44, bottom = 22, top = 8;
    const plot = height - bottom - top;
    const chartSvg = svg('svg', { class: 'timeline', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'Clashes and each side\u2019s own events per period; the table below has the figures' });
    const max = Math.max(1, ...periods.flatMap(p => [p.dyadic_events, p.events_a, p.events_b]));
    const step = niceStep(max);
    const top_ = Math.ceil(max / step) * step;
    for (let v = 0; v <= top_; v += step) {
      const y = (top + plot - plot * v / top_).toFixed(1);
      chartSvg.append(svg('line', { x1: left, x2: width, y1: y, y2: y, class: 'chart-grid' }),
        svg('text', { x: left - 6, y, class: 'chart-axis', 'text-anchor': 'end', 'dominant-baseline': 'middle' }, number.format(v)));
    }
    chartSvg.append(svg('line', { x1: left, x2: width, y1: top + plot, y2: top + plot, class: 'chart-axis-line' }));
    const w = (width - left) / Math.max(1, periods.length);
    const years = [...new Set(periods.map(p => p.period.slice(0, 4)))];
    const every = Math.max(1, Math.ceil(years.length / 12));
    periods.forEach((p, i) => {
      [[p.dyadic_events, 'scale-4'], [p.events_a, 'scale-2'], [p.events_b, 'side-b']].forEach(([v, fill], j) => {
        const h = plot * v / top_;
        chartSvg.append(svg('rect', { x: (left + i * w + j * w / 3).toFixed(1), y: (top + plot - h).toFixed(1), width: Math.max(1, w / 3 - 0.5).toFixed(1), height: h.toFixed(1), class: fill },
          svg('title', {}, `${periodLabel(p.period, by)}: ${number.format(v)}`)));
      });
      const year = p.period.slice(0, 4);
      const first = i === 0 || periods[i - 1].period.slice(0, 4) !== year;
      if (first && years.indexOf(year) % every === 0) {
        chartSvg.append(svg('text', { x: (left + i * w).toFixed(1), y: height - 4, class: 'chart-axis' }, year));
      }
    });
    chartSvg.append(svg('text', { x: left + 4, y: top + 10, class: 'chart-axis' }, 'incidents'));
    return chartSvg;
  }

  /** A whole step of 1, 2 or 5 times a power of ten that gives four or five gridlines up to the largest value. */
  function niceStep(max) {
    const raw = Math.max(1, max / 4);
    const power = 10 ** Math.floor(Math.log10(raw));
    return [1, 2, 5, 10].map(m => m * power).find(s => s >= raw) ?? power * 10;
  }

  form.addEventListener('submit', e => { e.preventDefault(); load(); });
  load();
})();
