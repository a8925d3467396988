import { memo } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { AutosaveTextField } from '../../components/AutosaveTextField';
import { RationaleOriginNote } from '../../components/RationaleOriginNote';
import { visuallyHidden } from '../../components/visually-hidden';
import { fieldProblem } from '../../domain/messages';
import { STANCES, stanceSchema, type RationaleOrigin, type StanceValue } from '../../domain/schemas';
import { NOT_SET, STANCE_LABELS, STANCE_MEANINGS } from '../../domain/stance-words';
import { StanceIcon } from '../../components/stance-icons';
import { STANCE_COLORS } from '../../components/stance-palette';
import type { StanceTextField } from './commands';

export interface StanceDetailsProps {
  areaId: string;
  phaseId: string;
  areaName: string;
  areaDescription: string;
  builtIn: boolean;
  phaseName: string;
  phaseSpan: string;
  /** The stance as shown: a stance just chosen shows here before storage has it (see TightLooseSection). */
  stance: StanceValue | null;
  rationale: string;
  /** Whether the rationale is the template's words, flagged for review or not, or the planner's. */
  rationaleOrigin: RationaleOrigin;
  owner: string;
  guardrails: string;
  /** The stance in the last earlier phase that had one, and that phase's name. */
  previousStance: StanceValue | null;
  previousPhaseName: string | null;
  /** True for the plan's first phase ("from this phase on" is then every phase). */
  firstPhase: boolean;
  /** How many phases would change with "in every phase" and "from this phase on" (none: it says so). */
  changesEveryPhase: number;
  changesFromHere: number;
  /** Resolves false when the change could not be saved. */
  onSetStance: (areaId: string, phaseId: string, stance: StanceValue | null) => Promise<boolean>;
  onSaveText: (areaId: string, phaseId: string, field: StanceTextField, text: string) => Promise<boolean>;
  /** Sets this cell's stance in every phase ('every') or from this phase on ('from'). */
  onSetInPhases: (areaId: string, phaseId: string, scope: 'every' | 'from', stance: StanceValue | null) => void;
  /** "Keep as is" on a template rationale flagged for review. */
  onKeep: (areaId: string, phaseId: string) => void;
  /** Escape: back to the cell in the grid. */
  onReturn: (areaId: string, phaseId: string) => void;
}

const validate = (field: StanceTextField, label: string) => (text: string) => fieldProblem(stanceSchema.shape[field], text, label);
const validateRationale = validate('rationale', 'Rationale');
const validateOwner = validate('owner', 'Owner');
const validateGuardrails = validate('guardrails', 'Guardrails');

/**
 * The selected cell in full: its stance, why, who owns it and the guardrails that hold even
 * where it is loose. Text saves as it is typed. Memoized on plain values, so stance edits in
 * other cells leave it alone.
 */
