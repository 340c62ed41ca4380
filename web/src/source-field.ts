// The import page's source name, checked as it is typed: the rule in words next to the field and a
// valid name made from what was typed ("Leveranciers test B" → "leveranciers-test-b"). The rule is
// the server's (server/routes/imports.ts Source); a source name is a key stamped on every fact the
// import asserts, so it stays a key rather than free text. Pure.

/** Letters, digits and . _ : @ / - (server/routes/imports.ts). */
export const SOURCE_NAME = /^[\p{L}\p{N}._:@/-]+$/u;
export const SOURCE_MAX = 120;

/** Whether `text` (trimmed) may be sent as a source; empty means "derive it from the files". */
export const sourceValid = (text: string) => {
  const name = text.trim();
  return name === '' || (name.length <= SOURCE_MAX && SOURCE_NAME.test(name));
};

/** A valid source name made from what was typed: lower case, every run of other signs becomes one "-". */
export const sourceKeyOf = (text: string) =>
  text.trim().toLowerCase().replace(/[^\p{L}\p{N}._:@/-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, SOURCE_MAX);
