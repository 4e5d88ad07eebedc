'use strict';

document.getElementById('login').addEventListener('submit', async event => {
  event.preventDefault();
  const form = event.target;
  const message = document.getElementById('message');
  message.textContent = '';
  try {
    await Dyad.api('/api/session', { method: 'POST', body: { name: form.elements.name.value, password: form.elements.password.value } });
    const next = Dyad.query().get('next');
    location.href = next && next.startsWith('/') && !next.startsWith('//') ? next : '/index.html';
  } catch (error) {
    message.textContent = error.message;
  }
});
