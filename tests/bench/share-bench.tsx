/**
 * The share formats on the large plan, each against the native export in the same run: the
 * plan read from the app's database and written as CSV (every table), a calendar, an MS Project
 * file, an Excel workbook, and the read-only HTML copy of the board packet. Each repetition does
 * the native export and every format once, in turn, so that both see the same machine.
 *
 * The HTML copy is timed as the planner waits for it: from the packet already on screen (the
 * report route shows it before the button is pressed) to the finished page text: reading the
 * plan, collecting the styles the packet uses, serializing it and embedding the plan file.
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { createRef } from 'react';
import type { PlanStore } from '../../renderer/src/storage/plan-store';
import { serializePlanFile } from '../../renderer/src/domain/plan-file';
import { nowTimestamp } from '../../renderer/src/domain/ids';
import { csvTable, CSV_TABLES } from '../../renderer/src/domain/csv-tables';
import { calendarFile } from '../../renderer/src/domain/calendar-file';
import { mspdiFile } from '../../renderer/src/domain/mspdi-file';
import { planWorkbook } from '../../renderer/src/domain/xlsx-workbook';
import { htmlCopyDocument, planFileTextFromHtml } from '../../renderer/src/domain/html-copy';
import { DEFAULT_REPORT_OPTIONS } from '../../renderer/src/domain/report-options';
import { collectReportCss, serializeForCopy } from '../../renderer/src/features/share/collect-styles';
import { PacketReport } from '../../renderer/src/features/share/report/PacketReport';
import { pageRules } from '../../renderer/src/features/share/report/page-style';
import '../../renderer/src/features/share/report/report.css';
import type { PlanBundle } from '../../renderer/src/domain/schemas';
import { check, gc, median, type Measure, type MeasureKey } from './measure';

const APP = { name: 'Roadmap Planner', version: 'bench' };

async function loaded(store: PlanStore, planId: string): Promise<PlanBundle> {
  const bundle = await store.loadBundle(planId);
  if (!bundle) throw new Error('The plan to share is missing');
  return bundle;
}

interface Format {
  key: MeasureKey;
  label: string;
  make: (bundle: PlanBundle) => Promise<string | Uint8Array> | string;
  /** What the result must hold, as a sanity check on the first run. */
  holds: (result: string | Uint8Array, bundle: PlanBundle) => boolean;
}

const text = (result: string | Uint8Array) => (typeof result === 'string' ? result : '');

export async function benchShareFormats({ reps, store, planId }: { reps: number; store: PlanStore; planId: string }): Promise<Measure[]> {
  // The packet on screen, as the report route shows it before "Save read-only copy" is pressed.
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  const shown = await loaded(store, planId);
  flushSync(() => root.render(
    <>
      <style>{pageRules(shown.plan.name)}</style>
      <main className="report-page-view"><div className="report report-packet"><PacketReport bundle={shown} options={DEFAULT_REPORT_OPTIONS} headingRef={createRef()} /></div></main>
    </>,
  ));
  const packet = host.querySelector('.report');
  check(packet !== null, 'the packet renders');
  try {
    const formats: Format[] = [
      {
        key: 'share-csv', label: `CSV, all ${CSV_TABLES.length} tables`,
        make: (b) => CSV_TABLES.map((t) => csvTable(b, t)).join(''),
        holds: (r, b) => b.schools.every((s) => text(r).includes(s.name)),
      },
      {
        key: 'share-ics', label: 'calendar (.ics)',
        make: (b) => calendarFile(b, { phases: true, milestones: true, gates: true }, new Date()),
        holds: (r, b) => (text(r).match(/BEGIN:VEVENT/g) ?? []).length >= b.phases.length + b.milestones.length,
      },
      {
        key: 'share-mspdi', label: 'MS Project (.xml)',
        make: (b) => mspdiFile(b),
        holds: (r, b) => (text(r).match(/<Task>/g) ?? []).length >= b.phases.length + b.milestones.length,
      },
      {
        key: 'share-xlsx', label: 'spreadsheet (.xlsx)',
        make: (b) => planWorkbook(b),
        holds: (r) => r instanceof Uint8Array && r[0] === 0x50 && r[1] === 0x4b,
      },
      {
        key: 'share-html', label: 'read-only copy (.html) of the board packet',
        make: (b) => htmlCopyDocument({
          title: b.plan.name,
          lang: 'en',
          bodyHtml: serializeForCopy(packet as Element),
          css: collectReportCss(packet as Element),
          planFileText: serializePlanFile(b, APP, nowTimestamp()),
        }),
        holds: (r, b) => {
          const embedded = planFileTextFromHtml(text(r));
          return embedded.ok && embedded.text.includes(b.plan.id) && b.phases.every((p) => text(r).includes(p.name));
        },
      },
    ];
    const native: number[] = [];
    const samples = new Map<MeasureKey, number[]>(formats.map((f) => [f.key, []]));
    for (let run = -1; run < reps; run += 1) {
      gc?.();
      let start = performance.now();
      const file = serializePlanFile(await loaded(store, planId), APP, nowTimestamp());
      if (run >= 0) native.push(performance.now() - start);
      check(file.length > 0, 'the native export writes the plan');
      for (const format of formats) {
        gc?.();
        start = performance.now();
        const bundle = await loaded(store, planId);
        const result = await format.make(bundle);
        const ms = performance.now() - start;
        if (run === -1) check(format.holds(result, bundle), `the ${format.label} holds the plan`);
        else samples.get(format.key)?.push(ms);
      }
    }
    return formats.map((format) => {
      const appSamples = samples.get(format.key) ?? [];
      return {
        key: format.key, group: 'share', label: `share the large plan as ${format.label}`,
        app: median(appSamples), raw: median(native), appSamples, rawSamples: native,
      };
    });
  } finally {
    root.unmount();
    host.remove();
  }
}
