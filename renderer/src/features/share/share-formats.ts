/** The formats the share dialog offers, in the order its tabs list them. */
export const SHARE_FORMATS = [
  {
    id: 'packet',
    title: 'Board packet (PDF)',
    reader: 'School board and funders',
    audience: 'For the school board and funders: the whole plan on paper, ready to approve.',
  },
  {
    id: 'briefs',
    title: 'School briefs (PDF)',
    reader: 'Principals, a page per school',
    audience: 'For principals: one page per school on what their school does, when, and with what.',
  },
  {
    id: 'xlsx',
    title: 'Spreadsheet (.xlsx)',
    reader: 'Finance office, one workbook',
    audience: 'For the finance office: every table in one workbook, numbers ready to add up.',
  },
  {
    id: 'csv',
    title: 'Spreadsheet tables (.csv)',
    reader: 'Any spreadsheet, a file per table',
    audience: 'For the finance office and anyone with a spreadsheet: one file per table.',
  },
  {
    id: 'calendar',
    title: 'Calendar (.ics)',
    reader: 'Everyone’s calendar',
    audience: 'For everyone’s calendar: phases, go / no-go gates and milestones.',
  },
  {
    id: 'mspdi',
    title: 'MS Project (.xml)',
    reader: 'Microsoft Project, ProjectLibre',
    audience: 'For offices that track projects in Microsoft Project or ProjectLibre: phases as summary tasks, milestones and gates as milestones.',
  },
  {
    id: 'plan-file',
    title: 'Plan file (.roadmap.json)',
    reader: 'Colleagues with Roadmap Planner',
    audience: 'For colleagues with Roadmap Planner; opens as the same plan.',
  },
] as const satisfies readonly {
  id: string;
  /** The format's name, on its tab and as its panel's heading. */
  title: string;
  /** Who reads it, in a few words: the tab's second line, where the whole audience does not fit. */
  reader: string;
  /** Who it is for and what they get, in one line at the top of its panel. */
  audience: string;
}[];

export type ShareFormat = (typeof SHARE_FORMATS)[number]['id'];

export function shareFormat(id: ShareFormat): (typeof SHARE_FORMATS)[number] {
  const format = SHARE_FORMATS.find((f) => f.id === id);
  if (!format) throw new Error(`The share dialog has no format “${id}”.`);
  return format;
}
