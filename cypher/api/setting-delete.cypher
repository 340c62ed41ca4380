// title: Delete setting
// description: Forgets the setting named $name: the defaults apply again.
MATCH (s:Setting {name: $name})
DELETE s
