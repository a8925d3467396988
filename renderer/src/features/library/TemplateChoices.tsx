import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Typography from '@mui/material/Typography';
import { TEMPLATES } from '../../domain/templates';
import { BLANK_PLAN } from './NewPlanDialog';

const CHOICE_SX = { alignItems: 'flex-start', mt: 1, '& .MuiRadio-root': { pt: 0.5 } } as const;

/** What a new plan starts from: one of the templates (the first unless `value` names another) or a blank plan. */
export function TemplateChoices({ value, onChange }: { value: string | null; onChange: (value: string) => void }) {
  return (
    <FormControl>
      <FormLabel id="new-plan-start">Start from</FormLabel>
      <RadioGroup aria-labelledby="new-plan-start" value={value ?? TEMPLATES[0]?.id ?? BLANK_PLAN} onChange={(e) => onChange(e.target.value)}>
        {TEMPLATES.map((t) => (
          <FormControlLabel
            key={t.id}
            value={t.id}
            control={<Radio />}
            sx={CHOICE_SX}
            label={(
              <span>
                <Typography component="span" sx={{ fontWeight: 600, display: 'block' }}>{`Template: ${t.name}${t.illustrative ? ' (illustrative)' : ''}`}</Typography>
                <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>{t.summary}</Typography>
              </span>
            )}
          />
        ))}
        <FormControlLabel
          value={BLANK_PLAN}
          control={<Radio />}
          sx={CHOICE_SX}
          label={(
            <span>
              <Typography component="span" sx={{ fontWeight: 600, display: 'block' }}>Blank plan</Typography>
              <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>No phases yet. Starts with the six areas the study found systems decide to hold tight or loose: vision and outcomes, the model, curriculum and content, professional development, technology, and evaluation and data.</Typography>
            </span>
          )}
        />
      </RadioGroup>
    </FormControl>
  );
}
