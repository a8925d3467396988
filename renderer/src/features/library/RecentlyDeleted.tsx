import { formatDistanceToNow, parseISO } from 'date-fns';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import RestoreIcon from '@mui/icons-material/Restore';
import { RECENTLY_DELETED_DAYS, type PlanSummary } from '../../storage/library-repository';

/** Deleted plans, kept for a while, each with a way back. */
export function RecentlyDeleted({ plans, onRestore }: { plans: PlanSummary[]; onRestore: (plan: PlanSummary) => void }) {
  return (
    <Accordion variant="outlined" sx={{ mt: 3 }} disableGutters>
      <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls="recently-deleted" id="recently-deleted-header">
        <Typography component="h2" variant="h3">{`Recently deleted (${plans.length})`}</Typography>
      </AccordionSummary>
      <AccordionDetails id="recently-deleted">
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {`Deleted plans are kept for ${RECENTLY_DELETED_DAYS} days, then removed for good.`}
        </Typography>
        <Table size="small" aria-label="Recently deleted plans">
          <TableBody>
            {plans.map((plan) => (
              <TableRow key={plan.id}>
                <TableCell>{plan.name}</TableCell>
                <TableCell>{`Deleted ${plan.deletedAt ? formatDistanceToNow(parseISO(plan.deletedAt), { addSuffix: true }) : ''}`}</TableCell>
                <TableCell align="right">
                  <Button startIcon={<RestoreIcon />} aria-label={`Restore ${plan.name}`} onClick={() => onRestore(plan)}>Restore</Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </AccordionDetails>
    </Accordion>
  );
}
