/**
 * A small RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks.
 * Hand-written because the KB importer must run on Workers and needs the line each record
 * starts on, for problem messages.
 */

export interface CsvRecord {
  /** 1-based line in the text where the record starts. */
  line: number;
  fields: string[];
}

export interface CsvResult {
  records: CsvRecord[];
  /** Malformed input, e.g. a quote never closed; reading stops there. */
  errors: { line: number; message: string }[];
}

export function parseCsv(text: string): CsvResult {
  const src = text.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  const errors: CsvResult['errors'] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let inQuotes = false;
  let quoteLine = 1;

  const endRecord = () => {
    fields.push(field);
    // A blank line is not a record (a trailing newline, a spacer between blocks).
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };

  while (i < src.length) {
    const ch = src[i] as string;
    if (inQuotes) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i += 1;
        continue;
      }
      if (ch === '\n' || (ch === '\r' && src[i + 1] !== '\n')) line += 1;
      field += ch === '\r' && src[i + 1] === '\n' ? '' : ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      // Spaces before an opening quote are dropped, as most spreadsheet exports expect.
      field = '';
      inQuotes = true;
      quoteLine = line;
      i += 1;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
    } else {
      field += ch;
      i += 1;
    }
  }
  if (inQuotes) {
    errors.push({ line: quoteLine, message: 'a quoted field is never closed (missing ")' });
    return { records, errors };
  }
  if (field !== '' || fields.length > 0) endRecord();
  return { records, errors };
}
