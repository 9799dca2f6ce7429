// What `zhenggai query` agrees to run: exactly one read-only statement, as the database's own
// parser sees it (never a guess from the text by a pattern).
// - SQLite: better-sqlite3 prepares exactly one statement (it refuses more), and SQLite says
//   whether it returns rows (Statement.reader) and whether it leaves the database as it was
//   (Statement.readonly: sqlite3_stmt_readonly). The dataset is opened read-only besides.
// - PostgreSQL: PostgreSQL's own parser (libpg-query, compiled to WebAssembly) parses the text;
//   one statement that is a SELECT (WITH … SELECT, VALUES, TABLE, EXPLAIN of one) is accepted,
//   with no statement of another kind anywhere in its tree (a WITH that deletes), no SELECT …
//   INTO and no FOR UPDATE/SHARE, and no call of a function of the deny-list
//   (store/sql-deny.json). It then runs in a read-only transaction with a statement timeout.
import { readFileSync } from 'node:fs';
import type { Statement } from 'better-sqlite3';
import type { DB } from './db.js';
import { rootPath } from '../core/paths.js';

/** A statement query will not run: the message says why, in plain words (exit 2). */
export class QueryRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryRefused';
  }
}

const ALLOWED = 'query runs one read-only statement that returns rows';

// --- SQLite ------------------------------------------------------------------------------

/** Prepare `sql` on a dataset opened read-only, refusing all but one read-only statement that returns rows. */
export function sqliteStatement(db: DB, sql: string): Statement {
  let st: Statement;
  try {
    st = db.prepare(sql);
  } catch (e) {
    const m = (e as Error).message;
    if (/more than one statement/.test(m)) throw new QueryRefused(`refused: more than one statement; ${ALLOWED} (one SELECT, WITH … SELECT, VALUES, EXPLAIN or a PRAGMA that only reads)`);
    if (/contains no statements/.test(m)) throw new QueryRefused('no SQL statement given');
    throw e;
  }
  if (!st.readonly) throw new QueryRefused(`refused: this statement would change the dataset (INSERT, UPDATE, DELETE, CREATE, a PRAGMA that sets something …); ${ALLOWED}, on a dataset opened read-only`);
  if (!st.reader) throw new QueryRefused(`refused: this statement returns no rows (ATTACH, DETACH, BEGIN, COMMIT, a PRAGMA that sets something …); ${ALLOWED}: SELECT, WITH … SELECT, VALUES, EXPLAIN or a PRAGMA that only reads`);
  return st;
}

/**
 * The statement's text without what may follow it (a `;`, spaces, comments), so that it can be
 * put inside another statement. Called only on text that SQLite has prepared as exactly one
 * statement: what is left after its last token can only be those. Quotes and comments are
 * skipped as SQLite's tokenizer does ('…' "…" `…` […], line comments and block comments).
 */
export function sqliteStatementText(sql: string): string {
  let end = 0;
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    if (c === '-' && sql[i + 1] === '-') { const nl = sql.indexOf('\n', i); i = nl < 0 ? n : nl + 1; continue; }
    if (c === '/' && sql[i + 1] === '*') { const e = sql.indexOf('*/', i + 2); i = e < 0 ? n : e + 2; continue; }
    if (c === ';' || /\s/.test(c)) { i++; continue; }
    if (c === "'" || c === '"' || c === '`' || c === '[') {
      const close = c === '[' ? ']' : c;
      let j = i + 1;
      for (;;) {
        const k = sql.indexOf(close, j);
        if (k < 0) { j = n; break; }
        // a doubled quote stands for itself inside '…' "…" `…`
        if (close !== ']' && sql[k + 1] === close) { j = k + 2; continue; }
        j = k + 1;
        break;
      }
      i = j;
      end = j;
      continue;
    }
    i++;
    end = i;
  }
  return sql.slice(0, end);
}

// --- PostgreSQL --------------------------------------------------------------------------

interface DenyEntry { names?: string[]; prefixes?: string[]; why: string }
let deny: { names: Map<string, string>; prefixes: Array<[string, string]> } | null = null;

/** The deny-list of store/sql-deny.json: function name → why. */
function denyList() {
  if (deny) return deny;
  const data = JSON.parse(readFileSync(rootPath('store', 'sql-deny.json'), 'utf8')) as { functions: DenyEntry[] };
  const names = new Map<string, string>();
  const prefixes: Array<[string, string]> = [];
  for (const e of data.functions) {
    for (const n of e.names ?? []) names.set(n.toLowerCase(), e.why);
    for (const p of e.prefixes ?? []) prefixes.push([p.toLowerCase(), e.why]);
  }
  return (deny = { names, prefixes });
}

/** Why `name` (a function's name, without its schema) may not be called, or null. */
export function deniedFunction(name: string): string | null {
  const n = name.toLowerCase();
  const d = denyList();
  return d.names.get(n) ?? d.prefixes.find(([p]) => n.startsWith(p))?.[1] ?? null;
}

