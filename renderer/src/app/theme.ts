import { createTheme } from '@mui/material/styles';

/**
 * Every colour the app uses, by what it is for: the one place a hex value is written (lint
 * refuses them elsewhere). Colour never carries meaning alone: every coloured thing also has a
 * word, an icon or a pattern. Text colours meet WCAG AA (4.5:1) on the fills they sit on.
 */
export const colors = {
  primary: '#1f4e79',
  secondary: '#6b3fa0',
  page: '#f6f7f9',
  info: '#01579b',
  warning: '#a84300',
  white: '#ffffff',
  black: '#000000',
  /** The darkest ink: chart labels, the outline of a selected cell. */
  ink: '#202124',
  /** Text on a phase bar. */
  barText: '#1b1b1b',
  /** Warning words and icons on white. */
  warningText: '#7a4a00',
  /** The keyboard focus ring on the timeline. */
  focus: '#0b3d91',
  /** The timeline's "today" line and tag. */
  today: '#b3261e',
  /** Milestone markers on the timeline. */
  marker: '#37474f',
  /** A chart's axis and its labels. */
  axis: '#5f6368',
  /** Grid lines: school years, months, chart gridlines, the edges of header cells. */
  gridMajor: '#9aa3ad',
  gridMinor: '#e4e7eb',
  gridLine: '#d5d9de',
  gridEdge: '#c5cbd3',
  /** The timeline header's fill. */
  headerFill: '#f3f5f8',
  /** Tight & loose: each stance's cell fill and text. */
  stance: {
    tight: { background: '#dce8f5', text: '#12395e' },
    shared: { background: '#efe6f8', text: '#4a2773' },
    loose: { background: '#e2f2e4', text: '#1d5224' },
    unset: { background: '#ffffff', text: '#5a636c' },
  },
  /** The timeline: each kind of phase's light fill and strong edge. */
  phaseKind: {
    pilot: { fill: '#e1effa', edge: '#1f4e79' },
    expand: { fill: '#e3f3e6', edge: '#2e6b34' },
    scale: { fill: '#efe6f8', edge: '#6b3fa0' },
    sustain: { fill: '#fdf0dc', edge: '#9a4f00' },
    custom: { fill: '#eceff1', edge: '#4f5b62' },
  },
  /** Chart series in turn (each also has its own pattern), and the district's own budget. */
  series: ['#1f4e79', '#6b3fa0', '#1d5224', '#a84300', '#01579b', '#7a2e47'],
  district: '#4f5760',
} as const;

/** System fonts only: the app works offline and loads nothing from the network. */
export const theme = createTheme({
  palette: {
    primary: { main: colors.primary },
    secondary: { main: colors.secondary },
    background: { default: colors.page },
    // Darker than MUI's defaults so white text on filled messages meets WCAG AA (4.5:1).
    info: { main: colors.info },
    warning: { main: colors.warning },
  },
  typography: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif',
    h1: { fontSize: '1.75rem', fontWeight: 600 },
    h2: { fontSize: '1.25rem', fontWeight: 600 },
    h3: { fontSize: '1.05rem', fontWeight: 600 },
  },
  shape: { borderRadius: 8 },
  components: {
    MuiButton: { defaultProps: { disableElevation: true }, styleOverrides: { root: { textTransform: 'none', fontWeight: 600 } } },
    MuiTextField: { defaultProps: { size: 'small' } },
    MuiTableCell: { styleOverrides: { head: { fontWeight: 600 } } },
  },
});
