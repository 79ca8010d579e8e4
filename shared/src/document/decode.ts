import { MAX_DOCUMENT_BYTES, NotADutyListError } from './document-error';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Bytes that were not valid UTF-8 in an otherwise UTF-8 text (shown as U+FFFD). */
  invalidBytes?: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Share of control characters (other than tab, CR, LF, FF) above which the input is binary. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, 65536));
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control += 1;
  }
  return control > sample.length / 100;
}

/** CommonJS `require` where it exists (Node); undefined in the browser bundle. */
declare const require: ((id: string) => unknown) | undefined;

interface IconvLite {
  decode(bytes: Uint8Array, encoding: string): string;
}

/**
 * GB18030 (superset of GBK/GB2312). On Node through iconv-lite, loaded only when needed so the browser
 * bundle of `shared` never pulls in Node's Buffer; browsers decode with their own TextDecoder.
 */
function decodeGb18030(bytes: Uint8Array): string {
  if (typeof require === 'function') {
    const iconv = require('iconv-lite') as IconvLite;
    return iconv.decode(bytes, 'gb18030');
  }
  return new TextDecoder('gb18030').decode(bytes);
}

/**
 * Decode the bytes of a text document: UTF-8 (with or without BOM), UTF-16 with BOM, otherwise
 * GB18030 (a superset of GBK), which is what Chinese Windows tools write.
 */
export function decodeDocumentBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length > MAX_DOCUMENT_BYTES) throw new NotADutyListError('TOO_LARGE');
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  if (looksBinary(bytes)) throw new NotADutyListError('BINARY');
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: utf8.decode(body), encoding: 'utf-8' };
  } catch {
    // A few broken bytes in a UTF-8 file (a cut copy, a bad sector) are not GBK: keep UTF-8 and say so.
    const lenient = new TextDecoder('utf-8').decode(body);
    const replaced = lenient.split('\uFFFD').length - 1;
    if (replaced <= Math.max(3, lenient.length / 2000))
      return { text: lenient, encoding: 'utf-8', invalidBytes: replaced };
    return { text: decodeGb18030(bytes), encoding: 'gb18030' };
  }
}

/** Decode bytes or pass text through (dropping a BOM). */
export function decodeDocument(input: string | Uint8Array): DecodedText {
  if (typeof input === 'string') {
    if (input.length > MAX_DOCUMENT_BYTES) throw new NotADutyListError('TOO_LARGE');
    return { text: input.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  }
  return decodeDocumentBytes(input);
}
