// Which interface standards count as open: the Dutch government's 'pas toe of leg uit' list
// (Forum Standaardisatie) plus the municipal exchange standards GEMMA prescribes. Anything else,
// or no standard at all, counts as proprietary for the lock-in analysis.
import { slug } from './model.js';

export const OPEN_STANDARDS = [
  'StUF', 'StUF-BG', 'StUF-ZKN', 'StUF-DMS', 'StUF-EF', 'StUF-WOZ', 'StUF-LVO', 'StUF-TAX',
  'ZGW API', 'ZGW APIs', 'Zaakgericht werken API', 'Haal Centraal', 'Haal Centraal BRP', 'Haal Centraal BAG', 'Common Ground',
  'Digikoppeling', 'Digikoppeling ebMS', 'Digikoppeling WUS', 'Digikoppeling REST', 'Digimelding', 'Digilevering',
  'REST API Design Rules', 'NL API Strategie', 'OpenAPI', 'OpenAPI Specification', 'JSON', 'XML', 'CSV', 'SOAP', 'REST', 'GraphQL',
  'OAuth', 'OAuth 2.0', 'NL GOV OAuth', 'OpenID Connect', 'NL GOV OIDC', 'SAML', 'SAML 2.0', 'TLS', 'HTTPS', 'HSTS',
  'CMIS', 'ODF', 'PDF/A', 'PDF', 'iCalendar', 'CalDAV', 'CardDAV', 'SMTP', 'STARTTLS', 'DKIM', 'SPF', 'DMARC', 'DNSSEC', 'IPv6',
  'NEN 3610', 'NEN3610', 'GML', 'WMS', 'WFS', 'WMTS', 'CityGML', 'IMBAG', 'IMGeo', 'STOP/TPOD', 'DSO', 'NLCS',
  'e-Factuur', 'Peppol', 'UBL', 'SETU', 'SEPA', 'XBRL', 'SBR', 'FHIR', 'HL7', 'iWMO', 'iJW', 'iStandaarden', 'Suwinet',
  'SAML/eHerkenning', 'eHerkenning', 'DigiD', 'eIDAS', 'Logius', 'BRP', 'BAG', 'BRK', 'BGT', 'WOZ', 'NHR', 'RSGB', 'RGBZ', 'MDTO', 'TMLO',
] as const;

const open = new Set(OPEN_STANDARDS.map(slug));

/** A standard by its name, with or without its version (`StUF 3.01`, `ZGW API v1.5`). */
export const isOpenStandard = (name: string) => open.has(slug(name)) || open.has(slug(name).replace(/(-v?\d+)+$/, ''));
