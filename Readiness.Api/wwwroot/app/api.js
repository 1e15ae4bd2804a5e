import { language } from './i18n.js';

const keyName = 'readiness.plannerKey';

/** The planner key: entered once per browser session, kept in sessionStorage, never put into a URL. */
export const plannerKey = {
  get: () => sessionStorage.getItem(keyName),
  set: value => sessionStorage.setItem(keyName, value),
  clear: () => sessionStorage.removeItem(keyName),
};

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

async function send(method, path, body, withKey, cache = 'default') {
  const headers = { 'Accept-Language': language, Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (withKey && plannerKey.get()) headers['X-Api-Key'] = plannerKey.get();
  const response = await fetch(path, { method, headers, cache, body: body === undefined ? undefined : JSON.stringify(body) });
  const type = response.headers.get('Content-Type') || '';
  const payload = type.includes('json') ? await response.json() : null;
  if (!response.ok) throw new ApiError(response.status, payload);
  return payload;
}

export const api = {
  get: path => send('GET', path),
  fresh: path => send('GET', path, undefined, false, 'no-store'),
  /** A GET that may legitimately be absent (404) or not offered by this version of the service. */
  optional: path => send('GET', path).catch(error => (error instanceof ApiError && (error.status === 404 || error.status === 405) ? null : Promise.reject(error))),
  post: (path, body, withKey = false) => send('POST', path, body, withKey),
};
