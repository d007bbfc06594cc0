// Portail's service worker: the application shell opens instantly and offline.
//
// What it keeps: the page (index.html), the hashed bundle (wasm, JS, CSS), the manifest and
// icons, all of which are the same for everyone, and the fund's public keys
// (/api/attestations/keys), so that the verification page checks an attestation offline.
// What it never keeps: anything else under /api/ (personal data), which always goes to the
// network. Logging out sends Clear-Site-Data
// ("cache", "storage"), which empties this cache and unregisters this worker.
'use strict';

const CACHE = 'portail-shell-v2';
const PUBLIC_KEYS = '/api/attestations/keys';
const SHELL = ['/', '/manifest.webmanifest', '/icon.svg', '/icon-192.png', '/icon-512.png'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method === 'GET' && url.origin === self.location.origin && url.pathname === PUBLIC_KEYS) {
    // Public, the same for everyone: the network first (a new key is seen at once), the kept
    // copy offline.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(PUBLIC_KEYS, copy));
          }
          return response;
        })
        .catch(() => caches.match(PUBLIC_KEYS).then((kept) => kept || Response.error())),
    );
    return;
  }
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) {
    return; // personal data and other origins: the network only
  }
  if (request.mode === 'navigate') {
    // Pages: the network first (a new release is picked up at once), the kept shell offline.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put('/', copy));
          }
          return response;
        })
        .catch(() => caches.match('/')),
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
