import ListItemIcon from '@mui/material/ListItemIcon';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import DriveFileRenameOutlineIcon from '@mui/icons-material/DriveFileRenameOutline';
import FileDownloadOutlinedIcon from '@mui/icons-material/FileDownloadOutlined';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import ShareOutlinedIcon from '@mui/icons-material/ShareOutlined';

interface PlanActions {
  open: () => void;
  rename: () => void;
  duplicate: () => void;
  exportToFile: () => void;
  share: () => void;
  /** The share dialog's code is fetched when the planner points at or reaches its item. */
  shareIntent: () => void;
  delete: () => void;
}

/** The library row's menu: what a planner can do to one plan. */
export function PlanActionsMenu({ anchor, onClose, actions }: { anchor: HTMLElement | null; onClose: () => void; actions: PlanActions }) {
  return (
    <Menu anchorEl={anchor} open={anchor !== null} onClose={onClose}>
      <MenuItem onClick={actions.open}>
        <ListItemIcon><OpenInNewIcon fontSize="small" /></ListItemIcon>Open
      </MenuItem>
      <MenuItem onClick={actions.rename}>
        <ListItemIcon><DriveFileRenameOutlineIcon fontSize="small" /></ListItemIcon>Rename…
      </MenuItem>
      <MenuItem onClick={actions.duplicate}>
        <ListItemIcon><ContentCopyIcon fontSize="small" /></ListItemIcon>Duplicate
      </MenuItem>
      <MenuItem onClick={actions.exportToFile}>
        <ListItemIcon><FileDownloadOutlinedIcon fontSize="small" /></ListItemIcon>Export to file…
      </MenuItem>
      <MenuItem onClick={actions.share} onFocus={actions.shareIntent} onPointerEnter={actions.shareIntent}>
        <ListItemIcon><ShareOutlinedIcon fontSize="small" /></ListItemIcon>Share…
      </MenuItem>
      <MenuItem onClick={actions.delete}>
        <ListItemIcon><DeleteOutlinedIcon fontSize="small" /></ListItemIcon>Delete
      </MenuItem>
    </Menu>
  );
}
