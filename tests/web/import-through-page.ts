// Importing through the import page as a person does, for the browser tests that need sources in place
// first (data quality, the import page's words): files chosen, a source named, "Importeren" (or "Controleren") clicked.
import type { Page } from 'playwright-core';

/** A CSV file as the file chooser hands it over. */
export const csvFile = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
export type CsvFile = ReturnType<typeof csvFile>;

/** Imports `files` as `source` and waits until the page also knows how many of the source's facts differ from another's. */
export async function importThroughPage(page: Page, files: CsvFile[], source: string): Promise<void> {
  await page.setInputFiles('#import-files', files);
  await page.fill('#import-source', source);
  await page.click('#import-commit');
  await page.waitForSelector('#import-result[data-conflicts] .message.ok', { timeout: 60_000 });
}

/** Checks `files` as `source` ("Controleren") and waits until `answer` (a selector in the result) is shown. */
export async function checkThroughPage(page: Page, files: CsvFile[], source: string, answer: string): Promise<void> {
  await page.setInputFiles('#import-files', files);
  await page.fill('#import-source', source);
  await page.click('#import-dry-run');
  await page.waitForSelector(answer);
}
