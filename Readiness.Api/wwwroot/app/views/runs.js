import { api } from '../api.js';
import { h, link, section } from '../dom.js';
import { date, t } from '../i18n.js';

export async function renderRuns(main) {
  const [current, runs] = await Promise.all([api.get('/api/v1/runs/current'), api.get('/api/v1/runs?pageSize=10')]);
  const changes = await api.optional(`/api/v1/runs/${current.id}/changes`);
  document.title = `${t('runs.title')} – Readiness`;
  const pairs = items => items?.length
    ? h('ul', {}, ...items.slice(0, 200).map(p => h('li', {}, link(`/municipalities/${p.mentor.ags}`, p.mentor.name), ' → ', link(`/municipalities/${p.mentee.ags}`, p.mentee.name))))
    : h('p', { class: 'muted' }, t('mun.none'));
  main.replaceChildren(
    h('h1', {}, t('runs.title')),
    h('p', {}, `${t('runs.current')} ${current.id} · ${t('runs.when')} ${date(current.finishedAt ?? current.startedAt)}`),
    changes ? section(t('runs.changes'),
      h('h3', {}, `${t('runs.started')} (${changes.pairsStarted.length})`), pairs(changes.pairsStarted),
      h('h3', {}, `${t('runs.ended')} (${changes.pairsEnded.length})`), pairs(changes.pairsEnded),
      h('h3', {}, `${t('runs.tiers')} (${changes.tierChanges.length})`),
      h('ul', {}, ...changes.tierChanges.slice(0, 200).map(c => h('li', {}, link(`/municipalities/${c.ags}`, c.name), ` ${t(`tier.${c.from}`)} → ${t(`tier.${c.to}`)}`)))) : null,
    section(t('runs.list'), h('table', { class: 'data' },
      h('thead', {}, h('tr', {}, ...['#', t('runs.status'), t('runs.when')].map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...runs.items.map(r => h('tr', {}, h('td', {}, r.id), h('td', {}, r.status), h('td', {}, date(r.finishedAt ?? r.startedAt))))))));
}
