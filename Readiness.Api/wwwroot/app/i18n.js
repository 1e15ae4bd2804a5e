// UI texts in German (default) and English. Texts from the API come already localised (Accept-Language);
// the labels here are the fallback for machine values the API answers without a companion text.
const texts = {
  de: {
    skip: 'Zum Inhalt', mainNav: 'Hauptnavigation', 'nav.start': 'Landkreis wählen', 'nav.runs': 'Berechnungen',
    loading: 'Wird geladen …', footer: 'Readiness – Bereitschaft der Gemeinden, den Integrationsplan des Landkreises mitzutragen.',
    'footer.api': 'Schnittstelle (API)', 'key.enter': 'Planungsschlüssel eingeben', 'key.forget': 'Planungsschlüssel vergessen',
    'key.prompt': 'Planungsschlüssel (API-Schlüssel mit der Rolle „planner“). Er bleibt nur in dieser Browsersitzung gespeichert.',
    'key.saved': 'Planungsschlüssel für diese Sitzung gespeichert.', 'key.removed': 'Planungsschlüssel entfernt.',
    'start.title': 'Landkreis oder kreisfreie Stadt wählen', 'start.bavaria': 'Ganz Bayern auf der Karte', 'start.search': 'Name oder Kennziffer',
    'start.hint': 'Groß- und Kleinschreibung und Umlaute sind egal: „munchen“ findet München.', 'start.none': 'Kein Kreis gefunden.',
    'start.count': n => `${n} Kreise`, municipalities: 'Gemeinden', population: 'Einwohner',
    'district.map': 'Karte', 'district.colour': 'Einfärbung', 'district.byTier': 'nach Stufe', 'district.byPriority': 'nach Handlungsbedarf',
    'district.layers': 'Ebenen', 'district.pairs': 'Patenschaften (Pfeil von der Patengemeinde zur lernenden Gemeinde)',
    'district.groups': 'Kooperationsräume (umrandet)', 'district.summary': 'Überblick', 'district.table': 'Alle Gemeinden',
    'district.tableHint': 'Die Tabelle enthält dasselbe wie die Karte. Spaltenköpfe sortieren.', 'district.downloads': 'Herunterladen',
    'district.report': 'Bericht zum Ausdrucken', 'district.coverage': 'Strukturen vor Ort', 'district.having': 'vorhanden',
    'district.lacking': 'fehlt', 'district.unknown': 'keine Angabe', 'district.shareCovered': 'Anteil der ausländischen Bevölkerung erreicht',
    'district.tiers': 'Gemeinden je Stufe', 'district.mapLabel': name => `Karte der Gemeinden im ${name}; die Tabelle unten enthält dieselben Angaben.`,
    name: 'Gemeinde', score: 'Punkte', tier: 'Stufe', rank: 'Rang im Kreis', interval: 'Rangspanne', quality: 'Datengrundlage',
    priority: 'Handlungsbedarf', 'mun.score': 'Bereitschaft', 'mun.of': (r, n) => `Rang ${r} von ${n} im Kreis`,
    'mun.interval': (lo, hi) => `Rangspanne ${lo}–${hi}: Ränge innerhalb dieser Spanne unterscheiden sich nicht verlässlich.`,
    'mun.why': 'Warum diese Stufe', 'mun.capped': 'Stufe begrenzt, weil fehlt:', 'mun.coverage': c => `Angaben zu ${c} % des Gewichts`,
    'mun.pillars': 'Säulen', 'mun.indicators': 'Beitrag der Merkmale (Punkte)', 'mun.flags': 'Hinweise', 'mun.none': 'Keine.',
    'mun.recommendations': 'Was helfen würde', 'mun.gain': g => `+${g} Punkte`, 'mun.peersHaving': n => `${n} vergleichbare Gemeinden weiter oben haben das`,
    'mun.pairing': 'Patenschaft', 'mun.mentor': 'Patengemeinde', 'mun.mentees': 'Lernende Gemeinden', 'mun.candidates': 'Mögliche Patengemeinden',
    'mun.benefit': 'Nutzen', 'mun.distance': 'Entfernung', 'mun.chosen': 'vorgeschlagen', 'mun.group': 'Kooperationsraum',
    'mun.offers': 'Vorgeschlagene gemeinsame Angebote', 'mun.similar': 'Ähnliche Gemeinden', 'mun.data': 'Datengrundlage',
    'mun.history': 'Erhebungen', 'mun.illustrative': 'Beispielhafte Angaben, keine Erhebung: aus den Strukturdaten erzeugt.',
    'mun.surveyed': 'Erhoben', 'mun.referenceDate': 'Stichtag', 'mun.district': 'Landkreis', 'mun.peerGroup': 'Vergleichsgruppe',
    'whatif.title': 'Was wäre, wenn …', 'whatif.hint': 'Antworten ändern und sehen, wie sich Punkte, Stufe und Rang bewegen. Es wird nichts gespeichert.',
    'whatif.run': 'Berechnen', 'whatif.result': (s, t, r) => `Mit diesen Antworten: ${s} Punkte, ${t}, Rang ${r} im Kreis.`,
    'whatif.before': (s, t) => `Bisher: ${s} Punkte, ${t}.`, yes: 'ja', no: 'nein', unknown: 'keine Angabe',
    'decision.agree': 'Zustimmen', 'decision.decline': 'Ablehnen', 'decision.pin': 'Festlegen', 'decision.state': 'Entscheidung',
    'decision.needKey': 'Für Entscheidungen bitte zuerst den Planungsschlüssel eingeben.', 'decision.done': 'Entscheidung gespeichert.',
    'decision.reason': 'Begründung', 'measure.create': 'Als Maßnahme anlegen', 'measure.saved': 'Maßnahme angelegt.',
    'measure.created': (title, due) => `Maßnahme angelegt: ${title}, fällig ${due}.`, 'progress.title': 'Fortschritt für das Begleitgremium',
    'progress.fields': 'Maßnahmen je Handlungsfeld', 'progress.planned': 'geplant', 'progress.inProgress': 'in Arbeit', 'progress.done': 'erledigt',
    'progress.dropped': 'verworfen', 'progress.overdue': 'überfällig', 'progress.due': 'fällig', 'progress.consequence': 'vereinbarte Folge',
    'progress.pairs': 'Patenschaften nach Stand', 'decision.proposed': 'vorgeschlagen', 'decision.agreed': 'vereinbart', 'decision.active': 'läuft', 'decision.ended': 'beendet',
    'decision.declined': 'abgelehnt', 'decision.pinned': 'festgelegt', 'decision.forbidden': 'ausgeschlossen', 'runs.title': 'Berechnungen', 'runs.current': 'Angezeigt wird die Berechnung',
    'runs.changes': 'Was sich seit der vorigen Berechnung geändert hat', 'runs.started': 'Neue Patenschaften', 'runs.ended': 'Beendete Patenschaften',
    'runs.tiers': 'Geänderte Stufen', 'runs.list': 'Letzte Berechnungen', 'runs.status': 'Status', 'runs.when': 'Berechnet am',
    error: 'Fehler', notFound: 'Nicht gefunden.', 'tier.starting': 'steht am Anfang', 'tier.developing': 'im Aufbau', 'tier.established': 'gut aufgestellt',
    'tier.experienced': 'erfahren', 'tier.insufficient-data': 'zu wenige Angaben', 'quality.surveyed': 'erhoben',
    'quality.illustrative': 'beispielhaft', 'quality.missing': 'fehlt', 'quality.mixed': 'gemischt',
  },
  en: {
    skip: 'Skip to content', mainNav: 'Main navigation', 'nav.start': 'Choose a district', 'nav.runs': 'Runs', loading: 'Loading …',
    footer: 'Readiness – how ready each municipality is to carry the district\'s integration plan.', 'footer.api': 'API',
    'key.enter': 'Enter planner key', 'key.forget': 'Forget planner key',
    'key.prompt': 'Planner key (an API key with the planner role). It is kept for this browser session only.',
    'key.saved': 'Planner key kept for this session.', 'key.removed': 'Planner key removed.',
    'start.title': 'Choose a district', 'start.bavaria': 'All of Bavaria on the map', 'start.search': 'Name or key', 'start.hint': 'Case and accents do not matter: "munchen" finds München.',
    'start.none': 'No district found.', 'start.count': n => `${n} districts`, municipalities: 'Municipalities', population: 'Population',
    'district.map': 'Map', 'district.colour': 'Colour', 'district.byTier': 'by tier', 'district.byPriority': 'by priority',
    'district.layers': 'Layers', 'district.pairs': 'Mentor pairs (arrow from mentor to mentee)', 'district.groups': 'Shared-service groups (outlined)',
    'district.summary': 'At a glance', 'district.table': 'All municipalities', 'district.tableHint': 'The table holds what the map shows. Sort by the column headers.',
    'district.downloads': 'Downloads', 'district.report': 'Printable report', 'district.coverage': 'Structures on site',
    'district.having': 'present', 'district.lacking': 'missing', 'district.unknown': 'not answered', 'district.shareCovered': 'Share of foreign residents covered',
    'district.tiers': 'Municipalities per tier', 'district.mapLabel': name => `Map of the municipalities of ${name}; the table below holds the same.`,
    name: 'Municipality', score: 'Score', tier: 'Tier', rank: 'Rank in district', interval: 'Rank interval', quality: 'Data quality',
    priority: 'Priority', 'mun.score': 'Readiness', 'mun.of': (r, n) => `Rank ${r} of ${n} in the district`,
    'mun.interval': (lo, hi) => `Rank interval ${lo}–${hi}: ranks within it are not reliably different.`,
    'mun.why': 'Why this tier', 'mun.capped': 'Tier capped, missing:', 'mun.coverage': c => `Answers for ${c} % of the weight`,
    'mun.pillars': 'Pillars', 'mun.indicators': 'Contribution of each indicator (points)', 'mun.flags': 'Flags', 'mun.none': 'None.',
    'mun.recommendations': 'What would help', 'mun.gain': g => `+${g} points`, 'mun.peersHaving': n => `${n} comparable municipalities higher up have it`,
    'mun.pairing': 'Mentoring', 'mun.mentor': 'Mentor', 'mun.mentees': 'Mentees', 'mun.candidates': 'Candidate mentors', 'mun.benefit': 'Benefit',
    'mun.distance': 'Distance', 'mun.chosen': 'proposed', 'mun.group': 'Shared-service group', 'mun.offers': 'Suggested joint offers',
    'mun.similar': 'Similar municipalities', 'mun.data': 'Data', 'mun.history': 'Assessments',
    'mun.illustrative': 'Illustrative answers, not a survey: generated from the base data.', 'mun.surveyed': 'Surveyed',
    'mun.referenceDate': 'Reference date', 'mun.district': 'District', 'mun.peerGroup': 'Peer group',
    'whatif.title': 'What if …', 'whatif.hint': 'Change answers and see score, tier and rank move. Nothing is stored.', 'whatif.run': 'Compute',
    'whatif.result': (s, t, r) => `With these answers: ${s} points, ${t}, rank ${r} in the district.`,
    'whatif.before': (s, t) => `Now: ${s} points, ${t}.`, yes: 'yes', no: 'no', unknown: 'not answered',
    'decision.agree': 'Agree', 'decision.decline': 'Decline', 'decision.pin': 'Pin', 'decision.state': 'Decision',
    'decision.needKey': 'Enter the planner key first to record decisions.', 'decision.done': 'Decision recorded.', 'decision.reason': 'Reason',
    'measure.create': 'Make it a measure', 'measure.saved': 'Measure created.',
    'measure.created': (title, due) => `Measure created: ${title}, due ${due}.`, 'progress.title': 'Progress for the steering committee',
    'progress.fields': 'Measures per field of action', 'progress.planned': 'planned', 'progress.inProgress': 'in progress', 'progress.done': 'done',
    'progress.dropped': 'dropped', 'progress.overdue': 'overdue', 'progress.due': 'due', 'progress.consequence': 'agreed consequence',
    'progress.pairs': 'Pairs by state', 'decision.proposed': 'proposed',
    'decision.agreed': 'agreed', 'decision.active': 'active', 'decision.ended': 'ended', 'decision.declined': 'declined',
    'decision.pinned': 'pinned', 'decision.forbidden': 'forbidden',
    'runs.title': 'Runs', 'runs.current': 'Shown is run', 'runs.changes': 'What changed since the previous run', 'runs.started': 'New pairs',
    'runs.ended': 'Ended pairs', 'runs.tiers': 'Tier changes', 'runs.list': 'Latest runs', 'runs.status': 'Status', 'runs.when': 'Computed',
    error: 'Error', notFound: 'Not found.', 'tier.starting': 'just starting', 'tier.developing': 'developing', 'tier.established': 'established',
    'tier.experienced': 'experienced', 'tier.insufficient-data': 'not enough answers', 'quality.surveyed': 'surveyed',
    'quality.illustrative': 'illustrative', 'quality.missing': 'missing', 'quality.mixed': 'mixed',
  },
};

