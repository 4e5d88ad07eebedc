'use strict';

(async () => {
  const { el, api, show, number } = Dyad;
  const session = await Dyad.header('import.html');
  const message = document.getElementById('message');
  if (session.role === 'viewer') message.textContent = 'Importing needs an analyst\u2019s role; you can see what was imported below.';

  document.getElementById('upload').addEventListener('submit', async event => {
    event.preventDefault();
    const form = new FormData(event.target);
    message.replaceChildren(el('span', {}, 'Uploading…'));
    try {
      const job = await api('/api/imports', { method: 'POST', form });
      message.replaceChildren(el('span', {}, `${job.file}: queued.`));
      watch(job.id);
    } catch (error) {
      show(message, error);
    }
  });

  async function watch(id) {
    const job = await api(`/api/imports/jobs/${id}`);
    const running = job.state === 'queued' || job.state === 'running';
    // The outcome in words; the DOM's replaceChildren would print a missing one as "null".
    const result = job.error ? el('p', { class: 'error', role: 'alert' }, job.error)
      : job.outcome ? el('p', {}, `Read ${number.format(job.outcome.read)} rows: ${number.format(job.outcome.imported)} imported, `
        + `${number.format(job.outcome.duplicates)} already in the store, ${number.format(job.outcome.rejected)} set aside with their reasons.`)
      : null;
    message.replaceChildren(...[el('label', {}, `${job.file}: ${job.state}`,
      running ? el('progress', { max: 1, value: job.progress, 'aria-valuetext': `${Math.round(job.progress * 100)}%` }) : null), result].filter(Boolean));
    if (running) setTimeout(() => watch(id), 700);
    else refresh();
  }

  async function refresh() {
    try {
      const [jobs, imports] = await Promise.all([api('/api/imports/jobs'), api('/api/imports')]);
      document.getElementById('jobs').replaceChildren(jobs.length === 0 ? el('p', { class: 'status' }, 'None since the server started.') : el('table', {},
        el('thead', {}, el('tr', {}, ['File', 'By', 'Received', 'State', 'Result'].map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, jobs.map(j => el('tr', {}, el('td', {}, j.file), el('td', {}, j.by), el('td', {}, j.received.slice(0, 19).replace('T', ' ')), el('td', {}, j.state),
          el('td', {}, j.error ?? (j.outcome ? `read ${j.outcome.read}: imported ${j.outcome.imported}, duplicates ${j.outcome.duplicates}, rejected ${j.outcome.rejected}` : '')))))));
      document.getElementById('imports').replaceChildren(el('table', {},
        el('thead', {}, el('tr', {}, ['File', 'Dataset', 'Read', 'Imported', 'Revised', 'Duplicates', 'Rejected'].map((h, i) => el('th', { scope: 'col', class: i > 1 ? 'num' : null }, h)))),
        el('tbody', {}, imports.map(i => el('tr', {}, el('td', {}, i.path.split('/').pop()), el('td', {}, i.dataset),
          ...[i.read, i.imported, i.revised ?? 0, i.duplicates, i.rejected].map(n => el('td', { class: 'num' }, number.format(n))))))));
    } catch (error) {
      show(document.getElementById('jobs'), error);
    }
  }

  refresh();
})();
