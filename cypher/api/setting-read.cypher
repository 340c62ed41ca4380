// title: Read setting
// description: The setting named $name as JSON text, with who stored it when; no row while the defaults apply.
MATCH (s:Setting {name: $name})
WHERE s.value IS NOT NULL
RETURN s.value AS value, s.updatedBy AS updatedBy, toString(s.updatedAt) AS updatedAt
