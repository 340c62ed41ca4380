// How Roer writes an application's criticality into an ArchiMate export, and how the importer reads it back.
// Every application carries it, "midden" (medium) included: a reader other than Roer does not know that a
// missing property means medium. The property Roer writes is not kept among the model's own properties on
// import (the criticality field holds it, and the export writes it again), so a round trip stays lossless.
import type { ArchiProperty } from './read.js';
import { Criticality } from '../../model.js';

const KEY: Record<string, string> = { nl: 'Kritikaliteit', en: 'Criticality' };
const WORDS: Record<string, Record<Criticality, string>> = {
  nl: { low: 'laag', medium: 'midden', high: 'hoog', critical: 'kritiek' },
  en: { low: 'low', medium: 'medium', high: 'high', critical: 'critical' },
};

/** The criticality property in the export's language (Dutch unless English is asked for). */
export function criticalityProperty(criticality: Criticality, language: string): ArchiProperty {
  const lang = language === 'en' ? 'en' : 'nl';
  return { key: KEY[lang], value: WORDS[lang][criticality] };
}

/** Is this the property Roer writes (either language, a value Roer understands)? */
export const isRoerCriticality = (p: ArchiProperty) =>
  /^(kritikaliteit|criticality)$/i.test(p.key.trim()) && p.value.trim() !== '' && Criticality.safeParse(p.value).success;

/** The model's own properties of an application, without the criticality Roer writes. */
export const withoutRoerCriticality = (properties: ArchiProperty[]) => properties.filter(p => !isRoerCriticality(p));
