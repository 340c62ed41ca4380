// A GEMMA-like catalogue for tests that need one in seconds: four reference components (with GEMMA type
// and Object ID) in AMEFF, and a release that renames two of them (same GEMMA ids).
export const COMPONENTS = [
  { id: '11111111-0000-4000-8000-000000000001', name: 'Zaakregistratiecomponent' },
  { id: '11111111-0000-4000-8000-000000000002', name: 'Documentregistratiecomponent' },
  { id: '11111111-0000-4000-8000-000000000003', name: 'Serviceregistercomponent' },
  { id: '11111111-0000-4000-8000-000000000004', name: 'Gebruikersbeheercomponent' },
];
export const RENAMES: Record<string, string> = { Serviceregistercomponent: 'Serviceregister-component', Gebruikersbeheercomponent: 'Gebruikers- en rechtenbeheercomponent' };

/** A GEMMA-like catalogue: reference components with their GEMMA type and Object ID, the names given. */
export const catalogue = (name: (component: string) => string) => `<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="id-gemma">
  <name xml:lang="nl">GEMMA</name>
  <elements>
${COMPONENTS.map(c => `    <element identifier="id-${c.id}" xsi:type="ApplicationComponent">
      <name xml:lang="nl">${name(c.name)}</name>
      <properties>
        <property propertyDefinitionRef="propid-type"><value>Referentiecomponent</value></property>
        <property propertyDefinitionRef="propid-object"><value>${c.id}</value></property>
      </properties>
    </element>`).join('\n')}
  </elements>
  <propertyDefinitions>
    <propertyDefinition identifier="propid-type" type="string"><name>GEMMA type</name></propertyDefinition>
    <propertyDefinition identifier="propid-object" type="string"><name>Object ID</name></propertyDefinition>
  </propertyDefinitions>
</model>
`;
