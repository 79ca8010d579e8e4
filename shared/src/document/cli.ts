#!/usr/bin/env node
/**
 * `npm run -s doc:parse -- <file>` (.txt in UTF-8/GBK, .docx or .xlsx): print one JSON object describing the duty list to stdout and exit 0
 * (also when there are warnings), or print a one-line reason to stderr and exit 2 when the file is no
 * duty list (empty, binary, no table, over 50 MB, unreadable).
 */
import { readFileSync, statSync } from 'node:fs';
import { MAX_DOCUMENT_BYTES, NotADutyListError } from './document-error';
import { parseDutyListFile } from './office';
import type { ParsedDutyListDocument } from './parse-document';

/** The fixed JSON contract of the CLI: exactly these keys per table. */
export function toCliJson(doc: ParsedDutyListDocument) {
  return {
    township: doc.township,
    county: doc.county,
    prefecture: doc.prefecture,
    statedCounts: doc.statedCounts,
    lists: {
      basic: doc.lists.basic.map(({ seq, category, name, line }) => ({ seq, category, name, line })),
      cooperative: doc.lists.cooperative.map(
        ({ seq, category, name, departments, upperDuties, townshipDuties, line }) => ({
          seq,
          category,
          name,
          departments,
          upperDuties,
          townshipDuties,
          line,
        }),
      ),
      revoked: doc.lists.revoked.map(({ seq, category, name, undertaker, line }) => ({
        seq,
        category,
        name,
        undertaker,
        line,
      })),
    },
    issues: doc.issues.map(({ severity, code, line, list, seq, message }) => ({
      severity,
      code,
      line,
      list,
      seq,
      message,
    })),
  };
}

function fail(reason: string): number {
  process.stderr.write(`${reason.replace(/\s*\n\s*/g, ' ')}\n`);
  return 2;
}

export async function runCli(args: string[]): Promise<number> {
  const file = args[0];
  if (!file) return fail('用法：npm run -s doc:parse -- <文件>');
  let bytes: Buffer;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return fail(`无法读取文件：${file} 不是普通文件`);
    if (stat.size > MAX_DOCUMENT_BYTES) return fail(new NotADutyListError('TOO_LARGE').message);
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    return fail(`无法读取文件：${file}${code ? `（${code}）` : ''}`);
  }
  try {
    const doc = await parseDutyListFile(bytes);
    process.stdout.write(`${JSON.stringify(toCliJson(doc))}\n`);
    return 0;
  } catch (error) {
    if (error instanceof NotADutyListError) return fail(error.message);
    return fail(`无法读取文件：${(error as Error).message}`);
  }
}

if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
