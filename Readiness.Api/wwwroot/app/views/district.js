import { api } from '../api.js';
import { h, link, section } from '../dom.js';
import { number, percent, qualityLabel, structureLabel, t, tierLabel } from '../i18n.js';
import { districtMap, legend, tierColours, tierOrder } from '../map.js';
import { navigate } from '../main.js';

export async function renderDistrict(main, key) {
  const [district, summary, ranking, geojson, pairs, groups, progress] = await Promise.all([
    api.get(`/api/v1/districts/${key}`),
    api.get(`/api/v1/districts/${key}/summary`),
    api.get(`/api/v1/readiness?district=${key}&pageSize=500&sort=name`),
    api.get(`/api/v1/export/municipalities.geojson?district=${key}`),
    api.get(`/api/v1/pairings?district=${key}&pageSize=500`),
    api.get(`/api/v1/shared-services?district=${key}&pageSize=500`),
    api.optional(`/api/v1/districts/${key}/progress`),
  ]);
  document.title = `${district.name} – Readiness`;

  let colour = 'tier';
  const hasPriority = ranking.items.some(i => typeof i.priority === 'number');
  const mapElement = h('div', { class: 'map', id: 'district-map', role: 'region', 'aria-label': t('district.mapLabel', district.name) });
  const legendList = h('ul', { class: 'legend', 'aria-label': t('district.colour') });
  const showLegend = () => legendList.replaceChildren(...legend(colour).map(([fill, label]) =>
    h('li', {}, h('span', { class: 'swatch', style: `background:${fill}` }), label)));

  const colourChoice = h('fieldset', { class: 'inline' }, h('legend', {}, t('district.colour')),
    ...[['tier', t('district.byTier')], ['priority', t('district.byPriority')]].map(([value, label]) => h('label', {},
      h('input', { type: 'radio', name: 'colour', value, checked: value === colour, disabled: value === 'priority' && !hasPriority,
        onchange: () => { colour = value; view.recolour(); showLegend(); } }), ` ${label}`)));
  const layerToggle = (layer, label, checked) => h('label', {},
    h('input', { type: 'checkbox', checked, onchange: event => view.toggle(layer, event.target.checked) }), ` ${label}`);
  const layers = h('fieldset', { class: 'inline' }, h('legend', {}, t('district.layers')),
    layerToggle('pairs', t('district.pairs'), true), layerToggle('groups', t('district.groups'), true));

  main.replaceChildren(
    h('h1', {}, district.officialKind ? `${district.officialKind} ${district.name}` : district.name),
    h('p', { class: 'muted' }, `${district.key} · ${district.stateName ?? ''} · ${district.municipalityCount} ${t('municipalities')} · ${number(district.population, 0)} ${t('population')}`),
    section(t('district.map'), h('div', { class: 'controls' }, colourChoice, layers), mapElement, legendList),
    section(t('district.summary'), summaryView(summary)),
    section(t('district.table'), h('p', { class: 'muted' }, t('district.tableHint')), table(ranking.items)),
    section(t('district.downloads'), downloads(key)),
    progress ? section(t('progress.title'), progressView(progress)) : null);

  showLegend();
  const view = districtMap(mapElement, geojson, {
    colour: () => colour, pairs: pairs.items, groups: groups.items, open: ags => navigate(`/municipalities/${ags}`),
  });
  view.toggle('pairs', true);
  view.toggle('groups', true);
}

function summaryView(summary) {
  const tiers = h('ul', { class: 'tiers' }, ...tierOrder.map(tier => {
    const count = summary.tiers[tier === 'insufficient-data' ? 'insufficientData' : tier];
    return h('li', {}, h('span', { class: 'swatch', style: `background:${tierColours[tier]}` }), `${t(`tier.${tier}`)}: ${count}`);
  }));
  const coverage = h('table', { class: 'data' },
    h('caption', {}, t('district.coverage')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ''), h('th', { scope: 'col' }, t('district.having')),
      h('th', { scope: 'col' }, t('district.lacking')), h('th', { scope: 'col' }, t('district.unknown')), h('th', { scope: 'col' }, t('district.shareCovered')))),
    h('tbody', {}, ...summary.structures.map(s => h('tr', {},
      h('th', { scope: 'row' }, s.label ?? structureLabel(s.structure)), h('td', { class: 'num' }, s.having), h('td', { class: 'num' }, s.lacking),
      h('td', { class: 'num' }, s.unknown), h('td', { class: 'num' }, percent(s.foreignResidentsShareCovered))))));
  const support = summary.whereSupportMattersMost ?? summary.prioritySupport ?? null;
  return h('div', {}, h('h3', {}, t('district.tiers')), tiers, coverage,
    support ? h('div', {}, h('h3', {}, t('priority')), h('ol', {}, ...support.map(m => h('li', {}, link(`/municipalities/${m.ags}`, m.name))))) : null,
    h('p', { class: 'muted' }, `${t('quality')}: ${qualityLabel(summary.dataQuality)} · Run ${summary.runId}`));
}

