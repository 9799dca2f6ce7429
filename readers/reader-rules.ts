// The readers' own rules (rules/readers.json): the words and marks they match in a file, kept as
// data beside the rest of the vocabulary. Each pattern is a rule with an id and examples.
import { loadRules, type RegexRule } from '../core/rules.js';

/** Roles a ledger table's column can have (from its header words). */
export type Role = 'no' | 'category' | 'problem' | 'measures' | 'outcome' | 'status' | 'deadline' | 'owner';
/** The fields of a saved page's disclosure table or info line. */
export type PageField = 'written_date' | 'published_time' | 'published_date' | 'doc_number' | 'index_number' | 'publisher' | 'source';

export interface ReaderRules {
  table_columns: Array<{ role: Role; re: string }>;
  /** marks that say no, or nothing, in a column named after a status value (readers/table-headers.ts) */
  no_marks: string[];
  patterns: {
    heading_style: RegexRule;
    page_field: RegexRule;
    page_date: RegexRule;
    pdf_paragraph_end: RegexRule;
    cell_sentence_end: RegexRule;
    /** a deadline column's cell: a date, or a deadline word (readers/cell-lines.ts) */
    deadline_cell: RegexRule;
    /** a ledger's totals row's first cell: 合计, 总计 (readers/tables.ts) */
    totals_row: RegexRule;
  };
  /** each field's label, as a regex (the value after it is read by patterns.page_field) */
  page_fields: Record<PageField, string>;
  /** the labels a ledger's rows are written with, so the structure rules read them */
  ledger_labels: Record<'category' | 'problem' | 'measures' | 'outcome' | 'status' | 'deadline' | 'note' | 'clause_end' | 'roll_before' | 'roll_after' | 'roll_end' | 'figure_unit', string>;
}

export const readerRules = () => loadRules<ReaderRules>('readers.json');
export const readerPatterns = () => readerRules().patterns;
