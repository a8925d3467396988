import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import VerifiedOutlinedIcon from '@mui/icons-material/VerifiedOutlined';
import { formatDisplayDate } from '../../domain/phase-rules';
import { reportRoute, routeHref } from '../../app/router';
import { useBaseline, useChangesSinceBaseline } from '../../app/use-baseline';
import { DEFAULT_REPORT_OPTIONS } from '../../domain/report-options';
import type { PlanBundle } from '../../domain/schemas';
import { plural } from '../../domain/words';

/**
 * Under the plan's name, once a body has approved it: "Approved Mar 12, 2027 · 14 changes
 * since", a link to the printable page of what changed. Nothing while there is no approval.
 */
export function BaselineNote({ bundle }: { bundle: PlanBundle }) {
  const baseline = useBaseline(bundle.plan.id);
  const changes = useChangesSinceBaseline(baseline, bundle);
  if (baseline.status === 'none' || baseline.status === 'loading') return null;
  const approved = `Approved ${formatDisplayDate(baseline.revision.approval.date)}`;
  const since = baseline.status === 'unreadable'
    ? 'the approved revision cannot be read'
    : changes === null ? 'counting changes…' : changes.summary.total === 0 ? 'no changes since' : `${plural(changes.summary.total, 'change')} since`;
  return (
    <Typography variant="body2" color="text.secondary" noWrap sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
      <VerifiedOutlinedIcon sx={{ fontSize: '1rem' }} color="success" aria-hidden />
      <Link
        href={routeHref(reportRoute(bundle.plan.id, 'changes', DEFAULT_REPORT_OPTIONS))}
        color="inherit"
        title={`What changed since the plan was approved by ${baseline.revision.approval.body}`}
      >
        {`${approved} · ${since}`}
      </Link>
    </Typography>
  );
}
