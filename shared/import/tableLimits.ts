/**
 * The size limit of an imported table file, apart from the reader: the IPC
 * contract checks it too, and the reader's module brings exceljs with it,
 * which must not load with the app's first screen.
 */

/** Larger files are refused before reading: a survey of 100,000 respondents is a few MB. */
export const MAX_TABLE_FILE_BYTES = 50 * 1024 * 1024;
