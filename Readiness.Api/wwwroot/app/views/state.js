import { api } from '../api.js';
import { h, link, section } from '../dom.js';
import { t } from '../i18n.js';
import { districtMap, legend } from '../map.js';
import { navigate } from '../main.js';

/** A whole state on one map (Bavaria: 2,056 municipalities with their boundaries), coloured by tier. */
export async function renderState(main, key) {
  const [geojson, districts] = await Promise.all([
    api.get(`/api/v1/export/municipalities.geojson?state=${key}`),
    api.get(`/api/v1/districts?state=${key}&pageSize=500`),
  ]);
  const name = districts.items[0]?.stateName ?? key;
  document.title = `${name} – Readiness`;
  const mapElement = h('div', { class: 'map tall', id: 'state-map', role: 'region', 'aria-label': t('district.mapLabel', name) });
  main.replaceChildren(
    h('h1', {}, name),
    section(t('district.map'), mapElement,
      h('ul', { class: 'legend' }, ...legend('tier').map(([fill, label]) => h('li', {}, h('span', { class: 'swatch', style: `background:${fill}` }), label)))),
    section(t('start.title'), h('ul', { class: 'districts' }, ...districts.items.map(d => h('li', {}, link(`/districts/${d.key}`, d.name))))));
  districtMap(mapElement, geojson, { colour: () => 'tier', pairs: [], groups: [], open: ags => navigate(`/municipalities/${ags}`), canvas: true });
}
