// Portail's service worker: each app's shell opens instantly and offline. The same file serves
// the three apps, each registering it at its own address with its own scope: the members'
// portal (/sw.js, scope /), the agents' area (/agent/sw.js, scope /agent) and the verification
// page (/verifier/sw.js, scope /verifier). A member's worker never keeps the other apps.
//
// What it keeps: the app's page, its hashed bundle (wasm, JS, CSS) and icons, and the words of
// each language it loaded (/i18n/fr.json…), all the same for everyone; and, for the
// verification page, the fund's public keys (/api/attestations/keys), so that an attestation
// is checked offline. What it never keeps: anything else under /api/
// (personal data), which always goes to the network. Logging out sends Clear-Site-Data
// ("cache", "storage"), which empties these caches and unregisters these workers.
'use strict';

const SCOPE = new URL(self.registration.scope).pathname.replace(/\/$/, '') || '/';
const CACHE = `portail-shell-${SCOPE === '/' ? 'member' : SCOPE.slice(1)}-v3`;
const PUBLIC_KEYS = '/api/attestations/keys';
// Public answers kept for offline use, asked from the network first (a new release or a new
// key is seen at once).
function keptPublicly(path) {
  return path.startsWith('/i18n/') || (SCOPE === '/verifier' && path === PUBLIC_KEYS);
}
const SHELL = SCOPE === '/'
  ? ['/', '/manifest.webmanifest', '/icon.svg', '/icon-192.png', '/icon-512.png']
  : [SCOPE, '/icon.svg'];
// The other apps' addresses: their own workers (or the network) answer them.
const OTHER_APPS = ['/agent', '/verifier'].filter((app) => app !== SCOPE);

function underOtherApp(path) {
  return OTHER_APPS.some((app) => path === app || path.startsWith(`${app}/`));
}

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  // Each app's worker removes only its own older caches.
  const mine = CACHE.replace(/-v\d+$/, '-v');
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE && (k.startsWith(mine) || k === 'portail-shell-v2')).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method === 'GET' && url.origin === self.location.origin && keptPublicly(url.pathname)) {
    const key = url.pathname;
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(key, copy));
            return response;
          }
          return caches.match(key).then((kept) => kept || response);
        })
        .catch(() => caches.match(key).then((kept) => kept || Response.error())),
    );
    return;
  }
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) {
    return; // personal data and other origins: the network only
  }
  if (request.mode === 'navigate') {
    if (underOtherApp(url.pathname)) {
      return; // another app's page: never kept as this app's shell
    }
    // Pages: the network first (a new release is picked up at once), the kept shell offline.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(SCOPE, copy));
          }
          return response;
        })
        .catch(() => caches.match(SCOPE)),
    );
    return;
  }
  // The bundle: hashed names never change, so the kept copy is always right.
  event.respondWith(
    caches.match(request).then(
      (kept) =>
        kept ||
        fetch(request).then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(request, copy));
          }
          return response;
        }),
    ),
  );
});