const columns = [
  ['name', r => r.name, (a, b) => a.name.localeCompare(b.name, 'de')],
  ['score', r => number(r.score, 1), (a, b) => (a.score ?? -1) - (b.score ?? -1)],
  ['tier', r => tierLabel(r), (a, b) => tierOrder.indexOf(a.tier) - tierOrder.indexOf(b.tier)],
  ['rank', r => r.rank?.district ?? '–', (a, b) => (a.rank?.district ?? 1e9) - (b.rank?.district ?? 1e9)],
  ['priority', r => number(r.priority, 0), (a, b) => (a.priority ?? -1) - (b.priority ?? -1)],
  ['quality', r => qualityLabel(r.dataQuality), null],
];

function table(rows) {
  const hasPriority = rows.some(r => typeof r.priority === 'number');
  const shown = columns.filter(([key]) => key !== 'priority' || hasPriority);
  let sort = { key: 'name', descending: false };
  const body = h('tbody');
  const head = h('tr');
  const element = h('table', { class: 'data sortable', id: 'municipality-table' }, h('thead', {}, head), body);

  function draw() {
    const [, , compare] = shown.find(([key]) => key === sort.key);
    const ordered = [...rows].sort((a, b) => (sort.descending ? -1 : 1) * compare(a, b));
    head.replaceChildren(...shown.map(([key, , comparer]) => h('th', { scope: 'col', 'aria-sort': sort.key === key ? (sort.descending ? 'descending' : 'ascending') : null },
      comparer ? h('button', { type: 'button', onclick: () => { sort = { key, descending: sort.key === key && !sort.descending }; draw(); } }, t(key)) : t(key))));
    body.replaceChildren(...ordered.map(r => h('tr', {}, ...shown.map(([key, value], i) => i === 0
      ? h('th', { scope: 'row' }, link(`/municipalities/${r.ags}`, r.name))
      : h('td', { class: key === 'score' || key === 'rank' || key === 'priority' ? 'num' : null },
        key === 'tier' ? [h('span', { class: 'swatch', style: `background:${tierColours[r.tier]}` }), value(r)] : value(r))))));
  }

  draw();
  return element;
}

/** The steering committee's view: measures by field of action and status, what is overdue, pairs by state. */
function progressView(progress) {
  const fields = h('table', { class: 'data', id: 'progress' },
    h('caption', {}, t('progress.fields')),
    h('thead', {}, h('tr', {}, ...['', 'progress.planned', 'progress.inProgress', 'progress.done', 'progress.dropped', 'progress.overdue']
      .map(c => h('th', { scope: 'col' }, c ? t(c) : '')))),
    h('tbody', {}, ...progress.byFieldOfAction.map(f => h('tr', {}, h('th', { scope: 'row' }, f.fieldOfAction),
      ...[f.planned, f.inProgress, f.done, f.dropped, f.overdue].map(n => h('td', { class: 'num' }, n))))));
  const overdue = progress.overdue.length
    ? h('ul', {}, ...progress.overdue.map(m => h('li', {}, h('strong', {}, m.title), ` · ${t('progress.due')} ${m.dueDate}`,
      m.consequence ? ` · ${t('progress.consequence')}: ${m.consequence}` : '')))
    : h('p', { class: 'muted' }, t('mun.none'));
  const pairs = Object.entries(progress.pairsByState ?? {});
  return h('div', {}, fields, h('h3', {}, t('progress.overdue')), overdue,
    h('h3', {}, t('progress.pairs')),
    pairs.length ? h('ul', { class: 'tiers' }, ...pairs.map(([state, count]) => h('li', {}, `${t(`decision.${state}`)}: ${count}`))) : h('p', { class: 'muted' }, t('mun.none')));
}

function downloads(key) {
  const items = [
    [`/api/v1/export/readiness.xlsx?district=${key}`, 'Excel (XLSX)'],
    [`/api/v1/export/readiness.csv?district=${key}`, 'CSV'],
    [`/api/v1/export/municipalities.geojson?district=${key}`, 'GeoJSON'],
    [`/api/v1/districts/${key}/report`, t('district.report')],
  ];
  return h('ul', { class: 'downloads' }, ...items.map(([href, label]) => h('li', {}, h('a', { href }, label))));
}
