// title: Write setting
// description: Stores $value (JSON text) as the setting named $name, with who ($by) and when.
MATCH (s:Setting {name: $name})
SET s.value = $value, s.updatedBy = $by, s.updatedAt = datetime()
REMOVE s._lock
