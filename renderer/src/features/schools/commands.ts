/**
 * What a planner does to a plan's schools, indicators, waves and decision-3 lean, as commands:
 * the undo label, the merge key while typing, the message with Undo, and the one store call.
 * Sections run them with `useRunCommand()`.
 */
import type { AddCommand, Named, PlanCommand } from '../../app/commands';
import { positionEditLabel } from '../../domain/decisions';
import { newId } from '../../domain/ids';
import { suggestedIndicators } from '../../domain/indicators';
import type { ImportSchool, NewIndicator } from '../../domain/roster-import';
import { positionChanges } from '../../domain/rationale-origin';
import type { IndicatorRow, IndicatorSideValue, Position } from '../../domain/schemas';
import { phaseForNewWave, waveName } from '../../domain/waves';
import { plural } from '../../domain/words';
import type { ChangeSet } from '../../storage/transactions';
import type { IndicatorChanges, SchoolInput, WaveProposal } from '../../storage/schools-repository';
import { NEED_READINESS } from './need-readiness';
import { countText } from './school-format';


// Schools

/** Adds one school at the end of the plan's list. */
export function addSchool(planId: string, input: SchoolInput): PlanCommand<{ ids: string[]; change: ChangeSet }> {
  return { label: `Add school “${input.name}”`, write: ({ store }) => store.addSchools(planId, [input]) };
}

/** Saves the school dialog over a school (named by what it is called now). */
export function editSchool(school: Pick<Named, 'id'>, input: SchoolInput): PlanCommand<ChangeSet> {
  return { label: `Edit school “${input.name}”`, write: ({ store }) => store.updateSchool(school.id, input) };
}

/** Writes a checked roster in one step; the message says how many schools were new and how many were updated. */
export function importRoster(planId: string, rows: readonly ImportSchool[], newIndicators: readonly NewIndicator[]): PlanCommand<{ added: number; updated: number; change: ChangeSet }> {
  const indicatorsNote = newIndicators.length > 0 ? ` ${plural(newIndicators.length, 'new indicator')} to weigh under Need & readiness.` : '';
  return {
    label: `Import ${plural(rows.length, 'school')}`,
    announce: (r) => `Imported ${plural(rows.length, 'school')}: ${countText(r.added)} new, ${countText(r.updated)} updated.${indicatorsNote}`,
    write: ({ store }) => store.importSchools(planId, rows, newIndicators),
  };
}

/** Deletes schools (and what is allocated to them); one school is called by its name. */
export function deleteSchools(planId: string, schools: readonly Named[]): PlanCommand<ChangeSet> {
  const [only] = schools;
  const one = schools.length === 1 && only !== undefined;
  return {
    label: one ? `Delete school “${only.name}”` : `Delete ${plural(schools.length, 'school')}`,
    announce: one ? `Deleted school “${only.name}”.` : `Deleted ${plural(schools.length, 'school')}.`,
    write: ({ store }) => store.deleteSchools(planId, schools.map((s) => s.id)),
  };
}

/** The wave a school is put in, in a label: its name, or "no wave". */
function waveWords(waveId: string | null, waves: readonly Named[]): string {
  return waveId === null ? 'no wave' : waves.find((w) => w.id === waveId)?.name ?? 'a wave';
}

/** Puts the selected schools in a wave, or (null) in none: "Put 3 schools in Wave 1". */
export function assignSchools(planId: string, schoolIds: readonly string[], waveId: string | null, waves: readonly Named[]): PlanCommand<ChangeSet> {
  return {
    label: `Put ${plural(schoolIds.length, 'school')} in ${waveWords(waveId, waves)}`,
    write: ({ store }) => store.assignSchools(planId, schoolIds, waveId),
  };
}

/** Puts one school in a wave from its row, or (null) in none: "Put “Adams Elementary” in Wave 1". */
export function assignSchool(planId: string, school: Named, waveId: string | null, waves: readonly Named[]): PlanCommand<ChangeSet> {
  return {
    label: `Put “${school.name}” in ${waveWords(waveId, waves)}`,
    write: ({ store }) => store.assignSchools(planId, [school.id], waveId),
  };
}

// Need and readiness indicators

/** Adds an indicator at the end of one side, with a name to change. */
export function addIndicator(planId: string, side: IndicatorSideValue): AddCommand<{ id: string; change: ChangeSet }> {
  const id = newId();
  return {
    id,
    label: `Add a ${side} indicator`,
    write: ({ store }) => store.addIndicator({
      id, planId, name: side === 'need' ? 'New need indicator' : 'New readiness indicator', side, weight: 10, direction: 'higher-is-more', source: 'value', unit: '', range: null,
    }),
  };
}

/** Adds the seven suggested indicators after any the plan has. */
export function addSuggestedIndicators(planId: string): PlanCommand<ChangeSet> {
  const rows = suggestedIndicators(planId);
  return { label: 'Add the suggested indicators', write: ({ store }) => store.addIndicators(planId, rows) };
}

const updateIndicator = (indicator: Named, label: string, changes: IndicatorChanges, field?: string): PlanCommand<ChangeSet> => ({
  label,
  field: field === undefined ? undefined : `indicator.${indicator.id}.${field}`,
  write: ({ store }) => store.updateIndicator(indicator.id, changes),
});

