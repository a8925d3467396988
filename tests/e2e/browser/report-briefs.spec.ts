import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { AllocationRow, PlanBundle } from '../../../renderer/src/domain/schemas';
import { LibraryPage } from './library-page';
import { PlanPage } from './plan-page';
import { expectNoAxeViolations, FIXTURES_DIR, SCREENSHOT_DIR } from '../support';

// Riverside Unified's leaders print a one-page brief for each principal: 40 schools in three
// waves (5, 15 and the rest), with money for each wave.
const ROSTER = `${FIXTURES_DIR}riverside-unified-roster.csv`;
const PLAN = 'Riverside briefs';
const SHOTS = '/tmp/briefs-shots/';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const grid = (page: Page) => page.getByRole('grid', { name: 'Allocations by phase' });
const cell = (page: Page, row: string, phase: string) => grid(page).getByRole('gridcell', { name: new RegExp(`^${escape(row)}, ${escape(phase)}: `) });

/** Each roster school's name, in roster order. */
function rosterNames(): string[] {
  return readFileSync(ROSTER, 'utf8').split(/\r?\n/).slice(1).filter((line) => line.trim() !== '').map((line) => line.split(',')[0] ?? '');
}

/** Types an amount of money into a wave's cell for a phase. */
async function addMoney(page: Page, wave: string, phase: string, amount: string): Promise<void> {
  await cell(page, wave, phase).click();
  await page.keyboard.type(amount);
  await page.keyboard.press('Enter');
  await expect(cell(page, wave, phase)).toHaveAccessibleName(new RegExp(`^${wave}, ${phase}: \\$`));
}

/** The titles of a PDF's outline (bookmarks), as Chromium writes them: plain strings, or UTF-16 in hex. */
function outlineTitles(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\/Title\s*(?:<FEFF([0-9A-F]*)>|\(((?:[^()\\]|\\.)*)\))/gi)]
    .map(([, hex, plain]) => (hex !== undefined ? Buffer.from(hex, 'hex').swap16().toString('utf16le') : (plain ?? '').replace(/\\(.)/g, '$1')));
}

/** The report as Chromium prints it, the way the app saves it: tagged, with an outline. */
async function printPdf(page: Page, path: string): Promise<{ pages: number; info: string; text: (page: number) => string }> {
  await page.emulateMedia({ media: 'print' });
  writeFileSync(path, await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true }));
  await page.emulateMedia({ media: 'screen' });
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const text = (k: number) => execFileSync('pdftotext', ['-layout', '-f', String(k), '-l', String(k), path, '-'], { encoding: 'utf8' });
  return { pages, info, text };
}

