// Browser journeys against the release executable (`target/dist/portail demo`), in Debian's
// Chromium: Playwright never downloads a browser here.
import { defineConfig } from '@playwright/test';
import * as path from 'path';

const port = Number(process.env.PORTAIL_E2E_PORT ?? 18080);
// The demo's moment (`portail demo --today`), to run the journeys on another day and hour.
const at = process.env.PORTAIL_E2E_AT;
const bin = process.env.PORTAIL_BIN ?? path.resolve(__dirname, '../target/dist/portail');
export const dataDir = path.resolve(__dirname, 'test-results/.demo-data');
export const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'fr-FR',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    // Journeys that use up a persona's single account creation or device run on one viewport only.
    { name: 'desktop', use: { viewport: { width: 1280, height: 800 } }, grepInvert: /@phone/ },
    {
      name: 'phone',
      use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true },
      // Keyboard journeys, and journeys that use up a persona's attempts, run on the desktop only.
      grepInvert: /@desktop/,
    },
  ],
  webServer: {
    // A fresh demo data folder for every run, so the suite never depends on earlier state.
    command: `rm -rf '${dataDir}' && '${bin}' demo --addr 127.0.0.1:${port} --data-dir '${dataDir}'${at ? ` --today ${at}` : ''}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: { PORTAIL_LOG: 'warn' },
  },
});
