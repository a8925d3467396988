import { memo } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import DescriptionOutlinedIcon from '@mui/icons-material/DescriptionOutlined';
import FlagOutlinedIcon from '@mui/icons-material/FlagOutlined';
import { colors } from '../app/theme';

export interface RationaleOriginNoteProps {
  /** True while the words are flagged for review. */
  review: boolean;
  /** Why it is flagged, as a clause: "the stance changed to Tight after it was written". */
  reason: string;
  /** Where the rationale is, for the button's name: "Curriculum in Pilot". */
  where: string;
  /** Clears the flag; the words stay the template's. */
  onKeep: () => void;
  id?: string;
}

/**
 * The note under a rationale that came from a template: "From the template", and when what it
 * explains has changed, "— review" with the reason and a "Keep as is" button. Editing the text
 * makes it the planner's own, and the note goes. Words and an icon, never colour alone.
 */
export const RationaleOriginNote = memo(function RationaleOriginNote({ review, reason, where, onKeep, id }: RationaleOriginNoteProps) {
  if (!review) {
    return (
      <Box id={id} sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, mt: 0.5, fontSize: '0.8125rem', color: 'text.secondary' }}>
        <DescriptionOutlinedIcon aria-hidden sx={{ fontSize: '1rem' }} />
        From the template
      </Box>
    );
  }
  return (
    <Box id={id} sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 1, rowGap: 0.5, mt: 0.5, px: 1, py: 0.5, border: 1, borderColor: colors.warning, borderRadius: 1, fontSize: '0.8125rem', color: colors.warningText }}>
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 0.5, flex: '1 1 14rem' }}>
        <FlagOutlinedIcon aria-hidden sx={{ fontSize: '1rem', mt: '1px' }} />
        <span>
          <strong>From the template — review:</strong>
          {` ${reason}. Edit the text to fit, or keep it as is.`}
        </span>
      </Box>
      <Button size="small" variant="outlined" onClick={onKeep} aria-label={`Keep the rationale for ${where} as is`} sx={{ py: 0, whiteSpace: 'nowrap' }}>
        Keep as is
      </Button>
    </Box>
  );
});