test('a planner prints a one-page brief for each principal: all schools, or one wave', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  const library = new LibraryPage(page);
  await library.goto();
  await library.createPlan(PLAN, 'Riverside Unified', /Template: Pilot to scale — balanced/);
  const planId = /#\/plans\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  expect(planId, 'the plan’s address names it').toBeDefined();
  const plan = new PlanPage(page);

  // The sample roster, and waves of 5, 15 and the rest as proposed.
  await plan.openSection('Schools');
  const dialog = await plan.openRosterImport(ROSTER);
  await dialog.getByRole('button', { name: 'Import 40 schools' }).click();
  await expect(dialog).toBeHidden();
  await plan.expectSaved();
  await plan.openSection('Need & readiness');
  await plan.fill('Weight of Staff Readiness Survey (1-5)', '30');
  await plan.expectSaved();
  await plan.openSection('Waves');
  await plan.fill('Schools per wave', '5, 15, the rest');
  await page.getByRole('button', { name: 'Propose' }).click();
  await page.getByRole('button', { name: 'Apply these waves' }).click();
  await expect(page.getByText('Applied 3 waves: 40 schools placed.')).toBeVisible();
  await plan.expectSaved();
  // Money for each wave: the pilot's for the wave as a whole ($400,000 over 5 schools), the
  // others' too ($900,000 over 15, $600,000 over 20): each school's share is $80,000, $60,000, $30,000.
  await plan.openSection('Resources');
  await addMoney(page, 'Wave 1', 'Pilot', '400000');
  await addMoney(page, 'Wave 2', 'Expand', '900000');
  await addMoney(page, 'Wave 3', 'Scale', '600000');
  await plan.expectSaved();
  const share: Record<string, string> = { 'Wave 1': '$80,000', 'Wave 2': '$60,000', 'Wave 3': '$30,000' };
  const phaseOf: Record<string, string> = { 'Wave 1': 'Pilot', 'Wave 2': 'Expand', 'Wave 3': 'Scale' };

  // Every school's brief, one page each.
  await page.goto(`/#/plans/${planId}/report/briefs`);
  await expect(page.getByRole('heading', { level: 2, name: 'Lincoln Elementary' })).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(40);
  const all = await printPdf(page, testInfo.outputPath('all-briefs.pdf'));
  expect(all.info).toMatch(/^Tagged:\s+yes/m);
  expect(all.pages, 'one page per school').toBe(40);
  // Each school is a bookmark in the PDF's outline.
  const titles = outlineTitles(readFileSync(testInfo.outputPath('all-briefs.pdf')));
  for (const name of rosterNames()) expect(titles, `${name} in the outline`).toContain(name);
  const seen: string[] = [];
  const perWave = new Map<string, number>();
  for (let k = 1; k <= all.pages; k += 1) {
    const text = all.text(k);
    const names = rosterNames().filter((name) => new RegExp(`^\\s*${escape(name)}\\s*$`, 'm').test(text));
    expect(names, `page ${k} is one school's brief`).toHaveLength(1);
    const school = names[0] as string;
    seen.push(school);
    const wave = /Joins with (Wave \d) in (\w+)/.exec(text);
    expect(wave, `page ${k}: ${school}'s wave and when it joins`).not.toBeNull();
    const [, waveName = '', phase] = wave ?? [];
    expect(phase, `page ${k}: ${school} joins in its wave's phase`).toBe(phaseOf[waveName]);
    expect(text, `page ${k}: ${school}'s share of ${waveName}'s money`).toContain(share[waveName]);
    perWave.set(waveName, (perWave.get(waveName) ?? 0) + 1);
    expect(text, `page ${k}: what the central office holds tight`).toContain('The central office holds tight');
    expect(text, `page ${k}: the scores`).toMatch(/Need: \d+ of 100/);
  }
  expect([...seen].sort()).toEqual([...rosterNames()].sort());
  expect(Object.fromEntries(perWave)).toEqual({ 'Wave 1': 5, 'Wave 2': 15, 'Wave 3': 20 });

  // A look at the pages, as a principal would see them.
  const png = testInfo.outputPath('brief');
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '3', testInfo.outputPath('all-briefs.pdf'), png]);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', testInfo.outputPath('all-briefs.pdf'), `${SHOTS}brief-80`]);
  for (const file of ['brief-01.png', 'brief-02.png', 'brief-03.png']) copyFileSync(testInfo.outputPath(file), `${SHOTS}${file}`);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  copyFileSync(`${SHOTS}brief-80-01.png`, `${SCREENSHOT_DIR}report-brief.png`);

  // Only Wave 2's schools: fifteen pages.
  const waveFile = testInfo.outputPath('plan.roadmap.json');
  await page.goto(`/#/plans/${planId}`);
  await expect(page.getByRole('heading', { level: 1, name: PLAN })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+e');
  await (await download).saveAs(waveFile);
  const file = JSON.parse(readFileSync(waveFile, 'utf8')) as { waves: { id: string; name: string }[] };
  const wave2 = file.waves.find((w) => w.name === 'Wave 2');
  expect(wave2).toBeDefined();
  await page.goto(`/#/plans/${planId}/report/briefs?wave=${wave2?.id}`);
  await expect(page.getByRole('article')).toHaveCount(15);
  await expectNoAxeViolations(page, 'school briefs of one wave');
  const one = await printPdf(page, testInfo.outputPath('wave-2-briefs.pdf'));
  expect(one.pages).toBe(15);
  for (let k = 1; k <= one.pages; k += 1) {
    const text = one.text(k);
    expect(text, `page ${k}`).toContain('Joins with Wave 2 in Expand');
    expect(text, `page ${k}`).toContain('$60,000');
  }
});

