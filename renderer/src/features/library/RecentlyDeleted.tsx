import { useState } from 'react';
import { formatDistanceToNow, parseISO } from 'date-fns';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import RestoreIcon from '@mui/icons-material/Restore';
import DeleteForeverOutlinedIcon from '@mui/icons-material/DeleteForeverOutlined';
import { RECENTLY_DELETED_DAYS, type PlanSummary } from '../../storage/library-repository';

/**
 * Deleted plans, kept for a while, each with a way back; and, to make room on a full disk, a
 * way to remove them all for good now, after a confirmation (there is no undo).
 */
export function RecentlyDeleted({ plans, onRestore, onEmpty }: { plans: PlanSummary[]; onRestore: (plan: PlanSummary) => void; onEmpty?: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const count = plans.length === 1 ? '1 plan' : `${plans.length} plans`;
  return (
    <>
    <Accordion variant="outlined" sx={{ mt: 3 }} disableGutters>
      <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls="recently-deleted" id="recently-deleted-header">
        <Typography component="h2" variant="h3">{`Recently deleted (${plans.length})`}</Typography>
      </AccordionSummary>
      <AccordionDetails id="recently-deleted">
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1, mb: 1 }}>
          <Typography variant="body2" color="text.secondary">
            {`Deleted plans are kept for ${RECENTLY_DELETED_DAYS} days, then removed for good.`}
          </Typography>
          {onEmpty && (
            <Button color="error" startIcon={<DeleteForeverOutlinedIcon />} onClick={() => setConfirming(true)}>Remove all for good…</Button>
          )}
        </Stack>
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
    {onEmpty && (
      <Dialog open={confirming} onClose={() => setConfirming(false)} aria-labelledby="empty-deleted-title" aria-describedby="empty-deleted-text">
        <DialogTitle id="empty-deleted-title">{`Remove ${count} for good?`}</DialogTitle>
        <DialogContent>
          <DialogContentText id="empty-deleted-text">
            {`${plans.length === 1 ? 'The plan' : 'The plans'} in Recently deleted, with ${plans.length === 1 ? 'its' : 'their'} history, will be removed from this computer to make room. This cannot be undone; plans in use are not touched.`}
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)} autoFocus>Cancel</Button>
          <Button color="error" variant="contained" onClick={() => { setConfirming(false); onEmpty(); }}>Remove for good</Button>
        </DialogActions>
      </Dialog>
    )}
    </>
  );
}
