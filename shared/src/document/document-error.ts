/** Why an input is not a duty list at all. */
export type NotADutyListReason = 'EMPTY' | 'BINARY' | 'TOO_LARGE' | 'NO_TABLE' | 'UNREADABLE';

const MESSAGES: Record<NotADutyListReason, string> = {
  EMPTY: '文件为空',
  BINARY: '文件不是文本文档（疑似二进制文件）',
  TOO_LARGE: '文件超过 50 MB',
  NO_TABLE: '文档中未找到履职事项清单表格（缺少“序号、事项类别、事项名称”表头）',
  UNREADABLE: '无法读取文件',
};

/** Thrown when an input cannot be read as a duty list; `message` is Chinese and fit for users. */
export class NotADutyListError extends Error {
  readonly reason: NotADutyListReason;

  constructor(reason: NotADutyListReason, detail?: string) {
    super(detail ? `${MESSAGES[reason]}：${detail}` : MESSAGES[reason]);
    this.name = 'NotADutyListError';
    this.reason = reason;
  }
}

/** Largest input the parser accepts. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;