export const StanceDetails = memo(function StanceDetails(props: StanceDetailsProps) {
  const { areaId, phaseId, areaName, areaDescription, builtIn, phaseName, phaseSpan, stance, rationale, rationaleOrigin, owner, guardrails, previousStance, previousPhaseName, firstPhase, changesEveryPhase, changesFromHere, onSetStance, onSaveText, onSetInPhases, onKeep, onReturn } = props;
  const fromTemplate = rationaleOrigin !== 'planner' && rationale.trim() !== '';
  const stanceWord = stance ? STANCE_LABELS[stance] : 'Not set';
  const where = `${areaName} in ${phaseName}`;
  const choose = (value: string) => {
    void onSetStance(areaId, phaseId, STANCES.find((s) => s === value) ?? null);
  };

  const changeNote = previousStance && previousPhaseName
    ? previousStance === stance
      ? `Same as in ${previousPhaseName}.`
      : stance
        ? `Changed from ${STANCE_LABELS[previousStance]} in ${previousPhaseName}.`
        : `${STANCE_LABELS[previousStance]} in ${previousPhaseName}.`
    : null;

  return (
    <Stack
      spacing={2}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          onReturn(areaId, phaseId);
        }
      }}
    >
      <Box>
        <Typography id="tl-details-heading" component="h3" variant="h3">{where}</Typography>
        <Typography variant="body2" color="text.secondary">
          {phaseSpan}
          {builtIn ? ' · An area the study names' : ' · An area you added'}
        </Typography>
        <Typography variant="body2" sx={{ mt: 1 }}>
          {areaDescription || 'No description yet. Describe the area under Areas, below the matrix.'}
        </Typography>
      </Box>
      <FormControl component="fieldset">
        <FormLabel component="legend" sx={{ color: 'text.primary', fontWeight: 600, '&.Mui-focused': { color: 'text.primary' } }}>
          Stance
          <Box component="span" sx={visuallyHidden}>{` for ${where}`}</Box>
        </FormLabel>
        <RadioGroup
          value={stance ?? 'unset'}
          onChange={(_event, value) => choose(value)}
          sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 1 }}
        >
          {[...STANCES, 'unset' as const].map((value) => (
            <FormControlLabel
              key={value}
              value={value}
              control={<Radio size="small" />}
              sx={{ mr: 0.5 }}
              label={(
                <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, color: STANCE_COLORS[value].text, fontWeight: value === 'unset' ? 400 : 600 }}>
                  <StanceIcon stance={value === 'unset' ? null : value} fontSize="small" />
                  {value === 'unset' ? NOT_SET : STANCE_LABELS[value]}
                </Box>
              )}
            />
          ))}
        </RadioGroup>
        <Typography variant="body2" color="text.secondary">
          {stance ? `${STANCE_LABELS[stance]}: ${STANCE_MEANINGS[stance]}.` : 'Not decided yet.'}
          {changeNote && ` ${changeNote}`}
        </Typography>
      </FormControl>
      <Box role="group" aria-labelledby="tl-phases-heading">
        <Typography id="tl-phases-heading" variant="body2" sx={{ fontWeight: 600, mb: 0.5 }}>{`${stanceWord} for ${areaName} in other phases too`}</Typography>
        {/* The buttons stay when there is nothing left to change, so the keyboard focus never drops off the page. */}
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
          <Button size="small" variant="outlined" onClick={() => onSetInPhases(areaId, phaseId, 'every', stance)}>
            {stance ? `${stanceWord} in every phase` : 'Clear every phase'}
          </Button>
          {!firstPhase && (
            <Button size="small" variant="outlined" onClick={() => onSetInPhases(areaId, phaseId, 'from', stance)}>
              {stance ? `${stanceWord} from ${phaseName} on` : `Clear from ${phaseName} on`}
            </Button>
          )}
        </Box>
        {changesEveryPhase === 0 && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>{stance ? `${stanceWord} in every phase already.` : 'Not set in any phase.'}</Typography>
        )}
        {changesEveryPhase > 0 && !firstPhase && changesFromHere === 0 && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>{`${stanceWord} from ${phaseName} on already.`}</Typography>
        )}
      </Box>
      <AutosaveTextField
        label="Rationale"
        value={rationale}
        validate={validateRationale}
        onCommit={(text) => onSaveText(areaId, phaseId, 'rationale', text)}
        helperText="Why it is held this way in this phase."
        multiline
        minRows={2}
        maxRows={8}
        slotProps={{ htmlInput: { 'aria-label': `Rationale for ${where}`, 'aria-describedby': fromTemplate ? 'tl-rationale-origin' : undefined } }}
      />
      {fromTemplate && (
        <Box sx={{ mt: '0 !important', pt: 0.5 }}>
          <RationaleOriginNote
            id="tl-rationale-origin"
            review={rationaleOrigin === 'template-review'}
            reason={`the stance changed after it was written (it is now ${stanceWord})`}
            where={where}
            onKeep={() => onKeep(areaId, phaseId)}
          />
        </Box>
      )}
      <AutosaveTextField
        label="Owner"
        value={owner}
        validate={validateOwner}
        onCommit={(text) => onSaveText(areaId, phaseId, 'owner', text.trim())}
        helperText="The person, team or office that holds it."
        slotProps={{ htmlInput: { 'aria-label': `Owner of ${where}` } }}
      />
      <AutosaveTextField
        label="Guardrails"
        value={guardrails}
        validate={validateGuardrails}
        onCommit={(text) => onSaveText(areaId, phaseId, 'guardrails', text)}
        helperText="Central standards that hold even where this area is loose — one per line."
        multiline
        minRows={3}
        maxRows={10}
        slotProps={{ htmlInput: { 'aria-label': `Guardrails for ${where}` } }}
      />
      <Typography variant="body2" color="text.secondary">Press Esc to go back to the matrix.</Typography>
    </Stack>
  );
});
