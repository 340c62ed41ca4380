// title: Lock setting
// description: The setting named $name, write-locked before it is read, so two servers changing it at once apply one change after the other.
MERGE (s:Setting {name: $name})
SET s._lock = true
WITH s
RETURN s.value AS value
