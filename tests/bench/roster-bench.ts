/**
 * A district-sized roster: a 2,000-row CSV export read, checked and written into a plan by the
 * app's own import path (the one the import dialog runs), against splitting the text by hand and
 * putting the rows into bare IndexedDB. Each run imports into the same small plan of the
 * library; the schools are removed again (untimed) after every run.
 */
import { newId } from '../../renderer/src/domain/ids';
import { parseCsv } from '../../renderer/src/domain/roster-csv';
import { checkRoster, guessChoices, importRecords } from '../../renderer/src/domain/roster-import';
import type { PlanStore } from '../../renderer/src/storage/plan-store';
import { requestDone, transactionDone } from './raw-idb';
import { check, median, timed, type Measure } from './measure';

export const ROSTER_ROWS = 2_000;
/** Rows written broken on purpose (a missing enrollment), so the problem path runs too. */
const BROKEN_EVERY = 250;

/** Semicolons, a byte-order mark, decimal commas, thousands separators and quoted names, as real exports have. */
export function rosterCsv(rows: number): string {
  const lines = ['\uFEFFSchool Name;School Code;Grades;Total Enrollment;% FRL;Chronic Absence %;Leadership Commitment (1-5);Staff Buy-in %;Notes'];
  for (let i = 0; i < rows; i += 1) {
    const students = 180 + ((i * 37) % 2200);
    const enrollment = i % BROKEN_EVERY === 7 ? 'n/a' : students >= 1000 ? `"${Math.floor(students / 1000)},${String(students % 1000).padStart(3, '0')}"` : String(students);
    const name = i % 50 === 3 ? `"School ${i + 1}; Annex"` : `School ${i + 1}`;
    lines.push([name, `R-${10_000 + i}`, ['K-5', '6-8', '9-12'][i % 3], enrollment, `${(i * 13) % 100},${i % 10}`, `${(i * 7) % 30},${i % 10}`, String(1 + (i % 5)), `${20 + ((i * 11) % 80)}%`, i % 9 === 0 ? '"Shares a building"' : ''].join(';'));
  }
  return `${lines.join('\r\n')}\r\n\r\n`;
}

export async function benchRosterImport(options: { reps: number; store: PlanStore; raw: IDBDatabase; planId: string }): Promise<Measure> {
  const { store, raw, planId } = options;
  const text = rosterCsv(ROSTER_ROWS);
  const expected = ROSTER_ROWS - Math.ceil((ROSTER_ROWS - 7) / BROKEN_EVERY);
  const before = new Set((await store.loadCollection(planId, 'schools')).map((s) => s.id));
  const appSamples: number[] = [];
  const rawSamples: number[] = [];
  for (let rep = -1; rep < options.reps; rep += 1) {
    const runApp = () => timed(async () => {
      const indicators = await store.loadCollection(planId, 'indicators');
      const parsed = parseCsv(text);
      const choices = guessChoices(parsed, indicators);
      const result = checkRoster(parsed, choices);
      const records = importRecords(result, choices, parsed, planId, indicators);
      await store.importSchools(planId, records.schools, records.newIndicators);
    });
    let rawIds: string[] = [];
    const runRaw = () => timed(async () => {
      const rows = text.replace(/^\uFEFF/, '').split(/\r?\n/).slice(1).filter((line) => line.trim() !== '');
      rawIds = rows.map(() => newId());
      const tx = raw.transaction(['schools'], 'readwrite');
      const done = transactionDone(tx);
      const schools = tx.objectStore('schools');
      rows.forEach((line, order) => {
        const cells = line.split(';');
        schools.put({ id: rawIds[order], planId, order, name: cells[0], code: cells[1], gradeBand: cells[2], students: Number(cells[3]), frlPercent: null, values: {}, waveId: null });
      });
      await done;
    });
    const [appMs, rawMs] = rep % 2 === 0 ? [await runApp(), await runRaw()] : await (async () => { const r = await runRaw(); return [await runApp(), r]; })();
    const imported = (await store.loadCollection(planId, 'schools')).filter((s) => !before.has(s.id));
    if (rep === -1) {
      check(imported.length === expected, `the app imported ${imported.length} of the ${expected} good rows`);
      check(imported.some((s) => s.name === 'School 4; Annex' && s.students === 291), 'quoted names and values read back');
      const rawCount = await requestDone(raw.transaction(['schools']).objectStore('schools').index('planId').count(planId));
      check(rawCount >= rawIds.length, 'the raw rows were written');
    } else {
      appSamples.push(appMs);
      rawSamples.push(rawMs);
    }
    // Untimed: back to the plan as it was, on both sides.
    await store.deleteSchools(planId, imported.map((s) => s.id));
    const tx = raw.transaction(['schools'], 'readwrite');
    const done = transactionDone(tx);
    for (const id of rawIds) tx.objectStore('schools').delete(id);
    await done;
  }
  return {
    key: 'roster-import',
    group: 'storage',
    label: `import a ${ROSTER_ROWS.toLocaleString('en-US')}-row roster CSV (check and write)`,
    app: median(appSamples),
    raw: median(rawSamples),
    appSamples,
    rawSamples,
  };
}
