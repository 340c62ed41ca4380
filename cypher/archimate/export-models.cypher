// title: ArchiMate export: imported models
// description: The records of the models imported for the organisations $organisations (archimate/store-model), whose views the export draws again.
MATCH (m:ArchimateModel)
WHERE m.organisation IN $organisations
RETURN m.source AS source, m.modelId AS modelId, m.name AS name, m.documentation AS documentation, m.properties AS properties, m.views AS views
ORDER BY source
