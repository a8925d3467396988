import type { Ref } from 'react';
import type { PlanBundle } from '../../../domain/schemas';
import { reportPhases, type PacketSection, type ReportOptions } from '../../../domain/report-options';
import { CoverSection } from './CoverSection';
import { OutcomesSection } from './OutcomesSection';
import { TimelineSection } from './TimelineSection';
import { TightLooseSection } from './TightLooseSection';
import { DecisionsSection } from './DecisionsSection';
import { WavesSection } from './WavesSection';
import { MoneySection } from './MoneySection';
import { WarningsSection } from './WarningsSection';
import { MilestonesSection } from './MilestonesSection';
import { JournalSection } from './JournalSection';
import { ChangesSection } from './ChangesSection';
import { packetBudget } from './packet-budget';
import { coverStatus, NO_HISTORY, type ReportHistory } from './report-history';

export interface PacketProps {
  bundle: PlanBundle;
  options: ReportOptions;
  headingRef: Ref<HTMLHeadingElement>;
  /** The approval and the journal; without them the packet is a draft with no journal to print. */
  history?: ReportHistory;
}

/** The board packet: the plan as a school board reads it, each section from a new page. */
export function PacketReport({ bundle, options, headingRef, history = NO_HISTORY }: PacketProps) {
  const phases = reportPhases(bundle.phases, options.phaseIds);
  const has = (section: PacketSection) => options.sections.includes(section);
  const budget = has('money') || has('warnings') ? packetBudget(bundle, phases) : null;
  return (
    <div className="packet">
      <CoverSection bundle={bundle} phases={phases} headingRef={headingRef} full={has('cover')} status={coverStatus(history.approval)} />
      {has('outcomes') && <OutcomesSection bundle={bundle} phases={phases} />}
      {has('timeline') && <TimelineSection bundle={bundle} phases={phases} />}
      {has('tight-loose') && <TightLooseSection bundle={bundle} phases={phases} />}
      {has('decisions') && <DecisionsSection bundle={bundle} phases={phases} />}
      {has('waves') && <WavesSection bundle={bundle} phases={phases} />}
      {budget && has('money') && <MoneySection bundle={bundle} phases={phases} budget={budget} />}
      {budget && has('warnings') && <WarningsSection bundle={bundle} phases={phases} budget={budget} />}
      {has('milestones') && <MilestonesSection bundle={bundle} phases={phases} />}
      {has('journal') && <JournalSection bundle={bundle} phases={phases} entries={history.journal} leaveOutInternal={options.leaveOutInternal} />}
      {has('changes') && <ChangesSection approval={history.approval} />}
    </div>
  );
}
