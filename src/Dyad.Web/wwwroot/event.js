// One event: the source's own words, the model's answer, the incident, the claims and sources, the versions.
'use strict';

(async () => {
  const { el, api, show, percent } = Dyad;
  await Dyad.header('');
  const id = Dyad.query().get('id');
  const main = document.getElementById('main');
  let dossier;
  try {
    dossier = await api(`/api/events/${encodeURIComponent(id)}`);
  } catch (error) {
    show(main, error);
    return;
  }

  const e = dossier.event;
  document.title = `${e.dataset}:${e.dataset_id} — Dyad`;
  document.getElementById('title').textContent = `${e.date_start} · ${[e.admin1, e.place ?? e.admin2].filter(Boolean).join(', ') || e.country || ''} (${e.dataset}:${e.dataset_id})`;
  const rows = [
    ['Dates', e.date_start === e.date_end ? e.date_start : `${e.date_start} to ${e.date_end}`], ['Country', e.country], ['Province', e.admin1], ['District', e.admin2], ['Place', e.place],
    ['Gazetteer units', [e.admin1_id, e.admin2_id].filter(Boolean).join(', ') + (e.place_method ? ` (${e.place_method})` : '')],
    ['Actor 1', e.actor1 && `${e.actor1}${e.actor1_ids.length ? ' → ' + e.actor1_ids.join(', ') : ''}`],
    ['Actor 2', e.actor2 && `${e.actor2}${e.actor2_ids.length ? ' → ' + e.actor2_ids.join(', ') : ''}`],
    ['Type', [e.event_type, e.event_subtype, ...e.attack_types].filter(Boolean).join(' · ')], ['Weapons', e.weapon_types.join(', ')],
    ['Targets', [...e.target_types, ...e.target_subtypes].join(', ')], ['Deaths', e.deaths ?? 'not reported'], ['Wounded', e.wounded],
    ['Claimed', e.claimed === undefined ? null : e.claimed ? 'yes' : 'no'], ['Notes', e.notes], ['Citations', e.citations],
    ['File', `${e.source_file}, row ${e.source_row}`],
  ];
  document.getElementById('fields').replaceChildren(...rows.filter(([, v]) => v !== null && v !== undefined && v !== '')
    .flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, String(v))]));
  document.getElementById('raw').textContent = dossier.raw ?? '(not kept, or withheld)';

  const incident = document.getElementById('incident');
  const others = dossier.incident ? dossier.incident.events.filter(o => o.id !== e.id) : [];
  incident.replaceChildren(others.length === 0 ? el('p', { class: 'status' }, 'No other dataset or record reports it.')
    : el('ul', {}, others.map(o => el('li', {}, el('a', { href: `event.html?id=${o.id}` }, `${o.dataset}:${o.dataset_id}`), ` ${o.date_start}, ${o.actor1 ?? '–'} / ${o.actor2 ?? '–'}`))));

  document.getElementById('claims').replaceChildren(dossier.claims.length === 0 ? el('p', { class: 'status' }, 'No claim recorded is about this event.')
    : el('ul', {}, dossier.claims.map(c => el('li', {}, `${c.stance} by ${c.claimant_name ?? 'an unnamed speaker'}: “${c.translation ?? c.text}” — `, Dyad.cite(c.citation)))));
  document.getElementById('sources').replaceChildren(...dossier.sources.map(s => el('p', { class: 'muted' }, `Source ${s.code}: `, Dyad.cite(s.citation))));
  document.getElementById('history').replaceChildren(dossier.history.length <= 1 ? el('p', { class: 'status' }, 'One version.')
    : el('ul', {}, dossier.history.map(v => el('li', {}, JSON.stringify(v)))));

  attribution();

  async function attribution() {
    const target = document.getElementById('attribution');
    try {
      const answer = await api(`/api/attribution/${e.id}`);
      const a = answer.attribution;
      const verdict = { attributed: 'Attributed', leaning: 'Leaning (not attributed)', cannot_tell: 'Cannot tell' }[a.verdict] ?? a.verdict;
      target.replaceChildren(...[
        el('p', {}, el('span', { class: `badge ${a.verdict}` }, verdict), ' ', el('strong', {}, a.level === 'family' ? a.family : a.top_group),
          ` — ${percent(a.level === 'family' ? a.family_probability : a.top_probability)}`),
        el('p', {}, a.summary),
        a.source_perpetrator ? el('p', { class: 'muted' }, `The source names: ${a.source_perpetrator}. The model answers as if it did not.`) : null,
        answer.named_elsewhere ? el('p', {}, `Elsewhere: ${answer.named_elsewhere.kind === 'claim' ? 'a claim' : 'a linked report'} names ${answer.named_elsewhere.group} (${answer.named_elsewhere.reference}).`) : null,
        el('table', {}, el('caption', { class: 'skip' }, 'Probability of each group'),
          el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Group'), el('th', { scope: 'col' }, 'Probability'))),
          el('tbody', {}, a.probabilities.map(p => el('tr', {}, el('td', {}, p.name),
            el('td', {}, el('span', { class: 'bar-cell' }, el('span', { class: 'bar', style: `width: ${Math.round(120 * p.probability)}px` }), percent(p.probability))))))),
        el('h3', {}, 'What drove it'),
        a.drivers.length === 0 ? el('p', { class: 'status' }, 'Not explained.')
          : el('ul', {}, a.drivers.map(d => el('li', {}, `${d.change >= 0 ? 'Toward' : 'Against'} ${d.group}: ${d.feature} (${d.value}); without it ${d.change >= 0 ? '−' : '+'}${percent(Math.abs(d.change))}`))),
        el('h3', {}, 'Most similar earlier attacks'),
        a.similar.length === 0 ? el('p', { class: 'status' }, 'None.')
          : el('ul', {}, a.similar.map(s => el('li', {}, el('a', { href: `event.html?id=${s.event_id}` }, `${s.date} ${s.place ?? ''}`), ` — ${s.perpetrator} (${s.shared.join(', ')}; ${s.reference})`))),
        el('p', { class: 'muted' }, `Model: ${answer.model}.`)].filter(Boolean));
    } catch (error) {
      if (error.status === 503) {
        target.replaceChildren(el('p', { class: 'status' }, error.message + ' Trying again in 10 seconds…'));
        setTimeout(attribution, 10000);
      } else {
        show(target, error);
      }
    }
  }
})();
