import { memo, useEffect, useRef, useState, type FormEvent, type Ref } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import AutoStoriesOutlinedIcon from '@mui/icons-material/AutoStoriesOutlined';
import CheckOutlinedIcon from '@mui/icons-material/CheckOutlined';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import { AutosaveTextField } from '../../components/AutosaveTextField';
import { fieldProblem } from '../../domain/messages';
import { areaSchema, STANCES, type StanceValue } from '../../domain/schemas';
import { STANCE_LABELS } from '../../domain/stance-words';

export interface AreaItem {
  id: string;
  name: string;
  description: string;
  builtIn: boolean;
}

export interface AreaListProps {
  areas: readonly AreaItem[];
  /** Adds an area, undecided (null) or with one stance in every phase. */
  onAdd: (name: string, start: StanceValue | null) => Promise<boolean>;
  onRename: (areaId: string, name: string) => Promise<boolean>;
  onDescribe: (areaId: string, description: string) => Promise<boolean>;
  onMove: (areaId: string, direction: -1 | 1) => void;
  onDelete: (areaId: string) => void;
  /** The "New area name" field, for the empty state's Add area button. */
  newNameRef?: Ref<HTMLInputElement>;
}

const validateName = (text: string) => fieldProblem(areaSchema.shape.name, text, 'Area name');
const validateDescription = (text: string) => fieldProblem(areaSchema.shape.description, text, 'Description');

interface AreaRowProps {
  id: string;
  name: string;
  description: string;
  builtIn: boolean;
  index: number;
  count: number;
  onRename: AreaListProps['onRename'];
  onDescribe: AreaListProps['onDescribe'];
  onMove: AreaListProps['onMove'];
  onDelete: AreaListProps['onDelete'];
}

const AreaRow = memo(function AreaRow({ id, name, description, builtIn, index, count, onRename, onDescribe, onMove, onDelete }: AreaRowProps) {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const upButton = useRef<HTMLButtonElement>(null);
  const downButton = useRef<HTMLButtonElement>(null);
  // After a move to the top or bottom, the button just pressed is disabled and loses the focus:
  // give it to the row's other move button.
  const movedWith = useRef<-1 | 1 | null>(null);
  useEffect(() => {
    const direction = movedWith.current;
    movedWith.current = null;
    const pressed = direction === -1 ? upButton.current : direction === 1 ? downButton.current : null;
    if (pressed?.disabled) (direction === -1 ? downButton : upButton).current?.focus();
  }, [index]);
  const move = (direction: -1 | 1) => {
    movedWith.current = direction;
    onMove(id, direction);
  };
  const label = `Area ${index + 1}`;
  const stopEditing = () => {
    setEditing(false);
    requestAnimationFrame(() => editButton.current?.focus());
  };
  return (
    <Box component="li" data-area-row={id} aria-label={`${label}: ${name}`} sx={{ py: 1.25, borderBottom: 1, borderColor: 'divider' }}>
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1 }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography component="span" sx={{ fontWeight: 600, mr: 1 }}>{name}</Typography>
          {builtIn && (
            <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, px: 0.75, border: 1, borderColor: 'divider', borderRadius: 4, fontSize: '0.8125rem', color: 'text.secondary', verticalAlign: 'text-bottom' }}>
              <AutoStoriesOutlinedIcon aria-hidden sx={{ fontSize: '0.95rem' }} />
              Named in the study
            </Box>
          )}
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.25 }}>{description || 'No description yet.'}</Typography>
        </Box>
        <Tooltip title={editing ? 'Close the editor' : 'Rename or describe'} describeChild>
          <IconButton ref={editButton} aria-label={`Edit ${name}`} aria-expanded={editing} onClick={() => (editing ? stopEditing() : setEditing(true))}>
            <EditOutlinedIcon />
          </IconButton>
        </Tooltip>
        <Tooltip title="Move up" describeChild>
          <span>
            <IconButton ref={upButton} aria-label={`Move ${name} up`} disabled={index === 0} onClick={() => move(-1)}><ArrowUpwardIcon /></IconButton>
          </span>
        </Tooltip>
        <Tooltip title="Move down" describeChild>
          <span>
            <IconButton ref={downButton} aria-label={`Move ${name} down`} disabled={index === count - 1} onClick={() => move(1)}><ArrowDownwardIcon /></IconButton>
          </span>
        </Tooltip>
        <Tooltip title="Delete the area and its stances" describeChild>
          <IconButton aria-label={`Delete ${name}`} data-delete={id} onClick={() => onDelete(id)}><DeleteOutlinedIcon /></IconButton>
        </Tooltip>
      </Box>
      {editing && (
        <Box
          sx={{ display: 'grid', gap: 1.5, alignItems: 'start', gridTemplateColumns: { xs: '1fr', md: 'minmax(200px, 1fr) minmax(260px, 2fr) auto' }, mt: 1.5 }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              stopEditing();
            }
          }}
        >
          <AutosaveTextField
            autoFocus
            fullWidth
            label={`${label} name`}
            value={name}
            validate={validateName}
            onCommit={(text) => onRename(id, text.trim())}
            helperText={builtIn ? 'Named in the study; rename it to fit your system.' : undefined}
          />
          <AutosaveTextField
            fullWidth
            label={`${label} description`}
            value={description}
            validate={validateDescription}
            onCommit={(text) => onDescribe(id, text)}
            multiline
            minRows={1}
            maxRows={4}
            helperText="Shown beside the matrix when one of its cells is selected."
          />
          <Button variant="outlined" startIcon={<CheckOutlinedIcon />} onClick={stopEditing} sx={{ mt: 0.25 }}>Done</Button>
        </Box>
      )}
    </Box>
  );
});

