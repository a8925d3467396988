import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { fieldProblem } from '../../domain/messages';
import { formatNumber, parseNumberInput } from '../../domain/numbers';
import { schoolSchema, type IndicatorRow, type School, type Wave } from '../../domain/schemas';
import type { SchoolInput } from '../../storage/schools-repository';
import { outsideRange, rangeText } from '../../domain/indicators';

export interface SchoolDialogProps {
  /** The school to edit, or null to add one. */
  school: School | null;
  indicators: IndicatorRow[];
  waves: Wave[];
  /** Names already used by other schools of the plan, lower-cased. */
  takenNames: ReadonlySet<string>;
  /** Codes already used by other schools of the plan, lower-cased (a roster import finds schools by code). */
  takenCodes: ReadonlySet<string>;
  onClose: () => void;
  /** Saves; resolves true when saved, and the dialog closes. */
  onSave: (input: SchoolInput) => Promise<boolean>;
}

const NO_WAVE = 'none';
const shown = (value: number | null | undefined) => (value === null || value === undefined ? '' : formatNumber(value));

/** Add or edit one school: its name, code, grades, students, FRL share, wave and its value for each of the plan's own indicators. */
export function SchoolDialog({ school, indicators, waves, takenNames, takenCodes, onClose, onSave }: SchoolDialogProps) {
  const own = indicators.filter((i) => i.source === 'value');
  const [name, setName] = useState(school?.name ?? '');
  const [code, setCode] = useState(school?.code ?? '');
  const [gradeBand, setGradeBand] = useState(school?.gradeBand ?? '');
  const [students, setStudents] = useState(school ? String(school.students) : '');
  const [frl, setFrl] = useState(shown(school?.frlPercent));
  const [waveId, setWaveId] = useState(school?.waveId ?? NO_WAVE);
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(own.map((i) => [i.id, shown(school?.values[i.id])])));
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);

  const nameError = fieldProblem(schoolSchema.shape.name, name, 'Name') ?? (takenNames.has(name.trim().toLowerCase()) ? 'Another school in this plan has this name.' : null);
  const codeError = fieldProblem(schoolSchema.shape.code, code.trim(), 'Code') ?? (code.trim() !== '' && takenCodes.has(code.trim().toLowerCase()) ? 'Another school in this plan has this code.' : null);
  const gradeError = fieldProblem(schoolSchema.shape.gradeBand, gradeBand.trim(), 'Grade band');
  const studentsRead = parseNumberInput(students, 'Students', { required: true });
  const studentsError = !studentsRead.ok ? studentsRead.message : fieldProblem(schoolSchema.shape.students, studentsRead.value, 'Students');
  const frlRead = parseNumberInput(frl, 'FRL share');
  const frlError = !frlRead.ok ? frlRead.message : fieldProblem(schoolSchema.shape.frlPercent, frlRead.value, 'FRL share');
  const valueReads = own.map((i) => ({ indicator: i, read: parseNumberInput(values[i.id] ?? '', i.name) }));
  const valid = [nameError, codeError, gradeError, studentsError, frlError].every((e) => e === null) && valueReads.every((v) => v.read.ok);

  const submit = async () => {
    setTried(true);
    if (!valid || saving || !studentsRead.ok || !frlRead.ok) return;
    setSaving(true);
    // Values of indicators not shown here (none today) are kept as they were.
    const kept = Object.fromEntries(Object.entries(school?.values ?? {}).filter(([id]) => !own.some((i) => i.id === id)));
    const entered = Object.fromEntries(valueReads.flatMap(({ indicator, read }) => (read.ok && read.value !== null ? [[indicator.id, read.value]] : [])));
    const saved = await onSave({
      name: name.trim().replace(/\s+/g, ' '),
      code: code.trim(),
      gradeBand: gradeBand.trim(),
      students: studentsRead.value ?? 0,
      frlPercent: frlRead.value,
      values: { ...kept, ...entered },
      waveId: waveId === NO_WAVE ? null : waveId,
    });
    setSaving(false);
    if (saved) onClose();
  };
  const error = (message: string | null) => ({ error: tried && message !== null, helperText: tried ? message ?? ' ' : ' ' });
  const title = school ? `Edit ${school.name}` : 'Add a school';

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="school-dialog-title">
      <form noValidate onSubmit={(event) => { event.preventDefault(); void submit(); }}>
        <DialogTitle id="school-dialog-title">{title}</DialogTitle>
        <DialogContent>
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 2, pt: 1 }}>
            <TextField label="School name" required autoFocus value={name} onChange={(e) => setName(e.target.value)} {...error(nameError)} sx={{ gridColumn: '1 / -1' }} />
            <TextField label="School code" value={code} onChange={(e) => setCode(e.target.value)} {...error(codeError)} />
            <TextField label="Grade band" placeholder="K-5" value={gradeBand} onChange={(e) => setGradeBand(e.target.value)} {...error(gradeError)} />
            <TextField label="Students" required inputMode="numeric" value={students} onChange={(e) => setStudents(e.target.value)} {...error(studentsError)} />
            <TextField label="FRL share (%)" inputMode="decimal" value={frl} onChange={(e) => setFrl(e.target.value)} {...error(frlError)} />
            <TextField select label="Wave" value={waveId} onChange={(e) => setWaveId(e.target.value)} helperText=" " sx={{ gridColumn: '1 / -1' }}>
              <MenuItem value={NO_WAVE}>No wave yet</MenuItem>
              {waves.map((w) => <MenuItem key={w.id} value={w.id}>{w.name}</MenuItem>)}
            </TextField>
          </Box>
          {own.length > 0 && (
            <>
              <Typography variant="h3" sx={{ fontSize: '1rem', mt: 1, mb: 1.5 }}>Indicator values</Typography>
              <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 2 }}>
                {valueReads.map(({ indicator, read }) => (
                  <TextField
                    key={indicator.id}
                    label={indicator.unit ? `${indicator.name} (${indicator.unit})` : indicator.name}
                    inputMode="decimal"
                    value={values[indicator.id] ?? ''}
                    onChange={(e) => setValues((v) => ({ ...v, [indicator.id]: e.target.value }))}
                    {...error(read.ok ? null : read.message)}
                    // A value outside the indicator's stated range is kept, but said so as it is typed.
                    {...(read.ok && indicator.range && outsideRange(read.value, indicator.range) ? { helperText: `Check: outside ${rangeText(indicator.range)}, the stated range.` } : {})}
                  />
                ))}
              </Box>
            </>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={saving}>{school ? 'Save' : 'Add school'}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
