// Versions as advisories and catalogues write them (server/analyses/versions.ts), and the
// Softwarecatalogus' pakketversie read as a version: pure, no database.
import { readSoftwarecatalogus, versionInName } from '../../importers/softwarecatalogus.js';
import { compareVersions, cycleOf, isProduct, parseRange, satisfies } from '../../server/analyses/versions.js';

const inRange = (range: string, versions: string[]) => versions.filter(version => satisfies(version, parseRange(range)!));

describe('versions', () => {
  it('when dotted versions are compared, then their parts compare as numbers', () => {
    expect(compareVersions('2.10', '2.9')).toBeGreaterThan(0);
    expect(compareVersions('9.0.85', '9.0.9')).toBeGreaterThan(0);
    expect(compareVersions('2.4', '2.4.0')).toBe(0);
    expect(compareVersions('v2.4.1', '2.4.1')).toBe(0);
    expect(compareVersions('2.4.1-rc1', '2.4.1')).toBeLessThan(0);
    expect(['2.9', '2.10', '2.1', '10.0', '2.10.1'].sort(compareVersions)).toEqual(['2.1', '2.9', '2.10', '2.10.1', '10.0']);
  });

  it('when a range is written as advisories write it, then it selects the versions it says', () => {
    const versions = ['1.9', '2.0', '2.3.9', '2.4.0', '2.4.1', '2.10', '10.3', '10.3.1'];
    expect(inRange('>=2.0 <2.4.1', versions)).toEqual(['2.0', '2.3.9', '2.4.0']);
    expect(inRange('<= 10.3', versions)).toEqual(['1.9', '2.0', '2.3.9', '2.4.0', '2.4.1', '2.10', '10.3']);
    expect(inRange('2.4', versions)).toEqual(['2.4.0', '2.4.1']);
    expect(inRange('<2.0 || >=10.3.1', versions)).toEqual(['1.9', '10.3.1']);
    expect(inRange('', versions)).toEqual(versions);
    expect(parseRange('from 2 to 3')).toBeUndefined();
    expect(parseRange('>=')).toBeUndefined();
  });

  it('when a version is placed in its release cycle, then the longest cycle it is under wins, part by part', () => {
    const cycles = [{ cycle: '10' }, { cycle: '10.1' }, { cycle: '1' }, { cycle: '9.0' }];
    expect(cycleOf('10.1.20', cycles)?.cycle).toBe('10.1');
    expect(cycleOf('10.2.0', cycles)?.cycle).toBe('10');
    expect(cycleOf('1.5', cycles)?.cycle).toBe('1');
    expect(cycleOf('9.1', cycles)).toBeUndefined();
  });

  it('when a product is asked for by some of its words, then the names holding all of them match', () => {
    expect(isProduct('Apache Tomcat', 'tomcat')).toBe(true);
    expect(isProduct('log4j-core', 'Log4j')).toBe(true);
    expect(isProduct('Microsoft Windows Server', 'windows server')).toBe(true);
    expect(isProduct('Tomcat', 'apache tomcat')).toBe(false);
  });
});

describe('the Softwarecatalogus pakketversie as a version', () => {
  it('when the portfolio has no version column, then the version is what the package version name adds to the package name', () => {
    expect(versionInName('Zaakwerk Zaken 4.2', 'Zaakwerk Zaken')).toBe('4.2');
    expect(versionInName('Zaakwerk Zaken versie 2024.1', 'Zaakwerk Zaken')).toBe('2024.1');
    expect(versionInName('Zaakwerk Zaken Cloud', 'Zaakwerk Zaken')).toBeUndefined();
    const bytes = Buffer.from('Gemeente id;Pakketversie ID;Pakketversie Naam;Pakket naam\ngm1;pv-1;Zaakwerk Zaken 4.2;Zaakwerk Zaken\ngm1;pv-2;Zaakwerk Zaken;Zaakwerk Zaken\n', 'utf8');
    const { landscape, issues } = readSoftwarecatalogus({ name: 'portfolio.csv', bytes });
    expect(issues).toEqual([]);
    expect(landscape.applications.map(a => [a.id, a.product, a.version])).toEqual([['pv-1', 'Zaakwerk Zaken', '4.2'], ['pv-2', 'Zaakwerk Zaken', undefined]]);
  });
});
