import { api, ApiError, plannerKey } from '../api.js';
import { h, link, section, svg } from '../dom.js';
import { date, number, percent, qualityLabel, structureLabel, t, tierLabel } from '../i18n.js';
import { tierColours } from '../map.js';
import { say } from '../main.js';

// The answers a what-if may change, as the assessment names them.
const booleanAnswers = ['contactPerson', 'network', 'volunteerCoordination', 'migrantCouncil', 'integrationConcept', 'councilResolution', 'intermunicipalExchange', 'volunteerAllowance'];
const numberAnswers = ['paidStaffFte', 'integrationBudgetEur', 'activeVolunteers', 'migrantOrganisations', 'yearsOfIntegrationWork'];

export async function renderMunicipality(main, ags) {
  const [municipality, readiness, pairing, candidates, assessments, similar] = await Promise.all([
    api.get(`/api/v1/municipalities/${ags}`),
    api.get(`/api/v1/municipalities/${ags}/readiness`),
    api.get(`/api/v1/municipalities/${ags}/pairing`),
    // Decisions change the candidates' state within a run: always ask the service, never the browser cache.
    api.fresh(`/api/v1/municipalities/${ags}/pairing-candidates`),
    api.get(`/api/v1/municipalities/${ags}/assessments?pageSize=20`),
    api.optional(`/api/v1/municipalities/${ags}/similar`),
  ]);
  const group = municipality.sharedServiceGroup ? await api.optional(`/api/v1/shared-services/${municipality.sharedServiceGroup.id}`) : null;
  document.title = `${municipality.name} – Readiness`;
  const current = assessments.items.find(a => a.id === readiness.assessment?.id) ?? assessments.items[0] ?? null;

  main.replaceChildren(
    h('p', { class: 'crumbs' }, link(`/districts/${municipality.districtKey}`, municipality.districtName)),
    h('h1', {}, municipality.name),
    h('p', { class: 'muted' }, `${municipality.ags} · ${number(municipality.population, 0)} ${t('population')} · ${percent(municipality.foreignShare, 1)}`),
    scoreView(readiness),
    section(t('mun.pillars'), bars(readiness.pillars.map(p => [p.label ?? structureLabel(p.key), p.score, 100]))),
    section(t('mun.indicators'), bars(readiness.indicators.filter(i => i.contribution !== null).map(i => [i.label ?? structureLabel(i.key), i.contribution, maxOf(readiness.indicators)]))),
    section(t('mun.flags'), list(readiness.flags, flag => readiness.flagTexts?.find(f => f.flag === flag)?.text ?? flagText(flag))),
    section(t('mun.recommendations'), list(readiness.recommendations, r => [
      h('strong', {}, r.label ?? structureLabel(r.structure)), ' ', t('mun.gain', number(r.expectedGain, 1)),
      r.text ? h('div', { class: 'muted' }, r.text) : null, measureButton(municipality, r)])),
    section(t('mun.pairing'), pairingView(pairing, candidates, municipality)),
    group ? section(t('mun.group'), groupView(group)) : null,
    similar?.items?.length ? section(t('mun.similar'), list(similar.items, s => [link(`/municipalities/${s.ags}`, s.name), ` · ${number(s.score, 1)} · ${tierLabel(s)}`])) : null,
    section(t('mun.data'), dataView(readiness, assessments.items)),
    section(t('whatif.title'), whatIf(ags, readiness, current)));
}

function scoreView(readiness) {
  const interval = readiness.rankIntervals?.district;
  const rank = readiness.rank;
  return h('section', { class: 'card score' },
    h('div', { class: 'big' }, h('span', { class: 'swatch large', style: `background:${tierColours[readiness.tier]}` }),
      h('span', { id: 'score' }, number(readiness.score, 1)), h('span', { class: 'unit' }, ` ${t('score')} · `), h('span', { id: 'tier' }, tierLabel(readiness))),
    rank?.district ? h('p', {}, t('mun.of', rank.district, rank.districtOf)) : null,
    interval && rank?.districtOf ? rankInterval(rank.district, interval, rank.districtOf) : null,
    interval ? h('p', { class: 'muted' }, t('mun.interval', interval.low, interval.high)) : null,
    h('h2', {}, t('mun.why')),
    h('p', {}, t('mun.coverage', number(readiness.coverage * 100, 0))),
    readiness.tierCappedBy?.length ? h('p', { class: 'warning' }, `${t('mun.capped')} ${readiness.tierCappedBy.map(structureLabel).join(', ')}`) : null);
}

