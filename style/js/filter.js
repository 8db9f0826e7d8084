// A filter box (data-filter="#list"): shows only the list's [data-filter-item] elements whose
// text holds every word typed, ignoring case and accents. Without JavaScript the box stays
// hidden (data-filter-box) and the whole list shows.
const fold = (text) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
for (const box of document.querySelectorAll('[data-filter-box]')) box.hidden = false;
for (const input of document.querySelectorAll('input[data-filter]')) {
  const list = document.querySelector(input.dataset.filter);
  if (!list) continue;
  const items = [...list.querySelectorAll('[data-filter-item]')].map((el) => [el, fold(el.textContent)]);
  input.addEventListener('input', () => {
    const words = fold(input.value).split(/\s+/).filter(Boolean);
    for (const [el, text] of items) el.hidden = !words.every((w) => text.includes(w));
  });
}
