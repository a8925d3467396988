import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { LibraryPage } from './library-page';
import { PlanPage } from './plan-page';
import { chooseShareFormat } from './share-dialog';
import { planFileTextFromHtml } from '../../../renderer/src/domain/html-copy';

/**
 * The read-only copy, opened the way a board member would open it: in a browser with
 * JavaScript off and every request refused. It must show the plan and ask for nothing. Then a
 * colleague imports it and gets the same plan.
 *
 * Two copies: the board packet's, saved from its preview as a planner does; and the plan
 * screen's, made by running the copy's command in the page (bundled from the source), which
 * checks the command on the app's own controls and styles, taken from a production build
 * whose style tags are empty (its rules live only in the CSS object model).
 */
const PLAN = 'Riverside </script> “north” 🏫';
const REPO = fileURLToPath(new URL('../../../', import.meta.url));

interface PlanFile {
  exportedAt: string;
  plan: { id: string; name: string };
  phases: { name: string }[];
}

interface Harness {
  saveHtmlCopy(planFileText: string): Promise<{ content: string; suggestedName: string }>;
}

/** The copy's command, with a store that hands it the plan as the app exported it and a shell that keeps the file. */
async function harnessScript(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `
        import { saveHtmlCopy } from './renderer/src/features/share/html-copy-commands';
        import { bundleFromFile, readPlanFile } from './renderer/src/domain/plan-file';
        window.roadmapHtmlCopyHarness = {
          async saveHtmlCopy(planFileText) {
            const read = readPlanFile(planFileText);
            if (!read.ok) throw new Error(read.summary);
            const bundle = bundleFromFile(read.file);
            let saved = null;
            const ctx = {
              store: { loadBundle: async () => bundle },
              host: { saveFile: async (request) => { saved = request; return { status: 'saved', location: request.suggestedName }; } },
              now: () => new Date(),
              appVersion: 'e2e',
            };
            await saveHtmlCopy(ctx, bundle.plan.id, document.querySelector('main'));
            return { content: saved.content, suggestedName: saved.suggestedName };
          },
        };`,
      resolveDir: REPO,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
  });
  return result.outputFiles[0]?.text ?? '';
}

async function savePlanFile(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'More plan actions' }).click();
  await page.getByRole('menuitem', { name: 'Share…' }).click();
  const planFile = await chooseShareFormat(page.getByRole('dialog', { name: /^Share / }), 'Plan file (.roadmap.json)');
  const download = page.waitForEvent('download');
  await planFile.getByRole('button', { name: 'Save plan file…' }).click();
  return readFileSync(await (await download).path(), 'utf8');
}

/** Opens a saved page with JavaScript off and every request refused; returns the page and the requests it tried. */
async function openOffline(browser: Browser, path: string) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const requests: string[] = [];
  const url = pathToFileURL(path).href;
  await context.route('**/*', (route) => {
    // The page itself is the one file the reader opens; anything else is a request the copy made.
    if (route.request().url() === url) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  page.on('request', (request) => { if (request.url() !== url) requests.push(request.url()); });
  await page.goto(url);
  await page.waitForLoadState('load');
  return { context, page, requests };
}

/** The copy opens offline, shows what `shows` checks, and makes no request, with its policy and without it. */
async function expectReadableOffline(browser: Browser, path: string, shows: (page: Page) => Promise<void>) {
  const offline = await openOffline(browser, path);
  await shows(offline.page);
  await expect(offline.page.getByRole('button')).toHaveCount(0);
  await expect(offline.page.getByRole('textbox')).toHaveCount(0);
  expect(offline.requests).toEqual([]);
  // Without its policy too, the page asks for nothing: the policy is a guarantee, not a cover.
  const unguardedPath = path.replace(/\.html$/, '-without-policy.html');
  writeFileSync(unguardedPath, readFileSync(path, 'utf8').replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''));
  const unguarded = await openOffline(browser, unguardedPath);
  await shows(unguarded.page);
  expect(unguarded.requests).toEqual([]);
  await unguarded.context.close();
  return offline;
}

/** A colleague with the app and an empty library imports the copy: the plan is the same, record for record. */
async function expectImportsAs(browser: Browser, path: string, planFile: PlanFile, testInfo: TestInfo) {
  const colleague = await browser.newContext({ baseURL: testInfo.project.use.baseURL, viewport: testInfo.project.use.viewport });
  const page = await colleague.newPage();
  const library = new LibraryPage(page);
  await library.goto();
  await library.importFile(path);
  await expect(page.getByRole('heading', { level: 1, name: planFile.plan.name })).toBeVisible();
  await new PlanPage(page).openSection('Roadmap');
  for (const phase of planFile.phases) await expect(page.getByRole('main').getByText(phase.name, { exact: true }).first()).toBeVisible();
  const reexported = JSON.parse(await savePlanFile(page)) as PlanFile;
  expect({ ...reexported, exportedAt: '' }).toEqual({ ...planFile, exportedAt: '' });
  await colleague.close();
}

