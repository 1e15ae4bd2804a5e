import { api } from '../api.js';
import { h, link } from '../dom.js';
import { number, searchText, t } from '../i18n.js';

export async function renderStart(main) {
  const page = await api.get('/api/v1/districts?pageSize=500');
  const districts = page.items.map(d => ({ ...d, search: searchText(`${d.name} ${d.key} ${d.stateName ?? ''}`) }));
  const list = h('ul', { class: 'districts', id: 'district-list' });
  const count = h('p', { class: 'muted', 'aria-live': 'polite' });
  const input = h('input', { type: 'search', id: 'district-search', autocomplete: 'off', 'aria-describedby': 'district-hint' });

  function show() {
    const query = searchText(input.value.trim());
    const matching = districts.filter(d => !query || d.search.includes(query));
    list.replaceChildren(...matching.map(d => h('li', {},
      link(`/districts/${d.key}`, d.name),
      h('span', { class: 'muted' }, ` ${d.key} · ${d.stateName ?? ''} · ${d.municipalityCount} ${t('municipalities')} · ${number(d.population, 0)} ${t('population')}`))));
    count.textContent = matching.length ? t('start.count', matching.length) : t('start.none');
  }

  input.addEventListener('input', show);
  main.replaceChildren(
    h('h1', {}, t('start.title')),
    h('p', {}, link('/states/09', t('start.bavaria'))),
    h('label', { for: 'district-search' }, t('start.search')),
    input,
    h('p', { id: 'district-hint', class: 'muted' }, t('start.hint')),
    count,
    list);
  show();
  document.title = `${t('start.title')} – Readiness`;
}
