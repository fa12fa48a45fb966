// Placeholder page: a search box and result titles (the full page replaces it).
'use strict';

async function search(q) {
  const status = document.getElementById('status');
  const list = document.getElementById('results');
  const answer = await fetch('/api/v1/search?q=' + encodeURIComponent(q));
  const results = await answer.json();
  list.replaceChildren();
  if (!answer.ok) {
    status.textContent = results.error;
    return;
  }
  status.textContent = results.total + ' results';
  for (const hit of results.results) {
    const item = document.createElement('li');
    item.textContent = hit.title + ' (' + hit.date + ', ' + hit.source + ')';
    list.append(item);
  }
}

document.addEventListener('DOMContentLoaded', () => {
  const params = new URLSearchParams(location.search);
  const box = document.getElementById('q');
  box.value = params.get('q') || '';
  document.getElementById('search').addEventListener('submit', (event) => {
    event.preventDefault();
    history.pushState(null, '', '/?q=' + encodeURIComponent(box.value));
    search(box.value);
  });
  search(box.value);
});