export const renameIndicator = (indicator: Named, name: string) =>
  updateIndicator(indicator, `Rename indicator “${indicator.name}”`, { name: name.trim() }, 'name');

export const weighIndicator = (indicator: Named, weight: number) =>
  updateIndicator(indicator, `Weigh “${indicator.name}”`, { weight }, 'weight');

/** Whether a higher value means more need (or readiness) or less. */
export const setIndicatorDirection = (indicator: Named, direction: IndicatorRow['direction']) =>
  updateIndicator(indicator, `Change how “${indicator.name}” counts`, { direction });

/** Moves an indicator to the other side of decision 3 ("Move “Teacher Retention %” to readiness"). */
export const setIndicatorSide = (indicator: Named, side: IndicatorSideValue) => ({
  ...updateIndicator(indicator, `Move “${indicator.name}” to ${side}`, { side }),
  announce: `Moved “${indicator.name}” to ${side} indicators.`,
});

/** The values an indicator can take ("1–5"), or (null) none stated. */
export const setIndicatorRange = (indicator: Named, range: IndicatorRow['range']) =>
  updateIndicator(indicator, `Change the range of “${indicator.name}”`, { range }, 'range');

export const setIndicatorUnit = (indicator: Named, unit: string) =>
  updateIndicator(indicator, `Change the unit of “${indicator.name}”`, { unit: unit.trim() }, 'unit');

/** Deletes an indicator and every school's value for it. */
export function deleteIndicator(indicator: Named): PlanCommand<ChangeSet> {
  return {
    label: `Delete indicator “${indicator.name}”`,
    announce: `Deleted indicator “${indicator.name}” and its values.`,
    write: ({ store }) => store.deleteIndicator(indicator.id),
  };
}

// The lean

/**
 * Sets where a phase leans on decision 3 (null clears it). It is the Decisions section's
 * position, so it carries the same undo label as setting it there.
 */
export function setNeedReadinessLean(
  planId: string, phase: Named, position: number | null, context?: { phaseIds: readonly string[]; positions: readonly Position[] },
): PlanCommand<ChangeSet> {
  const n = NEED_READINESS.number;
  return {
    label: positionEditLabel(NEED_READINESS, phase.name, position),
    // As on the Decisions section: a template's words about decision 3 are flagged for review
    // when the lean they explain moves ("pilot where schools are ready" after a move toward need).
    write: ({ store }) => {
      const edits = context ? positionChanges(context.phaseIds, context.positions.filter((p) => p.decision === n), phase.id, position) : [];
      if (edits.length <= 1) return store.setPosition(planId, phase.id, n, edits[0]?.changes ?? { position });
      return store.setStancesAndPositions(planId, [], edits.map((e) => ({ ...e, decision: n })));
    },
  };
}

// Waves

/**
 * Adds a wave after those the plan has, named from its place ("Wave 3") and joining in the
 * phase at that place (or the last phase).
 */
export function addWave(planId: string, waveCount: number, phases: readonly Pick<Named, 'id'>[]): AddCommand<{ id: string; change: ChangeSet }> {
  const id = newId();
  return {
    id,
    label: 'Add a wave',
    write: ({ store }) => store.addWave({ id, planId, name: waveName(waveCount), phaseId: phaseForNewWave(waveCount, phases), notes: '' }),
  };
}

export function renameWave(wave: Named, name: string): PlanCommand<ChangeSet> {
  return { label: `Rename wave “${wave.name}”`, field: `wave.${wave.id}.name`, write: ({ store }) => store.updateWave(wave.id, { name: name.trim() }) };
}

/** Links a wave to the phase it joins in, or (null) leaves it unscheduled. */
export function linkWaveToPhase(wave: Named, phaseId: string | null): PlanCommand<ChangeSet> {
  return { label: `Link “${wave.name}” to a phase`, write: ({ store }) => store.updateWave(wave.id, { phaseId }) };
}

export function moveWave(wave: Named, direction: -1 | 1): PlanCommand<ChangeSet> {
  return { label: `Move wave “${wave.name}”`, write: ({ store }) => store.moveWave(wave.id, direction) };
}

/** Deletes a wave; its schools are left in none. */
export function deleteWave(wave: Named): PlanCommand<ChangeSet> {
  return {
    label: `Delete wave “${wave.name}”`,
    announce: `Deleted wave “${wave.name}”; its schools are in no wave now.`,
    write: ({ store }) => store.deleteWave(wave.id),
  };
}

/** Applies proposed waves in one step: every school's wave is replaced, and each wave linked to its proposed phase. */
export function applyProposedWaves(planId: string, proposal: readonly WaveProposal[]): PlanCommand<ChangeSet> {
  const placed = proposal.reduce((n, w) => n + w.schoolIds.length, 0);
  return {
    label: `Apply ${plural(proposal.length, 'proposed wave')}`,
    announce: `Applied ${plural(proposal.length, 'wave')}: ${plural(placed, 'school')} placed.`,
    write: ({ store }) => store.applyWaves(planId, proposal),
  };
}