/** The rows of the matrix: rename, describe, reorder, delete, and add the planner's own. Memoized: stance edits leave it alone. */
export const AreaList = memo(function AreaList({ areas, onAdd, onRename, onDescribe, onMove, onDelete, newNameRef }: AreaListProps) {
  const [newName, setNewName] = useState('');
  const [start, setStart] = useState<StanceValue | 'unset'>('unset');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const name = newName.trim();
    const message = validateName(name);
    setProblem(message);
    if (message) return;
    if (await onAdd(name, start === 'unset' ? null : start)) {
      setNewName('');
      setStart('unset');
    }
  };

  return (
    <Stack spacing={1}>
      {areas.length > 0 && (
        <Box component="ol" aria-label="Areas" sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {areas.map((area, index) => (
            <AreaRow
              key={area.id}
              id={area.id}
              name={area.name}
              description={area.description}
              builtIn={area.builtIn}
              index={index}
              count={areas.length}
              onRename={onRename}
              onDescribe={onDescribe}
              onMove={onMove}
              onDelete={onDelete}
            />
          ))}
        </Box>
      )}
      <Box component="form" onSubmit={(e) => void submit(e)} noValidate sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'flex-start', pt: 1 }}>
        <TextField
          label="New area name"
          value={newName}
          onChange={(e) => {
            setNewName(e.target.value);
            if (problem) setProblem(null);
          }}
          error={problem !== null}
          helperText={problem ?? 'For example: schedules, staffing roles, family engagement, budget.'}
          inputRef={newNameRef}
          sx={{ width: { xs: '100%', sm: 360 } }}
        />
        <TextField
          select
          label="Start as"
          value={start}
          onChange={(e) => setStart(STANCES.find((s) => s === e.target.value) ?? 'unset')}
          helperText="In every phase; change any cell later."
          sx={{ width: { xs: '100%', sm: 230 } }}
        >
          <MenuItem value="unset">Undecided</MenuItem>
          {STANCES.map((s) => <MenuItem key={s} value={s}>{`${STANCE_LABELS[s]} in every phase`}</MenuItem>)}
        </TextField>
        <Button type="submit" variant="outlined" startIcon={<AddIcon />} sx={{ mt: 0.25, whiteSpace: 'nowrap' }}>Add area</Button>
      </Box>
      {areas.length === 0 && <Typography color="text.secondary">No areas yet.</Typography>}
    </Stack>
  );
});
