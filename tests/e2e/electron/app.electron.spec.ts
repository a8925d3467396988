/**
 * The desktop shell end to end: the real Electron binary running the built app with a throwaway
 * profile. Where the binary is absent (its download needs internet access) the suite reports
 * itself skipped, with the reason, instead of failing or pretending to pass.
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from '../../../scripts/electron-binary.mjs';
import { LibraryPage } from '../browser/library-page';
import { PlanPage } from '../browser/plan-page';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const binary = electronBinary();
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

/** One reason, the first that applies, or null when Electron can run. */
function skipReason(): string | null {
  if (binary.path === null) {
    return existsSync(join(root, 'node_modules', 'electron', 'package.json')) && !existsSync(join(root, 'node_modules', 'electron', 'path.txt'))
      ? 'Electron binary is not installed (node_modules/electron has no binary: its download step could not run) — run `npm start` once on a machine with internet to fetch it'
      : `Electron binary is not installed (${binary.reason}) — run \`npm start\` once on a machine with internet to fetch it`;
  }
  if (noDisplay) return 'Electron needs a display on Linux and none is set (DISPLAY / WAYLAND_DISPLAY) — run the suite under xvfb-run';
  return null;
}

test.describe('desktop app', () => {
  const reason = skipReason();
  test.skip(reason !== null, reason ?? '');

  let app: ElectronApplication;
  let page: Page;
  let profile: string;

  test.beforeAll(async () => {
    for (const built of ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html']) {
      if (!existsSync(join(root, built))) throw new Error(`${built} is missing: run npm run build first.`);
    }
    profile = mkdtempSync(join(tmpdir(), 'roadmap-electron-profile-'));
    // Chromium refuses to start its sandbox as root (containers, CI); the page stays sandboxed
    // by the app's own webPreferences either way.
    const rootUser = process.getuid?.() === 0;
    app = await electron.launch({
      executablePath: binary.path ?? undefined,
      args: [...(rootUser ? ['--no-sandbox'] : []), `--user-data-dir=${profile}`, root],
      cwd: root,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  test('opens one window called Roadmap Planner', async () => {
    // The window is named after the screen it shows, as in the browser: the library first.
    await expect(page).toHaveTitle('Your plans — Roadmap Planner');
    const titles = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((window) => window.getTitle()));
    expect(titles).toEqual(['Your plans — Roadmap Planner']);
  });

  test('serves the app from app://roadmap-planner', async () => {
    expect(page.url()).toMatch(/^app:\/\/roadmap-planner\//);
    expect(await page.evaluate(() => window.location.origin)).toBe('app://roadmap-planner');
  });

  test('sends the Content-Security-Policy with the page', async () => {
    const csp = await page.evaluate(async () => (await fetch('./index.html')).headers.get('content-security-policy'));
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  test('gives the page the bridge with exactly its functions', async () => {
    const api = await page.evaluate(() => {
      const host = (window as unknown as Record<string, Record<string, unknown> | undefined>).roadmapHost ?? {};
      return Object.keys(host).sort().map((key) => [key, typeof host[key]]);
    });
    expect(api).toEqual([
      ['appInfo', 'function'],
      ['listBackups', 'function'],
      ['openBackupsFolder', 'function'],
      ['openFile', 'function'],
      ['printToPdf', 'function'],
      ['readBackup', 'function'],
      ['saveFile', 'function'],
      ['writeBackup', 'function'],
    ]);
  });

  test('keeps Node out of the page', async () => {
    const globals = await page.evaluate(() => {
      const scope = globalThis as Record<string, unknown>;
      return { require: typeof scope.require, process: typeof scope.process, module: typeof scope.module, Buffer: typeof scope.Buffer };
    });
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined' });
  });

  test('answers over IPC, with the temporary profile as its data folder', async () => {
    const info = await page.evaluate(async () => {
      const host = (window as unknown as { roadmapHost: { appInfo(): Promise<{ name: string; userDataPath: string }> } }).roadmapHost;
      return host.appInfo();
    });
    expect(info.name).toBe('Roadmap Planner');
    expect(info.userDataPath).toBe(profile);
  });

  test('refuses to leave the app or open windows', async () => {
    const opened = await page.evaluate(() => window.open('http://example.org/') === null);
    expect(opened).toBe(true);
    await page.evaluate(() => {
      window.location.href = 'file:///etc/hosts';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/roadmap-planner\//);
    expect(app.windows()).toHaveLength(1);
  });

  test('shows the library of plans', async () => {
    await expect(page.getByRole('heading', { name: /plans/i }).first()).toBeVisible();
  });

  test('saves the board packet as a tagged PDF with bookmarks through printToPDF and the atomic write', async () => {
    const library = new LibraryPage(page);
    await library.createPlan('Desktop packet', 'Riverside Unified');
    const planUrl = page.url();
    await page.evaluate((url) => { window.location.hash = `${new URL(url).hash}/report/packet`; }, planUrl);
    await expect(page.getByRole('heading', { level: 2, name: 'Tight & loose' })).toBeVisible();
    const target = join(profile, 'Desktop packet – Board packet.pdf');
    // The save dialog answers with a path in the throwaway profile.
    await app.evaluate(({ dialog }, filePath) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath })) as typeof dialog.showSaveDialog;
    }, target);
    await page.getByRole('button', { name: 'Save PDF…' }).click();
    await expect(page.getByText(`Saved the PDF to ${target}.`)).toBeVisible({ timeout: 30_000 });
    expect(readFileSync(target).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const info = execFileSync('pdfinfo', [target], { encoding: 'utf8' });
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(execFileSync('pdftotext', [target, '-'], { encoding: 'utf8' })).toMatch(/Page 1 of \d+/);
    expect(readdirSync(profile).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('backs up an edited plan into the Backups folder, lists the backup and restores it as a new plan', async () => {
    const library = new LibraryPage(page);
    const plan = new PlanPage(page);
    await page.evaluate(() => { window.location.hash = '#/'; });
    await library.createPlan('Desktop backups', 'Lakeside District');
    const planId = /#\/plans\/([^/]+)/.exec(page.url())?.[1] ?? '';
    expect(planId).not.toBe('');
    await plan.fill('Number of schools', '23');
    await plan.expectSaved();

    // The first change is backed up at once, whole: a plan file named with the time and the plan.
    const folder = join(profile, 'Backups', planId);
    await expect.poll(() => (existsSync(folder) ? readdirSync(folder) : []), { timeout: 15_000 }).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z Desktop backups\.roadmap\.json$/)]);
    const [name] = readdirSync(folder);
    const saved = JSON.parse(readFileSync(join(folder, name ?? ''), 'utf8')) as { plan: { name: string; profile: { schoolCount: number } } };
    expect(saved.plan.name).toBe('Desktop backups');
    expect(saved.plan.profile.schoolCount).toBe(23);

    // Listed in the library's Backups, and restored as a new plan beside the original.
    await plan.backToLibrary();
    await page.getByRole('button', { name: 'Backups' }).click();
    const dialog = page.getByRole('dialog', { name: 'Backups' });
    await expect(dialog.getByRole('heading', { name: 'Desktop backups' })).toBeVisible();
    await expect(dialog.getByText(`Folder: ${join(profile, 'Backups')}`)).toBeVisible();
    await dialog.getByRole('button', { name: 'Restore as a new plan' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Desktop backups (restored)' })).toBeVisible();
    await expect(plan.field('Number of schools')).toHaveValue('23');
    await plan.backToLibrary();
    await expect(library.row('Desktop backups')).toBeVisible();
    await expect(library.row('Desktop backups (restored)')).toBeVisible();
    // The library says when each plan was last backed up.
    await expect(library.plansTable.getByRole('columnheader', { name: 'Last backed up' })).toBeVisible();
    await expect(library.row('Desktop backups').getByRole('cell').nth(4)).toHaveText(/ ago$/);

    // A backup damaged on disk is refused with its name; the others are still listed.
    writeFileSync(join(folder, name ?? ''), '{"format":"roadmap-planner.plan", "pla');
    await page.getByRole('button', { name: 'Backups' }).click();
    await dialog.getByRole('button', { name: 'Restore as a new plan' }).first().click();
    await expect(dialog.getByText(`Could not restore “${name}”`)).toBeVisible();
    await expect(dialog.getByText(/is damaged: it is not a complete plan file/)).toBeVisible();
    expect(readdirSync(folder).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });
});