// Structure and answer keys as a district office says them (docs/glossar.md).
const structures = {
  de: {
    contactPerson: 'Ansprechperson für Integration', paidStaffFte: 'hauptamtliche Stelle (VZÄ)', network: 'Netzwerk',
    volunteerCoordination: 'Ehrenamtskoordination', migrantCouncil: 'Integrationsbeirat', integrationConcept: 'Integrationskonzept',
    councilResolution: 'Gemeinderatsbeschluss', intermunicipalExchange: 'interkommunaler Austausch', integrationBudgetEur: 'Integrationsbudget (EUR)',
    activeVolunteers: 'aktive Ehrenamtliche', volunteerAllowance: 'Aufwandsentschädigung', migrantOrganisations: 'Migrantenorganisationen',
    yearsOfIntegrationWork: 'Jahre Integrationsarbeit', paidStaff: 'hauptamtliche Stelle', structures: 'Strukturen', resources: 'Ressourcen', experience: 'Erfahrung',
  },
  en: {
    contactPerson: 'contact person for integration', paidStaffFte: 'paid staff (FTE)', network: 'network', volunteerCoordination: 'volunteer coordination',
    migrantCouncil: 'migrant council', integrationConcept: 'integration concept', councilResolution: 'council resolution',
    intermunicipalExchange: 'intermunicipal exchange', integrationBudgetEur: 'integration budget (EUR)', activeVolunteers: 'active volunteers',
    volunteerAllowance: 'volunteer allowance', migrantOrganisations: 'migrant organisations', yearsOfIntegrationWork: 'years of integration work',
    paidStaff: 'paid staff', structures: 'Structures', resources: 'Resources', experience: 'Experience',
  },
};