/** Parse-tree node names of statements, as said to a person. */
const STATEMENT_WORDS: Record<string, string> = {
  CopyStmt: 'COPY (it can write files and run programs on the server)',
  VariableSetStmt: 'SET/RESET (it would change the session\'s settings, such as turning read-only off)',
  TransactionStmt: 'BEGIN/COMMIT/ROLLBACK (it would end or change the read-only transaction the statement runs in)',
  DoStmt: 'DO (it runs procedural code)',
  CallStmt: 'CALL (it runs a procedure)',
  InsertStmt: 'INSERT (a write)',
  UpdateStmt: 'UPDATE (a write)',
  DeleteStmt: 'DELETE (a write)',
  MergeStmt: 'MERGE (a write)',
  TruncateStmt: 'TRUNCATE (a write)',
  CreateTableAsStmt: 'CREATE TABLE AS (a write)',
  VariableShowStmt: 'SHOW',
  LockStmt: 'LOCK',
  NotifyStmt: 'NOTIFY',
  ListenStmt: 'LISTEN',
  PrepareStmt: 'PREPARE',
  ExecuteStmt: 'EXECUTE',
  DeclareCursorStmt: 'DECLARE CURSOR',
  FetchStmt: 'FETCH',
  VacuumStmt: 'VACUUM/ANALYZE',
  LoadStmt: 'LOAD',
  CheckPointStmt: 'CHECKPOINT',
  DiscardStmt: 'DISCARD',
};
const words = (node: string) => STATEMENT_WORDS[node] ?? node.replace(/Stmt$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase();

type PgParse = (sql: string) => Promise<{ stmts: Array<{ stmt: Record<string, unknown>; stmt_location?: number; stmt_len?: number }> }>;
let parser: PgParse | null = null;
async function pgParse(sql: string) {
  if (!parser) {
    const m = await import('libpg-query');
    await m.loadModule();
    parser = m.parse as unknown as PgParse;
  }
  return parser(sql);
}

export interface PgChecked {
  /** the statement's own text (without a trailing `;`), fit to be put inside another statement */
  text: string;
  /** a SELECT (VALUES, TABLE, WITH … SELECT) can be read through a wrapper; an EXPLAIN cannot */
  kind: 'select' | 'explain';
}

/** Check one statement for PostgreSQL with PostgreSQL's own parser; throws QueryRefused. */
export async function checkPgStatement(sql: string): Promise<PgChecked> {
  if (!sql.trim()) throw new QueryRefused('no SQL statement given');
  let tree: Awaited<ReturnType<PgParse>>;
  try {
    tree = await pgParse(sql);
  } catch (e) {
    throw new QueryRefused(`the statement does not parse: ${(e as Error).message}`);
  }
  const stmts = tree.stmts ?? [];
  if (!stmts.length) throw new QueryRefused('no SQL statement given');
  if (stmts.length > 1) throw new QueryRefused(`refused: ${stmts.length} statements; ${ALLOWED} (one SELECT, WITH … SELECT, VALUES, TABLE or EXPLAIN of one)`);
  const { stmt, stmt_location: at = 0, stmt_len: len = 0 } = stmts[0]!;
  const [top] = Object.keys(stmt);
  if (top !== 'SelectStmt' && top !== 'ExplainStmt') {
    throw new QueryRefused(`refused: ${words(top ?? 'an empty statement')} is not allowed; ${ALLOWED}, read-only: SELECT, WITH … SELECT, VALUES, TABLE or EXPLAIN of one`);
  }
  walk(stmt, true);
  // locations are byte offsets in the UTF-8 text; a length of 0 runs to its end
  const bytes = Buffer.from(sql, 'utf8');
  const text = bytes.subarray(at, len ? at + len : bytes.length).toString('utf8');
  return { text, kind: top === 'SelectStmt' ? 'select' : 'explain' };
}

/** Refuse any statement but SELECT inside, SELECT … INTO, FOR UPDATE/SHARE and denied functions. */
function walk(node: unknown, top = false): void {
  if (Array.isArray(node)) { for (const x of node) walk(x); return; }
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (/^[A-Z]\w*Stmt$/.test(key) && key !== 'SelectStmt' && !(top && key === 'ExplainStmt')) {
      throw new QueryRefused(`refused: the statement holds ${words(key)}${key === 'ExplainStmt' ? '' : ' (in a WITH or an EXPLAIN)'}; ${ALLOWED}, read-only: nothing in it may write`);
    }
    if (key === 'intoClause' && value) throw new QueryRefused('refused: SELECT … INTO creates a table; query is read-only (leave out INTO)');
    if (key === 'lockingClause' && value) throw new QueryRefused('refused: SELECT … FOR UPDATE/SHARE locks rows; query is read-only (leave out FOR UPDATE/SHARE)');
    if (key === 'FuncCall') {
      const parts = ((value as { funcname?: Array<{ String?: { sval?: string } }> }).funcname ?? []).map((p) => p.String?.sval ?? '');
      const name = parts[parts.length - 1] ?? '';
      const why = deniedFunction(name);
      if (why) throw new QueryRefused(`refused: ${parts.join('.')}() is not allowed in query: ${why}`);
    }
    walk(value);
  }
}