/**
 * A plan as full as a planner can make it, around two schools: twelve phases, eighteen areas
 * with long guardrails, thirty-odd lines, sixteen indicators more, names at their longest.
 * Made from the app's own plan file of a plan from the template, given a new id.
 */
function fullPlan(file: PlanBundle): { bundle: PlanBundle; names: [string, string] } {
  const bundle: PlanBundle = { ...file, plan: { ...file.plan, id: randomUUID(), name: 'A very full plan' } };
  const planId = bundle.plan.id;
  // Every record moves to the new plan, under new ids where others point at them.
  const phaseIds = new Map(bundle.phases.map((p) => [p.id, randomUUID()]));
  const areaIds = new Map(bundle.areas.map((a) => [a.id, randomUUID()]));
  bundle.phases = bundle.phases.map((p) => ({ ...p, planId, id: phaseIds.get(p.id) as string }));
  bundle.areas = bundle.areas.map((a) => ({ ...a, planId, id: areaIds.get(a.id) as string }));
  bundle.stances = bundle.stances.map((st) => ({ ...st, planId, id: randomUUID(), areaId: areaIds.get(st.areaId) as string, phaseId: phaseIds.get(st.phaseId) as string }));
  bundle.positions = bundle.positions.map((po) => ({ ...po, planId, id: randomUUID(), phaseId: phaseIds.get(po.phaseId) as string }));
  bundle.milestones = bundle.milestones.map((m) => ({ ...m, planId, id: randomUUID(), phaseId: m.phaseId === null ? null : (phaseIds.get(m.phaseId) as string) }));
  bundle.outcomes = bundle.outcomes.map((o) => ({ ...o, planId, id: randomUUID(), targets: o.targets.map((t) => ({ ...t, phaseId: phaseIds.get(t.phaseId) as string })) }));
  bundle.indicators = bundle.indicators.map((i) => ({ ...i, planId, id: randomUUID() }));

  const long = (words: string, chars: number) => words.repeat(Math.ceil(chars / words.length)).slice(0, chars).trim();
  const last = [...bundle.phases].sort((a, b) => a.order - b.order).at(-1);
  if (!last) throw new Error('the template has phases');
  for (let i = 0; i < 8; i += 1) {
    const year = Number(last.start.slice(0, 4)) + 1 + i;
    bundle.phases.push({ ...last, id: randomUUID(), order: 4 + i, name: `Sustain, year ${i + 2}`, kind: 'sustain', start: `${year}-08-01`, end: `${year + 1}-07-31`, goal: long('Keep every school improving with its own coaches and data. ', 600) });
  }
  const phases = [...bundle.phases].sort((a, b) => a.order - b.order);
  const first = phases[0];
  const final = phases.at(-1);
  if (!first || !final) throw new Error('the plan has phases');
  for (let i = 0; i < 12; i += 1) {
    const area = { id: randomUUID(), planId, order: 6 + i, name: long(`Area of implementation number ${i + 1} that the planner named at length `, 120), description: '', builtIn: false };
    bundle.areas.push(area);
    bundle.stances.push({
      id: randomUUID(), planId, areaId: area.id, phaseId: first.id, stance: i % 3 === 0 ? 'tight' : i % 3 === 1 ? 'loose' : 'shared',
      rationale: long('Because it matters. ', 2000), rationaleOrigin: 'planner', owner: 'Chief academic officer',
      guardrails: Array.from({ length: 6 }, (_, g) => long(`Guardrail ${g + 1}: a central standard written out in full detail `, 150)).join('\n'),
    });
  }
  const wave = { id: randomUUID(), planId, order: 0, name: long('The first wave of schools, named at length ', 120), phaseId: first.id, notes: '' };
  const longName = long('Escuela Primaria “Peña” 🌱 מרכז לימוד ', 120);
  const shortName = 'Lincoln Elementary';
  const indicators = Array.from({ length: 16 }, (_, i) => ({
    id: randomUUID(), planId, order: 20 + i, name: long(`Indicator ${i + 1} measured every spring across the district `, 100), side: i % 2 === 0 ? 'need' as const : 'readiness' as const,
    weight: 10 + i, direction: 'higher-is-more' as const, source: 'value' as const, unit: 'points', range: null,
  }));
  bundle.indicators.push(...indicators);
  const values = (seed: number) => Object.fromEntries(indicators.map((ind, i) => [ind.id, (seed * 37 + i * 11) % 100]));
  bundle.schools = [longName, shortName].map((name, i) => ({ id: randomUUID(), planId, order: i, name, code: long('RUSD-', 40), gradeBand: 'PK-12', students: 99_999, frlPercent: 99.9, values: values(i + 1), waveId: wave.id }));
  bundle.waves = [wave];
  const source = { id: randomUUID(), planId, order: 0, name: long('A federal grant with a long official name ', 120), amountCents: 99_000_000_00, type: 'federal-grant' as const, start: first.start, end: final.end, obligateBy: null, notes: '' };
  bundle.fundingSources = [source];
  const kinds = ['money', 'staff-fte', 'devices', 'training-hours'] as const;
  const allocations: AllocationRow[] = [];
  for (const [i, phase] of phases.entries()) {
    for (const school of bundle.schools) {
      allocations.push({
        id: randomUUID(), planId, phaseId: phase.id, recipient: { kind: 'school', schoolId: school.id }, sourceId: source.id, kind: kinds[i % 4] ?? 'money', amount: i % 4 === 0 ? 1_234_567_89 : 12.5,
        recurrence: 'ongoing', untilPhaseId: final.id, perSchool: false, staffCost: null, flexible: i % 2 === 0, areaId: bundle.areas.at(-1)?.id ?? null, note: long('A note. ', 120),
      });
    }
    allocations.push({
      id: randomUUID(), planId, phaseId: phase.id, recipient: { kind: 'wave', waveId: wave.id }, sourceId: source.id, kind: 'money', amount: 9_876_543_21,
      recurrence: 'one-time', untilPhaseId: null, perSchool: i % 2 === 0, staffCost: null, flexible: false, areaId: bundle.areas.at(-2)?.id ?? null, note: '',
    });
  }
  bundle.allocations = allocations;
  return { bundle, names: [longName, shortName] };
}