test('a planner saves the board packet as a read-only copy; it opens with no script and no request, and imports back as the same plan', async ({ page, browser }, testInfo) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.createPlan(PLAN, 'Riverside Unified');
  const planFile = JSON.parse(await savePlanFile(page)) as PlanFile;

  await page.getByRole('button', { name: 'More plan actions' }).click();
  await page.getByRole('menuitem', { name: 'Share…' }).click();
  const packet = await chooseShareFormat(page.getByRole('dialog', { name: /^Share / }), 'Board packet (PDF)');
  await packet.getByRole('button', { name: 'Preview board packet…' }).click();
  const toolbar = page.getByRole('navigation', { name: 'Report' });
  const download = page.waitForEvent('download');
  await toolbar.getByRole('button', { name: 'Save read-only copy (.html)…' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('Riverside script “north” 🏫 – Read-only copy.html');
  const path = testInfo.outputPath('board-packet-copy.html');
  await saved.saveAs(path);
  const carried = planFileTextFromHtml(readFileSync(path, 'utf8'));
  if (!carried.ok) throw new Error(carried.summary);
  expect({ ...(JSON.parse(carried.text) as PlanFile), exportedAt: '' }).toEqual({ ...planFile, exportedAt: '' });

  const offline = await expectReadableOffline(browser, path, async (copy) => {
    await expect(copy).toHaveTitle(PLAN);
    await expect(copy.getByRole('heading', { level: 1, name: PLAN })).toBeVisible();
    for (const phase of planFile.phases) await expect(copy.getByText(phase.name, { exact: true }).first()).toBeVisible();
  });
  await offline.page.screenshot({ path: testInfo.outputPath('board-packet-copy.png'), fullPage: true });
  await offline.page.pdf({ path: testInfo.outputPath('board-packet-copy.pdf'), preferCSSPageSize: true });
  await offline.context.close();

  await expectImportsAs(browser, path, planFile, testInfo);
});

test.describe('the copy command on the plan screen', () => {
  // The app's own policy allows only its own scripts; the test adds one to run the command.
  test.use({ bypassCSP: true });

  test('the plan screen, copied by the same command, looks as the app shows it and reads offline', async ({ page, browser }, testInfo) => {
    const library = new LibraryPage(page);
    await library.goto();
    await library.createPlan(PLAN, 'Riverside Unified');
    await new PlanPage(page).openSection('Roadmap');
    const planFileText = await savePlanFile(page);
    const planFile = JSON.parse(planFileText) as PlanFile;
    expect(planFile.phases.length).toBeGreaterThan(1);

    await page.addScriptTag({ content: await harnessScript() });
    // The section is the content copied (the plan's name sits in the screen's header, outside it).
    const look = await page.getByRole('main').getByRole('heading', { level: 2, name: 'Roadmap' }).evaluate((el) => {
      const style = getComputedStyle(el);
      return { fontSize: style.fontSize, fontWeight: style.fontWeight, color: style.color };
    });
    const copy = await page.evaluate((text) => (window as unknown as { roadmapHtmlCopyHarness: Harness }).roadmapHtmlCopyHarness.saveHtmlCopy(text), planFileText);
    expect(copy.suggestedName).toBe('Riverside script “north” 🏫 – Read-only copy.html');
    // Styles came from the object model (the production build's style tags are empty) and no web font is asked for.
    expect(copy.content).toMatch(/<style>[^<]*\.css-[\w-]+/);
    expect(copy.content).not.toMatch(/@font-face|url\((?!\s*["']?data:)/i);
    const path = testInfo.outputPath('plan-screen-copy.html');
    writeFileSync(path, copy.content);

    const offline = await expectReadableOffline(browser, path, async (copyPage) => {
      await expect(copyPage).toHaveTitle(PLAN);
      const heading = copyPage.getByRole('heading', { level: 2, name: 'Roadmap' });
      await expect(heading).toBeVisible();
      await expect(heading).toHaveCSS('font-size', look.fontSize);
      await expect(heading).toHaveCSS('font-weight', look.fontWeight);
      await expect(heading).toHaveCSS('color', look.color);
      // Text typed into fields shows as text.
      for (const phase of planFile.phases) await expect(copyPage.getByText(phase.name, { exact: true }).first()).toBeVisible();
    });
    await offline.page.screenshot({ path: testInfo.outputPath('plan-screen-copy.png'), fullPage: true });
    await offline.context.close();

    await expectImportsAs(browser, path, planFile, testInfo);
  });
});

test('importing a web page that is not a read-only copy says so and leaves the library as it was', async ({ page }, testInfo) => {
  const path = testInfo.outputPath('agenda.html');
  writeFileSync(path, '<!doctype html><html lang="en"><head><title>Board agenda</title></head><body><h1>Board agenda</h1></body></html>');
  const library = new LibraryPage(page);
  await library.goto();
  await library.importFile(path);
  const dialog = page.getByRole('dialog', { name: 'Could not import “agenda.html”' });
  await expect(dialog).toContainText('This HTML file is not a Roadmap Planner copy: it holds no plan.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(library.heading).toBeVisible();
  await expect(library.plansTable).toHaveCount(0);
});
