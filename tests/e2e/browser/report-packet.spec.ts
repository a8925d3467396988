import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LibraryPage } from './library-page';
import { expectNoAxeViolations, FIXTURES_DIR, SCREENSHOT_DIR } from '../support';

const SHOTS = '/tmp/packet-shots';
/** Quotes, a backslash and an emoji: the name printed in every page's margin must come out as typed. */
const PLAN = 'Cedar Ridge "blended" \\ learning ☀️';

interface FixturePlan {
  plan: { id: string; name: string };
  phases: { id: string; name: string }[];
  areas: { id: string; name: string }[];
  waves: { id: string; name: string }[];
  fundingSources: unknown[];
  allocations: unknown[];
}

const uuid = (n: number) => `bbbbbbbb-bbbb-4bbb-8bbb-${String(n).padStart(12, '0')}`;

/**
 * The Cedar Ridge plan (the Pilot-to-scale template with 40 schools in two waves) with money:
 * a federal grant that pays coaches past its end (a funding cliff), devices, a foundation's
 * training and a district line. $1,850,000 in all.
 */
function planWithMoney(path: string, phaseCount = 4): FixturePlan {
  const file = JSON.parse(readFileSync(join(FIXTURES_DIR, 'resources-plan.roadmap.json'), 'utf8')) as FixturePlan;
  const planId = file.plan.id;
  file.plan.name = PLAN;
  // A longer plan: more sustain years, one school year each, after the four of the template.
  const last = file.phases.at(-1);
  for (let i = file.phases.length; i < phaseCount && last; i += 1) {
    file.phases.push({ ...last, id: uuid(200 + i), order: i, name: `Sustain year ${i - 2}`, start: `${2027 + i}-08-01`, end: `${2028 + i}-07-31` } as FixturePlan['phases'][number]);
  }
  const [pilot, expand, scale] = file.phases;
  const [coaching, technology] = [file.areas[3], file.areas[4]];
  if (!pilot || !expand || !scale || !coaching || !technology || !file.waves[1]) throw new Error('the fixture changed: it needs four phases, six areas and two waves');
  file.fundingSources = [
    { id: uuid(1), planId, order: 0, name: 'ESSER III', amountCents: 1_500_000_00, type: 'federal-grant', start: '2027-07-01', end: '2029-09-30', obligateBy: '2029-06-30', notes: '' },
    { id: uuid(2), planId, order: 1, name: 'Foundation', amountCents: 500_000_00, type: 'philanthropy', start: '2028-01-01', end: '2031-06-30', obligateBy: null, notes: '' },
  ];
  const line = (n: number, fields: Record<string, unknown>) => ({
    id: uuid(100 + n), planId, recipient: { kind: 'central' }, sourceId: null, kind: 'money', recurrence: 'one-time', untilPhaseId: null,
    perSchool: false, staffCost: null, flexible: false, areaId: null, note: '', ...fields,
  });
  file.allocations = [
    line(1, { phaseId: pilot.id, sourceId: uuid(1), amount: 400_000_00, recurrence: 'ongoing', untilPhaseId: expand.id, areaId: coaching.id, note: 'Instructional coaches' }),
    line(2, { phaseId: pilot.id, sourceId: uuid(1), amount: 600_000_00, areaId: technology.id, note: 'Devices' }),
    line(3, { phaseId: expand.id, sourceId: uuid(2), amount: 200_000_00, areaId: coaching.id, note: 'Summer training' }),
    line(4, { phaseId: scale.id, recipient: { kind: 'wave', waveId: file.waves[1].id }, amount: 250_000_00, note: 'Wave 2 start-up' }),
  ];
  writeFileSync(path, JSON.stringify(file));
  return file;
}

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Every page's size in points, from pdfinfo. */
function pageSizes(pdf: string, pages: number): { width: number; height: number }[] {
  const out = run('pdfinfo', ['-f', '1', '-l', String(pages), pdf]);
  return [...out.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

/** The smallest word box height in the PDF, from pdftotext's word boxes. */
function smallestWordHeight(pdf: string): { height: number; word: string } {
  const html = run('pdftotext', ['-bbox-layout', pdf, '-']);
  let smallest = { height: Infinity, word: '' };
  for (const m of html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    const height = Number(m[4]) - Number(m[2]);
    if (height < smallest.height) smallest = { height, word: m[5] ?? '' };
  }
  return smallest;
}

/** The first page (1-based) whose text holds `text`. */
function pageWith(pdf: string, pages: number, text: string): number {
  for (let n = 1; n <= pages; n += 1) {
    if (squeeze(run('pdftotext', ['-f', String(n), '-l', String(n), pdf, '-'])).includes(text)) return n;
  }
  throw new Error(`No page of the packet holds “${text}”.`);
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ');

async function openPacket(page: Page, planId: string) {
  await page.goto(`/#/plans/${planId}/report/packet`);
  await expect(page.getByRole('heading', { level: 1, name: PLAN })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Milestones and gates' })).toBeVisible();
}

test('a planner prints the board packet: every section, on paper that reads well', async ({ page }, testInfo) => {
  const file = planWithMoney(testInfo.outputPath('cedar-ridge.roadmap.json'));
  const library = new LibraryPage(page);
  await library.goto();
  await library.importFile(testInfo.outputPath('cedar-ridge.roadmap.json'));
  await expect(page.getByRole('heading', { level: 1, name: PLAN })).toBeVisible();

  await openPacket(page, file.plan.id);
  const toolbar = page.getByRole('navigation', { name: 'Report' });
  await expect(toolbar.getByRole('link', { name: 'Back to plan' })).toHaveAttribute('href', `#/plans/${file.plan.id}`);
  await expect(toolbar.getByRole('button', { name: 'Print or save as PDF…' })).toBeVisible();
  await expect(toolbar.getByRole('button', { name: 'Save read-only copy (.html)…' })).toBeVisible();
  for (const name of ['Vision and outcome measures', 'Roadmap timeline', 'Tight & loose', 'The seven decisions', 'Waves and schools', 'Money by fiscal year', 'Open warnings']) {
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  }
  await expectNoAxeViolations(page, 'the board packet');
  await page.screenshot({ path: testInfo.outputPath('screen.png') });

  const pdf = testInfo.outputPath('packet.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });

  const info = run('pdfinfo', [pdf]);
  expect(info).toMatch(/^Tagged:\s+yes$/m);
  const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]);
  expect(pages).toBeGreaterThan(6);

  // Letter portrait for most sections, letter landscape for the timeline and the matrix.
  const sizes = pageSizes(pdf, pages);
  expect(sizes).toHaveLength(pages);
  const portrait = sizes.filter((s) => Math.round(s.width) === 612 && Math.round(s.height) === 792).length;
  const landscape = sizes.filter((s) => Math.round(s.width) === 792 && Math.round(s.height) === 612).length;
  expect(portrait + landscape).toBe(pages);
  // The four-year timeline prints as two slices of two school years, then the matrix.
  expect(landscape).toBeGreaterThanOrEqual(3);
  expect(sizes[0]).toEqual({ width: 612, height: 792 });

  const layout = run('pdftotext', ['-layout', pdf, '-']);
  const text = squeeze(run('pdftotext', [pdf, '-']));
  expect(layout).toContain(`Page 1 of ${pages}`);
  expect(layout).toContain(`Page ${pages} of ${pages}`);
  // The name in the margin of every page, quotes, backslash and emoji intact.
  expect(layout.split(PLAN).length - 1).toBeGreaterThanOrEqual(pages);
  for (const { name } of [...file.phases, ...file.areas, ...file.waves]) expect(text, `“${name}” in the packet`).toContain(name);
  for (const money of ['$1,850,000', '$1,400,000', 'ESSER III', 'Foundation', 'District budget']) expect(text).toContain(money);
  expect(text).toContain('FY2030: cliff year');
  for (const stance of ['Tight', 'Shared', 'Loose']) expect(text).toContain(stance);
  expect(text).toContain('2027–28');

  // Nothing printed smaller than 8 pt. pdftotext's word box runs from the font's ascent to its
  // descent, about 1.16 em for the system sans serif here: 8 pt text gives a box 9.3 pt high,
  // 7.5 pt text 8.7 pt. The bound sits between the two.
  const smallest = smallestWordHeight(pdf);
  expect(smallest.height, `smallest word “${smallest.word}”`).toBeGreaterThanOrEqual(8.9);

  // The pages, to look at (and a few kept beside the other screenshots).
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  run('pdftoppm', ['-png', '-r', '50', pdf, join(SHOTS, 'page')]);
  const shots = readdirSync(SHOTS).filter((f) => f.endsWith('.png')).sort();
  expect(shots).toHaveLength(pages);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  for (const [name, heading] of [['timeline', 'Roadmap timeline'], ['tight-loose', 'Rationales and guardrails'], ['money', 'Money by phase']] as const) {
    const shot = shots[pageWith(pdf, pages, heading) - 1];
    if (shot) copyFileSync(join(SHOTS, shot), join(SCREENSHOT_DIR, `report-packet-${name}.png`));
  }
});

test('school briefs open for one wave, in the plan\'s school order, from a link that names it', async ({ page }, testInfo) => {
  const file = planWithMoney(testInfo.outputPath('cedar-ridge.roadmap.json'));
  const library = new LibraryPage(page);
  await library.goto();
  await library.importFile(testInfo.outputPath('cedar-ridge.roadmap.json'));
  await expect(page.getByRole('heading', { level: 1, name: PLAN })).toBeVisible();

  const wave = file.waves[1];
  if (!wave) throw new Error('the fixture changed: it needs two waves');
  await page.goto(`/#/plans/${file.plan.id}/report/briefs?wave=${wave.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `${PLAN}: School briefs` })).toBeAttached();
  const briefs = page.getByRole('heading', { level: 2 });
  await expect(briefs).toHaveCount(12);
  await expect(briefs.first()).toHaveText('Glenmore Elementary');
  await expect(briefs.last()).toHaveText('Riverbend High');
  const toolbar = page.getByRole('navigation', { name: 'Report' });
  await expect(toolbar.getByRole('button', { name: 'Print or save as PDF…' })).toBeVisible();
  // The read-only copy is the packet's; briefs are printed only.
  await expect(toolbar.getByRole('button', { name: /read-only copy/ })).toHaveCount(0);

  await toolbar.getByRole('link', { name: 'Back to plan' }).click();
  await expect(page).toHaveURL(new RegExp(`#/plans/${file.plan.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: PLAN })).toBeVisible();
});

test('a twelve-year plan prints its timeline on six landscape pages, two school years each', async ({ page }, testInfo) => {
  const file = planWithMoney(testInfo.outputPath('cedar-ridge-long.roadmap.json'), 12);
  const library = new LibraryPage(page);
  await library.goto();
  await library.importFile(testInfo.outputPath('cedar-ridge-long.roadmap.json'));
  await expect(page.getByRole('heading', { level: 1, name: PLAN })).toBeVisible();
  await openPacket(page, file.plan.id);
  const slices = page.getByRole('table', { name: /^Roadmap, / });
  await expect(slices).toHaveCount(6);
  await expect(slices.first()).toHaveAccessibleName('Roadmap, Aug 2027 – Jul 2029');
  await expect(slices.last()).toHaveAccessibleName('Roadmap, Aug 2037 – Jul 2039');

  const pdf = testInfo.outputPath('packet-long.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
  const pages = Number(/^Pages:\s+(\d+)$/m.exec(run('pdfinfo', [pdf]))?.[1]);
  const timelineFrom = pageWith(pdf, pages, 'Roadmap timeline');
  const sizes = pageSizes(pdf, pages);
  // Six slices, each on a landscape page of its own, each with its own school-year header.
  const timelinePages = sizes.slice(timelineFrom - 1, timelineFrom + 5);
  expect(timelinePages.every((s) => s.width > s.height)).toBe(true);
  for (let n = 0; n < 6; n += 1) {
    const text = run('pdftotext', ['-f', String(timelineFrom + n), '-l', String(timelineFrom + n), pdf, '-']);
    expect(text).toContain(`${2027 + 2 * n}–${String(2028 + 2 * n).slice(2)}`);
    expect(text).toContain(`${2028 + 2 * n}–${String(2029 + 2 * n).slice(2)}`);
  }
  const text = squeeze(run('pdftotext', [pdf, '-']));
  for (const { name } of file.phases) expect(text).toContain(name);
  rmSync(join(SHOTS, 'long'), { recursive: true, force: true });
  mkdirSync(join(SHOTS, 'long'), { recursive: true });
  run('pdftoppm', ['-png', '-r', '50', pdf, join(SHOTS, 'long', 'page')]);
});
