// What the demo's platforms run, so the ICT-foto page has a real answer: the data centres' hypervisor,
// the municipalities' server rooms' Windows Server and some SaaS platforms' application server or
// database, each a version that is supported, ends soon or has ended (by the release cycles in
// data/endoflife.json, taken from endoflife.date). Deterministic by position: the same world always
// gets the same versions.
import type { PlatformRow } from '../model.js';

const DATA_CENTRES = [['VMware ESXi', '7.0.3'], ['VMware ESXi', '8.0.3'], ['VMware ESXi', '8.0.2']] as const;
const SERVER_ROOMS = [['Microsoft Windows Server', '2016'], ['Microsoft Windows Server', '2019'], ['Microsoft Windows Server', '2022']] as const;
const SAAS = [['Apache Tomcat', '9.0.98'], ['PostgreSQL', '13.18'], ['Apache Tomcat', '10.1.34'], ['PostgreSQL', '16.6']] as const;

export function withProductVersions(platforms: PlatformRow[]): PlatformRow[] {
  const seen = { 'data-centre': 0, 'on-premise': 0, saas: 0, iaas: 0 };
  return platforms.map(platform => {
    const i = seen[platform.type]++;
    const [product, version] = platform.type === 'data-centre' ? DATA_CENTRES[i % DATA_CENTRES.length]
      : platform.type === 'on-premise' ? SERVER_ROOMS[i % SERVER_ROOMS.length]
      : platform.type === 'saas' && i > 0 && i % 2 === 1 ? SAAS[((i - 1) / 2) % SAAS.length]
      : [undefined, undefined];
    return product ? { ...platform, product, version } : platform;
  });
}
