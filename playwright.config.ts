import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from './scripts/chromium.mjs';

/**
 * The built renderer is served here for the browser suite (not the port `npm start` uses).
 * E2E_PORT and E2E_DIST let a second build be tested beside the first (another port, another folder).
 */
const E2E_PORT = Number(process.env.E2E_PORT ?? 4599);
const outDir = process.env.E2E_DIST ? ` --outDir ${JSON.stringify(process.env.E2E_DIST)}` : '';

const executablePath = findChromium() ?? undefined;

export default defineConfig({
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  // The whole suite, so a stuck browser can never hold CI: it takes about 4 minutes here.
  globalTimeout: 25 * 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  projects: [
    {
      name: 'browser',
      testDir: 'tests/e2e/browser',
      testMatch: '*.spec.ts',
      use: {
        browserName: 'chromium',
        baseURL: `http://127.0.0.1:${E2E_PORT}`,
        viewport: { width: 1366, height: 768 },
        launchOptions: { executablePath, args: chromiumArgs() },
        trace: 'retain-on-failure',
        screenshot: 'only-on-failure',
      },
    },
    {
      name: 'electron',
      testDir: 'tests/e2e/electron',
      testMatch: '*.electron.spec.ts',
    },
  ],
  webServer: {
    command: `npx vite preview --port ${E2E_PORT} --strictPort${outDir}`,
    url: `http://127.0.0.1:${E2E_PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
