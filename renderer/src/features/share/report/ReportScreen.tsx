import { useRef, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import PictureAsPdfOutlinedIcon from '@mui/icons-material/PictureAsPdfOutlined';
import CodeOutlinedIcon from '@mui/icons-material/CodeOutlined';
import { planRoute, routeHref, type ReportKind } from '../../../app/router';
import { appServices } from '../../../app/services';
import { useScreenHeading } from '../../../components/use-screen-heading';
import { shareFileName } from '../../../domain/file-names';
import { reportSchoolIds, type ReportOptions } from '../../../domain/report-options';
import { useShareAction } from '../ShareSection';
import { useReportBundle } from './use-report-bundle';
import { pageRules } from './page-style';
import { PacketReport } from './PacketReport';
import { SchoolBriefs } from './SchoolBriefs';
import { ChangesReport, CHANGES_TITLE } from './ChangesSection';
import { useReportHistory } from './use-report-history';
import './report.css';
import { PlanNotFound } from '../../../components/PlanNotFound';

const REPORT_TITLES: Record<ReportKind, string> = { packet: 'Board packet', briefs: 'School briefs', changes: CHANGES_TITLE };

export interface ReportScreenProps {
  planId: string;
  kind: ReportKind;
  options: ReportOptions;
}

/**
 * A plan's printed report on screen, as it will be on paper: the board packet, the school
 * briefs or what changed since approval, with a toolbar (never printed) to go back or save it as a PDF.
 */
export function ReportScreen({ planId, kind, options }: ReportScreenProps) {
  const bundle = useReportBundle(planId);
  // School briefs tell nothing of the plan's history; the packet and the changes report do.
  const history = useReportHistory(planId, bundle, kind !== 'briefs');
  const reportRef = useRef<HTMLDivElement>(null);
  const title = REPORT_TITLES[kind];
  const headingRef = useScreenHeading(bundle ? `${bundle.plan.name} – ${title}` : null);
  const [busy, setBusy] = useState(false);
  const share = useShareAction(setBusy, () => undefined);

  if (bundle === null) return null;
  if (bundle === undefined) return <PlanNotFound headingRef={headingRef} />;
  if (history === null) return null;

  const { plan } = bundle;
  const host = appServices().host;
  // In a browser printing opens the print dialog, which speaks for itself.
  const savePdf = () => void share('the PDF', async () => {
    const result = await host.printToPdf(shareFileName(plan.name, title, 'pdf'));
    return result.status === 'saved' && host.kind === 'desktop' ? { status: 'saved', message: `Saved the PDF to ${result.location}.` } : { status: 'cancelled' };
  });
  const saveCopy = () => void share('the read-only copy', async () => {
    const root = reportRef.current;
    if (!root) throw new Error('The report is not on screen yet.');
    // The copy's code is fetched when first used: most planners print and never need it.
    const { saveHtmlCopy } = await import('../html-copy-commands');
    const result = await saveHtmlCopy(appServices(), planId, root);
    return result.status === 'saved' ? { status: 'saved', message: `Saved the read-only copy to ${result.location}.` } : result;
  });

  return (
    <>
      <Box
        component="nav"
        aria-label="Report"
        data-copy="omit"
        className="report-toolbar"
        sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1.5, px: 3, py: 1.5, borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper' }}
      >
        <Button startIcon={<ArrowBackIcon />} href={routeHref(planRoute(planId))}>Back to plan</Button>
        <Box sx={{ flexGrow: 1 }} />
        {kind === 'packet' && (
          <Button variant="outlined" startIcon={<CodeOutlinedIcon />} disabled={busy} onClick={saveCopy}>Save read-only copy (.html)…</Button>
        )}
        <Button variant="contained" startIcon={<PictureAsPdfOutlinedIcon />} disabled={busy} onClick={savePdf}>
          {host.kind === 'browser' ? 'Print or save as PDF…' : 'Save PDF…'}
        </Button>
      </Box>
      {/* The plan's name and the page numbers in every page's margin. */}
      <style>{pageRules(plan.name)}</style>
      <main className="report-page-view">
        <div ref={reportRef} className={`report report-${kind}`}>
          {kind === 'packet' && <PacketReport bundle={bundle} options={options} headingRef={headingRef} history={history} />}
          {kind === 'changes' && <ChangesReport bundle={bundle} approval={history.approval} headingRef={headingRef} />}
          {kind === 'briefs' && (
            <>
              {/* Named for screen readers and the PDF outline; on paper each brief has its own page. */}
              <h1 className="report-hidden" ref={headingRef} tabIndex={-1}>{plan.name}: {title}</h1>
              <SchoolBriefs bundle={bundle} schoolIds={reportSchoolIds(bundle.schools, options.schools)} />
            </>
          )}
        </div>
      </main>
    </>
  );
}