export const languages = ['de', 'en'];

function initialLanguage() {
  const chosen = localStorage.getItem('readiness.language');
  if (languages.includes(chosen)) return chosen;
  return (navigator.language || 'de').toLowerCase().startsWith('en') ? 'en' : 'de';
}

export let language = initialLanguage();

export function setLanguage(next) {
  language = languages.includes(next) ? next : 'de';
  localStorage.setItem('readiness.language', language);
  document.documentElement.lang = language;
}

export function t(key, ...args) {
  const value = texts[language][key] ?? texts.de[key] ?? key;
  return typeof value === 'function' ? value(...args) : value;
}

/** A machine key (structure, indicator, answer) in words; unknown keys are split at capitals rather than shown raw. */
export function structureLabel(key) {
  return structures[language][key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

export function tierLabel(item) {
  return item?.tierLabel ?? t(`tier.${item?.tier}`);
}

export function qualityLabel(quality) {
  return t(`quality.${quality}`);
}

export function number(value, digits = 1) {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
}

export function percent(share, digits = 0) {
  if (share === null || share === undefined) return '–';
  return `${number(share * 100, digits)} %`;
}

export function date(iso) {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: iso.length > 10 ? 'short' : undefined }).format(new Date(iso));
}

/** Case- and accent-insensitive search text, as the API's q= does ("munchen" finds München). */
export function searchText(text) {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/ß/g, 'ss').toLowerCase();
}

/** Applies the static texts of index.html. */
export function translatePage() {
  document.documentElement.lang = language;
  for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of document.querySelectorAll('[data-i18n-aria]')) element.setAttribute('aria-label', t(element.dataset.i18nAria));
}