test('a school with a very full plan still gets exactly one page', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const library = new LibraryPage(page);
  await library.goto();
  await library.createPlan('Template plan', 'Riverside Unified', /Template: Pilot to scale — balanced/);
  const exported = testInfo.outputPath('template.roadmap.json');
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+e');
  await (await download).saveAs(exported);
  const file = JSON.parse(readFileSync(exported, 'utf8')) as PlanBundle & Record<string, unknown>;
  const { bundle, names } = fullPlan(file);
  const path = testInfo.outputPath('full.roadmap.json');
  writeFileSync(path, JSON.stringify({ ...file, ...bundle }, null, 2));

  await library.goto();
  await library.importFile(path);
  await expect(page.getByRole('heading', { level: 1, name: bundle.plan.name })).toBeVisible();
  const planId = /#\/plans\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  await page.goto(`/#/plans/${planId}/report/briefs?schools=${bundle.schools.map((s) => s.id).join(',')}`);
  await expect(page.getByRole('article')).toHaveCount(2);
  const pdf = await printPdf(page, testInfo.outputPath('full-briefs.pdf'));
  expect(pdf.pages, 'one page per school, however full').toBe(2);
  const first = pdf.text(1);
  expect(first).toContain(names[0].slice(0, 20));
  // Long lists end in "and N more", and the totals still count everything.
  expect(first).toMatch(/and \d+ more phases, through Sustain, year 9/);
  expect(first).toMatch(/and \d+ more lines, counted in the totals below/);
  expect(first).toMatch(/and \d+ more indicators/);
  expect(first).toMatch(/Money in all: \$[\d,]+/);
  expect(pdf.text(2)).toContain(names[1]);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', testInfo.outputPath('full-briefs.pdf'), `${SHOTS}full`]);
});
