// Parameter schemas shared by the analyses. They take query-string values (strings, or arrays of
// strings when a parameter repeats) and coerce them; the API validates req.query with them and
// generates its OpenAPI document from them.
import { z } from 'zod';
import { dutchDay } from '../format.js';

const blank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** `gm1`, `gm1,gm2`, `['gm1','gm2']` or `org:gm1` → ['gm1', 'gm2']; absent → null (all organisations). */
export const Organisations = z
  .preprocess(value => {
    if (blank(value)) return null;
    const items = (Array.isArray(value) ? value : [value]).flatMap(item => String(item).split(','));
    return items.map(item => item.trim().replace(/^org:/, '')).filter(Boolean);
  }, z.array(z.string().min(1).max(200)).min(1, 'at least one organisation id').max(1000).nullable())
  .default(null)
  .meta({ description: 'Organisation id(s): one, several comma-separated, or absent for all / Organisatie(s): één, meerdere met komma’s, of leeg voor alle' });

/** Query-string booleans: true/false/yes/no/ja/nee/1/0. */
export const booleanParam = z.preprocess(value => {
  if (typeof value !== 'string') return value;
  const lower = value.trim().toLowerCase();
  if (['true', 'yes', 'ja', '1', 'on'].includes(lower)) return true;
  if (['false', 'no', 'nee', '0', 'off', ''].includes(lower)) return false;
  return value;
}, z.boolean());

/** A whole number from a query string. */
export const Integer = (min: number, max: number, fallback: number, description: string) =>
  z.preprocess(value => (blank(value) ? undefined : typeof value === 'string' ? Number(value) : value), z.number().int().min(min).max(max).default(fallback)).meta({ description });

/** A whole number from a query string, or undefined when absent (no limit). */
export const OptionalInteger = (min: number, max: number, description: string) =>
  z.preprocess(value => (blank(value) ? undefined : typeof value === 'string' ? Number(value) : value), z.number().int().min(min).max(max).optional()).meta({ description });

/** `YYYY-MM-DD`, validated as a real calendar date. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine(text => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text), 'an existing calendar date');

export const OptionalDate = (description: string) => z.preprocess(value => (blank(value) ? undefined : value), IsoDate.optional()).meta({ description });

/** A required uid such as `supplier:acme` or `platform:p1`. */
export const Uid = (description: string) => z.preprocess(value => (typeof value === 'string' ? value.trim() : value), z.string().min(3).max(300)).meta({ description });

export const OptionalUid = (description: string) => z.preprocess(value => (blank(value) ? undefined : typeof value === 'string' ? value.trim() : value), z.string().min(3).max(300).optional()).meta({ description });

/** Today as the analyses count from it: the day it is in the Netherlands (00:30 there is already tomorrow in UTC's terms, not yesterday). */
export const today = () => dutchDay();

/** An ISO date `days` calendar days later (earlier when negative). */
export const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export { addMonths } from '../format.js';

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