/** The district rank with its robustness interval, drawn on the scale 1..n (1 = most ready, left). */
function rankInterval(rank, interval, of) {
  const width = 320;
  const x = r => 10 + ((r - 1) / Math.max(1, of - 1)) * (width - 20);
  return svg('svg', { viewBox: `0 0 ${width} 34`, width, height: 34, role: 'img', 'aria-label': t('mun.interval', interval.low, interval.high), class: 'interval' },
    svg('line', { x1: 10, x2: width - 10, y1: 17, y2: 17, stroke: '#999', 'stroke-width': 1 }),
    svg('rect', { x: x(interval.low), y: 10, width: Math.max(2, x(interval.high) - x(interval.low)), height: 14, fill: '#9ecae1', stroke: '#3182bd' }),
    svg('circle', { cx: x(rank), cy: 17, r: 5, fill: '#08306b' }),
    svg('text', { x: 10, y: 33, 'font-size': 10 }, '1'),
    svg('text', { x: width - 10, y: 33, 'font-size': 10, 'text-anchor': 'end' }, String(of)));
}

function maxOf(indicators) {
  return Math.max(1, ...indicators.map(i => Math.abs(i.contribution ?? 0)));
}

function bars(items) {
  return h('ul', { class: 'bars' }, ...items.map(([label, value, max]) => h('li', {},
    h('span', { class: 'bar-label' }, label),
    h('span', { class: 'bar', 'aria-hidden': 'true' }, h('span', { style: `width:${Math.max(0, Math.min(100, ((value ?? 0) / max) * 100))}%` })),
    h('span', { class: 'num' }, number(value, 1)))));
}

function list(items, render) {
  return items?.length ? h('ul', {}, ...items.map(item => h('li', {}, render(item)))) : h('p', { class: 'muted' }, t('mun.none'));
}

function flagText(flag) {
  return flag.replace(/-/g, ' ');
}

