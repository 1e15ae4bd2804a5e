import { plannerKey } from './api.js';
import { language, setLanguage, t, translatePage } from './i18n.js';
import { h } from './dom.js';
import { renderStart } from './views/start.js';
import { renderDistrict } from './views/district.js';
import { renderMunicipality } from './views/municipality.js';
import { renderRuns } from './views/runs.js';
import { renderState } from './views/state.js';

// Deep links for every view (/districts/09188, /municipalities/09188117); the server answers each with this page.
const routes = [
  [/^\/$/, () => renderStart],
  [/^\/districts\/(\d{5})$/, match => main => renderDistrict(main, match[1])],
  [/^\/municipalities\/(\d{8})$/, match => main => renderMunicipality(main, match[1])],
  [/^\/runs$/, () => renderRuns],
  [/^\/states\/(\d{2})$/, match => main => renderState(main, match[1])],
];

const main = document.getElementById('main');
let navigated = false;

export function say(message) {
  document.getElementById('status').textContent = message;
}

async function render() {
  const path = location.pathname.replace(/\/+$/, '') || '/';
  const route = routes.map(([pattern, view]) => [path.match(pattern), view]).find(([match]) => match);
  // The first view may arrive drawn by the server (the district page): keep it until the full view replaces it.
  if (navigated) main.replaceChildren(h('p', {}, t('loading')));
  navigated = true;
  main.setAttribute('aria-busy', 'true');
  try {
    if (!route) {
      main.replaceChildren(h('h1', {}, t('notFound')));
      return;
    }

    await route[1](route[0])(main);
  } catch (error) {
    main.replaceChildren(h('h1', {}, t('error')), h('p', { class: 'problem' }, error.message));
  } finally {
    main.removeAttribute('aria-busy');
    // For the speed check (bench webapp): the view is drawn and can be used.
    performance.mark('view-ready');
  }
}

export function navigate(href) {
  history.pushState(null, '', href);
  render().then(() => main.focus({ preventScroll: false }));
}

document.addEventListener('click', event => {
  const anchor = event.target.closest('a[data-link]');
  if (!anchor || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  navigate(anchor.getAttribute('href'));
});
window.addEventListener('popstate', render);

function showKeyState() {
  document.getElementById('planner-key').textContent = plannerKey.get() ? t('key.forget') : t('key.enter');
}

document.getElementById('planner-key').addEventListener('click', () => {
  if (plannerKey.get()) {
    plannerKey.clear();
    say(t('key.removed'));
  } else {
    const key = window.prompt(t('key.prompt'));
    if (key && key.trim()) {
      plannerKey.set(key.trim());
      say(t('key.saved'));
    }
  }
  showKeyState();
  render();
});

const languageButton = document.getElementById('language');
function showLanguage() {
  const other = language === 'de' ? 'en' : 'de';
  languageButton.textContent = other === 'en' ? 'English' : 'Deutsch';
  languageButton.lang = other;
}
languageButton.addEventListener('click', () => {
  setLanguage(language === 'de' ? 'en' : 'de');
  translatePage();
  showLanguage();
  showKeyState();
  render();
});

translatePage();
showLanguage();
showKeyState();
render();
