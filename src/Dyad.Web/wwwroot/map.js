// The province and district map, drawn as SVG from the gazetteer's own outlines: no tiles, no map library.
'use strict';

const DyadMap = (() => {
  const { svg } = Dyad;
  const classes = ['scale-0', 'scale-1', 'scale-2', 'scale-3', 'scale-4'];

  function rings(geometry) {
    if (geometry.type === 'Polygon') return geometry.coordinates;
    if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat();
    return [];
  }

  /** A projection that fits the features in width × height (equirectangular, scaled for the latitude). */
  function fit(features, width) {
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const f of features) for (const ring of rings(f.geometry)) for (const [x, y] of ring) {
      minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
    }
    const k = Math.cos(((minY + maxY) / 2) * Math.PI / 180);
    const scale = width / ((maxX - minX) * k);
    const height = (maxY - minY) * scale;
    return { width, height, project: ([x, y]) => [((x - minX) * k * scale).toFixed(1), ((maxY - y) * scale).toFixed(1)] };
  }

  /** The class a count falls in: five steps between none and the most. */
  function step(count, max) {
    if (!count) return 0;
    return Math.min(4, 1 + Math.floor(3.999 * Math.log1p(count) / Math.log1p(max)));
  }

  /**
   * Draws the outlines into the SVG element, each unit coloured by its count, labelled with it (so that the map
   * reads without colour), reachable by keyboard, and calling onSelect(id, name) when chosen.
   */
  function draw(target, geojson, counts, { selected, onSelect, what = 'events' } = {}) {
    const features = geojson.features;
    const { width, height, project } = fit(features, 1000);
    const byId = new Map(counts.map(c => [c.key, c]));
    const max = Math.max(1, ...counts.map(c => c.events));
    target.setAttribute('viewBox', `0 0 ${width} ${height.toFixed(0)}`);
    target.replaceChildren();
    const labels = [];
    for (const feature of features) {
      const { id, name } = feature.properties;
      const count = byId.get(id)?.events ?? 0;
      const d = rings(feature.geometry).map(ring => 'M' + ring.map(project).join('L') + 'Z').join('');
      const path = svg('path', {
        d, class: `unit ${id === selected ? 'selected' : ''}`, tabindex: 0, role: 'button',
        'aria-label': `${name}: ${Dyad.number.format(count)} ${what}`, style: `fill: var(--${classes[step(count, max)]})`,
        onclick: () => onSelect?.(id, name),
        onkeydown: e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onSelect?.(id, name); } },
      }, svg('title', {}, `${name}: ${Dyad.number.format(count)} ${what}`));
      target.append(path);
      if (count > 0) {
        const [x, y] = centre(feature.geometry, project);
        labels.push(svg('text', { x, y, 'text-anchor': 'middle', 'aria-hidden': 'true' }, Dyad.number.format(count)));
      }
    }
    target.append(...labels);
    return { max };
  }

  /** The middle of a unit's largest ring's bounding box, projected: where its label goes. */
  function centre(geometry, project) {
    let best = null, bestSize = -1;
    for (const ring of rings(geometry)) {
      const xs = ring.map(p => p[0]), ys = ring.map(p => p[1]);
      const size = (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys));
      if (size > bestSize) { bestSize = size; best = [(Math.max(...xs) + Math.min(...xs)) / 2, (Math.max(...ys) + Math.min(...ys)) / 2]; }
    }
    return project(best ?? [0, 0]);
  }

  /** The legend: each colour with the counts it stands for. */
  function legend(target, max) {
    const bounds = [0, 1, 2, 3, 4].map(s => s === 0 ? 'none' : `${Math.max(1, Math.ceil(Math.expm1((s - 1) * Math.log1p(max) / 3.999)))}+`);
    target.replaceChildren(...bounds.map((b, s) => Dyad.el('span', {}, Dyad.el('span', { class: 'swatch', style: `background: var(--${classes[s]})` }), b)));
  }

  /** A bar per month: events (and deaths in each bar's title). */
  function timeline(target, months) {
    target.replaceChildren();
    if (months.length === 0) return;
    const width = 1000, height = 150, bottom = 18;
    const max = Math.max(...months.map(m => m.events));
    const w = width / months.length;
    target.setAttribute('viewBox', `0 0 ${width} ${height}`);
    target.setAttribute('role', 'img');
    target.setAttribute('aria-label', `Events per month, ${months[0].key} to ${months[months.length - 1].key}; the most in a month: ${max}`);
    months.forEach((m, i) => {
      const h = (height - bottom) * m.events / max;
      target.append(svg('rect', { class: 'bar', x: (i * w).toFixed(1), y: (height - bottom - h).toFixed(1), width: Math.max(1, w - 1).toFixed(1), height: h.toFixed(1) },
        svg('title', {}, `${m.key}: ${m.events} events, ${m.deaths} deaths`)));
    });
    const years = [...new Set(months.map(m => m.key.slice(0, 4)))];
    const every = Math.max(1, Math.ceil(years.length / 12));
    years.filter((_, i) => i % every === 0).forEach(year => {
      const i = months.findIndex(m => m.key.startsWith(year));
      target.append(svg('text', { x: (i * w).toFixed(1), y: height - 4 }, year));
    });
  }

  return { draw, legend, timeline };
})();
