// The Algoritmeregister tests' landscape and register files (tests/fixtures/algoritmeregister).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Landscape } from '../../importers/model.js';

const here = dirname(fileURLToPath(import.meta.url));
export const registerFile = (name: string) => ({ name, bytes: readFileSync(join(here, '..', 'fixtures', 'algoritmeregister', name)) });

/** Gemeente Utrecht (gm0344): Zivver on a US cloud, Parkeerbeheer Pro and a Kievit application, both by Kievit Software. */
export const utrecht = () => Landscape.parse({
  organisations: [{ id: 'gm0344', name: 'Gemeente Utrecht', cbsCode: '0344' }],
  suppliers: [
    { id: 'zivver', name: 'Zivver B.V.', country: 'NL' },
    { id: 'kievit', name: 'Kievit Software B.V.', country: 'NL' },
    { id: 'hyper', name: 'Hyperscaler Inc.', country: 'US' },
  ],
  platforms: [{ id: 'cloud', name: 'Hyperscaler Cloud', type: 'iaas', supplier: 'hyper', jurisdiction: 'US' }],
  applications: [
    { id: 'zivver', organisation: 'gm0344', name: 'Zivver', supplier: 'zivver', platform: 'cloud', criticality: 'high', businessFunctions: 'Dienstverlening' },
    { id: 'parkeren', organisation: 'gm0344', name: 'Parkeerbeheer Pro', supplier: 'kievit', criticality: 'medium', businessFunctions: 'Parkeren' },
  ],
});

