import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { AutosaveTextField } from '../../components/AutosaveTextField';
import { useRunCommand } from '../../app/plan-history';
import { LOCALES, LOCALE_LABELS, planSchema, systemProfileSchema, type Plan } from '../../domain/schemas';
import { fieldProblem } from '../../domain/messages';
import { formatNumber, parseNumberInput } from '../../domain/numbers';
import { renamePlan, setFiscalYearStart, setLocale, setProfileNumber, setSchoolYearStart, setSystemName, type ProfileNumber } from './commands';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const NUMERIC_FIELDS: { key: ProfileNumber; label: string; help: string }[] = [
  { key: 'schoolCount', label: 'Number of schools', help: 'Schools in the system.' },
  { key: 'studentCount', label: 'Students', help: 'Students across all schools.' },
  { key: 'frlPercent', label: 'FRL students (%)', help: 'Share qualifying for free or reduced-price lunch.' },
];

export function PlanBasics({ plan }: { plan: Plan }) {
  const run = useRunCommand();

  return (
    <Paper variant="outlined" component="section" aria-labelledby="basics-heading" sx={{ p: 3 }}>
      <Typography id="basics-heading" variant="h2" gutterBottom>Basics</Typography>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: 'repeat(4, 1fr)' }, mb: 3 }}>
        <AutosaveTextField
          label="Plan name"
          value={plan.name}
          validate={(text) => fieldProblem(planSchema.shape.name, text, 'Plan name')}
          onCommit={(name) => run(renamePlan(plan.id, name))}
        />
        <AutosaveTextField
          label="School system"
          value={plan.systemName}
          validate={(text) => fieldProblem(planSchema.shape.systemName, text, 'School system')}
          onCommit={(systemName) => run(setSystemName(plan.id, systemName))}
          helperText="District or charter network."
        />
        <TextField
          select
          label="School year starts in"
          value={plan.schoolYearStartMonth}
          onChange={(e) => void run(setSchoolYearStart(plan.id, Number(e.target.value)))}
        >
          {MONTHS.map((month, i) => <MenuItem key={month} value={i + 1}>{month}</MenuItem>)}
        </TextField>
        <TextField
          select
          label="Fiscal year starts in"
          value={plan.fiscalYearStartMonth}
          onChange={(e) => void run(setFiscalYearStart(plan.id, Number(e.target.value)))}
          helperText="Budgets are totalled by fiscal year."
        >
          {MONTHS.map((month, i) => <MenuItem key={month} value={i + 1}>{month}</MenuItem>)}
        </TextField>
      </Box>
      <Typography component="h3" variant="h3" gutterBottom>System profile</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Used to show what systems like yours tended to do. Leave blank what you do not know yet.
      </Typography>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', md: 'repeat(4, 1fr)' } }}>
        {NUMERIC_FIELDS.map(({ key, label, help }) => (
          <AutosaveTextField
            key={key}
            label={label}
            value={plan.profile[key] === null ? '' : formatNumber(plan.profile[key], 1)}
            slotProps={{ htmlInput: { inputMode: key === 'frlPercent' ? 'decimal' : 'numeric' } }}
            helperText={help}
            validate={(text) => {
              const parsed = parseNumberInput(text, label);
              return parsed.ok ? fieldProblem(systemProfileSchema.shape[key], parsed.value, label) : parsed.message;
            }}
            onCommit={(text) => {
              // The field commits only what validate let through.
              const parsed = parseNumberInput(text, label);
              return run(setProfileNumber(plan.id, key, label, parsed.ok ? parsed.value : null));
            }}
          />
        ))}
        <TextField
          select
          label="Locale"
          value={plan.profile.locale ?? ''}
          onChange={(e) => void run(setLocale(plan.id, e.target.value === '' ? null : systemProfileSchema.shape.locale.parse(e.target.value)))}
          helperText="Urban, suburban, town or rural."
        >
          <MenuItem value=""><em>Not set</em></MenuItem>
          {LOCALES.map((l) => <MenuItem key={l} value={l}>{LOCALE_LABELS[l]}</MenuItem>)}
        </TextField>
      </Box>
    </Paper>
  );
}
