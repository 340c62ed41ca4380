// title: ArchiMate model record: delete
// description: A source $source deleted: the record of the model it imported (archimate/store-model) goes with it.
MATCH (m:ArchimateModel {source: $source})
DELETE m