function pairingView(pairing, candidates, municipality) {
  const parts = [h('p', { id: 'pairing-explanation' }, pairing.explanation)];
  if (pairing.asMentee) parts.push(h('p', {}, `${t('mun.mentor')}: `, link(`/municipalities/${pairing.asMentee.mentor.ags}`, pairing.asMentee.mentor.name)));
  if (pairing.asMentor?.length) parts.push(h('p', {}, `${t('mun.mentees')}: `, ...pairing.asMentor.flatMap((p, i) => [i ? ', ' : '', link(`/municipalities/${p.mentee.ags}`, p.mentee.name)])));
  if (candidates.candidates?.length) {
    parts.push(h('table', { class: 'data', id: 'candidates' },
      h('caption', {}, t('mun.candidates')),
      h('thead', {}, h('tr', {}, ...[t('mun.mentor'), t('mun.benefit'), t('mun.distance'), t('decision.state'), ''].map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...candidates.candidates.map(c => h('tr', {},
        h('th', { scope: 'row' }, link(`/municipalities/${c.mentor.ags}`, c.mentor.name)),
        h('td', { class: 'num' }, number(c.benefit, 2)), h('td', { class: 'num' }, `${number(c.distanceKm, 1)} km`),
        h('td', { class: 'decision-state', 'data-decision': c.decision ?? (c.chosen ? 'proposed' : null) }, c.decision ? t(`decision.${c.decision}`) : (c.chosen ? t('mun.chosen') : '')),
        h('td', {}, decisionButtons(c, municipality)))))));
  }
  return h('div', {}, ...parts);
}

/** Agree, decline or pin a candidate pair; needs the planner key of the district. */
function decisionButtons(candidate, municipality) {
  const decide = async (decision, needsReason) => {
    if (!plannerKey.get()) {
      say(t('decision.needKey'));
      return;
    }
    const note = needsReason ? window.prompt(t('decision.reason')) : null;
    if (needsReason && !note) return;
    try {
      await api.post('/api/v1/pairings/decisions', {
        mentor: candidate.mentor.ags, mentee: municipality.ags, decision, date: new Date().toISOString().slice(0, 10), note, reason: note,
      }, true);
      say(t('decision.done'));
      window.dispatchEvent(new PopStateEvent('popstate'));
    } catch (error) {
      say(error instanceof ApiError ? error.message : String(error));
    }
  };
  return h('span', { class: 'buttons' },
    h('button', { type: 'button', onclick: () => decide(candidate.chosen ? 'agreed' : 'pinned', !candidate.chosen) }, candidate.chosen ? t('decision.agree') : t('decision.pin')),
    h('button', { type: 'button', onclick: () => decide('declined', true) }, t('decision.decline')));
}

/** One click from a recommendation to a measure of the integration plan (pre-filled by the service); needs the planner key. */
function measureButton(municipality, recommendation) {
  return h('button', { type: 'button', class: 'measure', 'data-structure': recommendation.structure, onclick: async event => {
    if (!plannerKey.get()) {
      say(t('decision.needKey'));
      return;
    }
    try {
      const measure = await api.post(`/api/v1/municipalities/${municipality.ags}/recommendations/${recommendation.structure}/measure`, {}, true);
      event.target.replaceWith(h('span', { class: 'measure-created' }, t('measure.created', measure.title ?? '', measure.dueDate ?? '')));
      say(t('measure.saved'));
    } catch (error) {
      say(error instanceof ApiError ? error.message : String(error));
    }
  } }, t('measure.create'));
}

function groupView(group) {
  return h('div', {},
    h('p', {}, `${group.id}: `, ...group.members.flatMap((m, i) => [i ? ', ' : '', link(`/municipalities/${m.ags}`, m.name)])),
    h('h3', {}, t('mun.offers')),
    list(group.suggestedOffers, o => [h('strong', {}, o.title), o.because ? h('div', { class: 'muted' }, o.because) : null]));
}

function dataView(readiness, assessments) {
  return h('div', {},
    h('p', {}, `${t('quality')}: ${qualityLabel(readiness.dataQuality)}${readiness.assessment ? ` · ${t('mun.referenceDate')} ${date(readiness.assessment.referenceDate)}` : ''}`),
    readiness.dataQuality === 'illustrative' ? h('p', { class: 'warning' }, t('mun.illustrative')) : null,
    h('h3', {}, t('mun.history')),
    list(assessments, a => `${date(a.referenceDate)} · ${qualityLabel(a.source)} · ${a.recordedBy ?? ''}`));
}

function whatIf(ags, readiness, current) {
  const form = h('form', { id: 'what-if', class: 'what-if' });
  const fields = [
    ...booleanAnswers.map(key => {
      const value = current?.[key];
      const select = h('select', { id: `wi-${key}`, name: key },
        ...[['', t('unknown')], ['true', t('yes')], ['false', t('no')]].map(([v, label]) => h('option', { value: v, selected: String(value ?? '') === v }, label)));
      return h('div', { class: 'field' }, h('label', { for: `wi-${key}` }, structureLabel(key)), select);
    }),
    ...numberAnswers.map(key => h('div', { class: 'field' }, h('label', { for: `wi-${key}` }, structureLabel(key)),
      h('input', { id: `wi-${key}`, name: key, type: 'number', min: 0, step: 'any', value: current?.[key] ?? '' }))),
  ];
  const result = h('p', { id: 'what-if-result', role: 'status', 'aria-live': 'polite' });
  form.append(h('p', { class: 'muted' }, t('whatif.hint')), h('div', { class: 'fields' }, ...fields), h('button', { type: 'submit' }, t('whatif.run')), result);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const body = {};
    for (const key of booleanAnswers) {
      const v = form.elements[key].value;
      body[key] = v === '' ? null : v === 'true';
    }
    for (const key of numberAnswers) {
      const v = form.elements[key].value;
      body[key] = v === '' ? null : Number(v);
    }
    try {
      const answer = await api.post(`/api/v1/municipalities/${ags}/readiness/what-if`, body);
      result.replaceChildren(
        h('span', { id: 'what-if-tier', 'data-tier': answer.tier }, t('whatif.result', number(answer.score, 1), tierLabel(answer), answer.rank?.district ?? '–')), ' ',
        h('span', { class: 'muted' }, t('whatif.before', number(readiness.score, 1), tierLabel(readiness))));
    } catch (error) {
      result.textContent = error.message;
    }
  });
  return form;
}
