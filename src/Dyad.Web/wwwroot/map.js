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

  /** Where the four classes of counts above none begin: 1, and the quarter, half and three-quarter powers of the most (without repeats). */
  function breaks(max) {
    return [...new Set([1, Math.ceil(max ** 0.25), Math.ceil(max ** 0.5), Math.ceil(max ** 0.75)])].filter(b => b <= max);
  }

  /** The class a count falls in: 0 for none, then one per break it reaches. */
  function step(count, max) {
    return count ? breaks(max).filter(b => count >= b).length : 0;
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
        d, tabindex: 0, role: 'button',
        'aria-label': `${name}: ${Dyad.number.format(count)} ${what}`, class: `unit ${classes[step(count, max)]} ${id === selected ? 'selected' : ''}`,
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
    const starts = breaks(max);
    const ranges = ['none', ...starts.map((b, i) => i === starts.length - 1 ? (b === max ? `${b}` : `${b}–${max}`) : (starts[i + 1] - 1 === b ? `${b}` : `${b}–${starts[i + 1] - 1}`))];
    target.replaceChildren(...ranges.map((r, s) => Dyad.el('span', {}, Dyad.el('span', { class: `swatch ${classes[s]}` }), r)));
  }

  /** A bar per month: events (and deaths in each bar's title). */
  function timeline(target, counted) {
    target.replaceChildren();
    if (counted.length === 0) return;
    // Every month from the first to the last, those without events as empty bars, so that the axis is time.
    const byKey = new Map(counted.map(m => [m.key, m]));
    const months = [];
    for (let [y, m] = counted[0].key.split('-').map(Number); `${y}-${String(m).padStart(2, '0')}` <= counted[counted.length - 1].key; m === 12 ? (y++, m = 1) : m++) {
      const key = `${y}-${String(m).padStart(2, '0')}`;
      months.push(byKey.get(key) ?? { key, events: 0, deaths: 0 });
    }
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
