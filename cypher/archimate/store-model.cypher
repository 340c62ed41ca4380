// title: ArchiMate model record
// description: What an imported model needs besides its elements and relationships to be written back as it came (server/exports/ameff.ts): its id, name, documentation and properties (JSON) and its views (JSON, importers/sources/archimate/views.ts), one record per source $source, for the organisation $organisation (null: a catalogue).
MERGE (m:ArchimateModel {source: $source})
SET m.organisation = $organisation, m.modelId = $modelId, m.name = $name, m.documentation = $documentation, m.properties = $properties, m.views = $views
