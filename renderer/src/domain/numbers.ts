/**
 * Numbers as planners type them and as the app shows them: one parser for every field where a
 * planner types a figure (profile, outcomes, indicators, schools), one formatter.
 */

export type NumberInput = { ok: true; value: number | null } | { ok: false; message: string };

/** Largest size a typed number may take: beyond this a typo is far likelier than a real figure. */
const NUMBER_LIMIT = 1e12;

const PLAIN = /^-?(\d+(\.\d+)?|\.\d+)$/;
const GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * Reads a number as planners type it: "1,250", "75%", "-3.5", " 12 ". Blank reads as null
 * unless `required`. Anything else gets a message naming the field.
 */
export function parseNumberInput(text: string, label: string, options: { required?: boolean } = {}): NumberInput {
  const cleaned = text.trim().replace(/\s*%$/, '').replace(/^\u2212/, '-').replace(/\s/g, '');
  if (cleaned === '' && text.trim() !== '') return { ok: false, message: `${label} must be a number, like 1,250 or 75%.` };
  if (cleaned === '') {
    return options.required ? { ok: false, message: `${label} is needed.` } : { ok: true, value: null };
  }
  // Commas only as thousands separators: "12,50" is more likely a decimal comma than 1,250.
  if (cleaned.includes(',') ? !GROUPED.test(cleaned) : !PLAIN.test(cleaned)) {
    return { ok: false, message: `${label} must be a number, like 1,250 or 75%.` };
  }
  const value = Number(cleaned.replace(/,/g, ''));
  if (!Number.isFinite(value) || Math.abs(value) >= NUMBER_LIMIT) {
    return { ok: false, message: `${label} is too large: check for a typo.` };
  }
  // -0 reads as 0.
  return { ok: true, value: value === 0 ? 0 : value };
}

const NUMBER_FORMATS = new Map<number, Intl.NumberFormat>();

/** A number as the fields show it, to at most `decimals` places: "1,250", "75", "3.25". */
export function formatNumber(value: number, decimals = 4): string {
  let format = NUMBER_FORMATS.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { maximumFractionDigits: decimals });
    NUMBER_FORMATS.set(decimals, format);
  }
  return format.format(value);
}
