// The views of the imported models (importers/sources/archimate/views.ts, kept per model by the import)
// as AMEFF 3.0 `<view>`s, their boxes and lines pointing at the ids the export gave the elements and
// relationships. What the export does not hold is left out (resolvableViews), so the file stays valid.
import { type ArchiView, type ViewNode, resolvableViews } from '../../importers/sources/archimate/views.js';
import { escapeXml } from './xml.js';

export type ViewIdMaps = {
  /** ArchiMate id of an element or relationship as imported → its id in the export. */
  element: Map<string, string>;
  relationship: Map<string, string>;
  freshId: (preferred: string | undefined, fallback: string) => string;
  lang: string;
  properties: (list: { key: string; value: string }[], indent: string) => string[];
};

/** Each view as its lines (indented for `<views><diagrams>`), with the export id each view got. */
export function importedViews(views: ArchiView[], maps: ViewIdMaps): { id: string; folder: string[]; lines: string[] }[] {
  const shown = resolvableViews(views, id => maps.element.has(id), id => maps.relationship.has(id));
  const viewIds = new Map(shown.map(view => [view.id, maps.freshId(view.id, `view-${view.id}`)]));
  const { lang } = maps;
  return shown.map(view => {
    const nodeIds = new Map<string, string>();
    const node = (n: ViewNode, indent: string): string[] => {
      const id = maps.freshId(n.id, `node-${n.id}`);
      nodeIds.set(n.id, id);
      const ref = n.kind === 'Element' ? ` elementRef="${maps.element.get(n.ref!)}"` : '';
      const open = `${indent}<node identifier="${id}"${ref} xsi:type="${n.kind}" x="${n.x}" y="${n.y}" w="${n.w}" h="${n.h}"`;
      const body = [
        ...(n.label !== undefined ? [`${indent}  <label xml:lang="${lang}">${escapeXml(n.label)}</label>`] : []),
        ...(n.fill ? [`${indent}  <style><fillColor r="${n.fill[0]}" g="${n.fill[1]}" b="${n.fill[2]}"/></style>`] : []),
        ...(n.viewRef ? [`${indent}  <viewRef ref="${viewIds.get(n.viewRef)}"/>`] : []),
        // A Label holds no boxes in AMEFF: its children are drawn beside it.
        ...(n.kind === 'Label' ? [] : n.children.flatMap(child => node(child, `${indent}  `))),
      ];
      const after = n.kind === 'Label' ? n.children.flatMap(child => node(child, indent)) : [];
      return [...(body.length ? [`${open}>`, ...body, `${indent}</node>`] : [`${open}/>`]), ...after];
    };
    const nodes = view.nodes.flatMap(n => node(n, '      '));
    const connections = view.connections.map(c => {
      const ref = c.kind === 'Relationship' ? ` relationshipRef="${maps.relationship.get(c.ref!)}"` : '';
      const open = `      <connection identifier="${maps.freshId(c.id, `conn-${c.id}`)}"${ref} xsi:type="${c.kind}" source="${nodeIds.get(c.source)}" target="${nodeIds.get(c.target)}"`;
      return c.bendpoints.length ? [`${open}>`, ...c.bendpoints.map(b => `        <bendpoint x="${b.x}" y="${b.y}"/>`), '      </connection>'] : [`${open}/>`];
    });
    const id = viewIds.get(view.id)!;
    return {
      id,
      folder: view.folder,
      lines: [
        `    <view identifier="${id}" xsi:type="Diagram"${view.viewpoint ? ` viewpoint="${escapeXml(view.viewpoint)}"` : ''}>`,
        `      <name xml:lang="${lang}">${escapeXml(view.name)}</name>`,
        ...(view.documentation ? [`      <documentation xml:lang="${lang}">${escapeXml(view.documentation)}</documentation>`] : []),
        ...maps.properties(view.properties ?? [], '      '),
        ...nodes,
        ...connections.flat(),
        '    </view>',
      ],
    };
  });
}
