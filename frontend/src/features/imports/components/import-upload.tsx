import { Alert, Spin, Typography, Upload } from 'antd';
import { errorMessage } from '@/lib/api-client';

/** The API refuses anything larger (413 FILE_TOO_LARGE); checked here too, to save the upload. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const IMPORT_ACCEPT = '.txt,.docx,.xlsx';

export interface ImportUploadProps {
  uploading: boolean;
  error: unknown;
  onFile: (file: File) => void;
  onTooLarge: () => void;
}

/** Step 1: pick the document (drag and drop or click). */
export function ImportUpload({ uploading, error, onFile, onTooLarge }: ImportUploadProps) {
  return (
    <div data-testid="import-upload">
      {error !== null && error !== undefined && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message="文件无法导入"
          description={errorMessage(error, '上传失败，请稍后重试')}
          data-testid="import-upload-error"
        />
      )}
      <Spin spinning={uploading} tip="正在上传并解析文档…">
        <Upload.Dragger
          accept={IMPORT_ACCEPT}
          multiple={false}
          showUploadList={false}
          disabled={uploading}
          beforeUpload={(file) => {
            if (file.size > MAX_IMPORT_BYTES) onTooLarge();
            else onFile(file);
            // Never let antd upload by itself: the API client sends it (token, typed errors).
            return false;
          }}
          data-testid="import-dragger"
        >
          <p className="ant-upload-drag-icon" aria-hidden style={{ fontSize: 40, lineHeight: 1 }}>
            📄
          </p>
          <p className="ant-upload-text">点击或将文件拖到此处上传</p>
          <p className="ant-upload-hint">支持 Word 导出的文本、.docx、.xlsx，最大 50 MB</p>
        </Upload.Dragger>
      </Spin>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        上传后先生成预览，核对无误并点击“确认导入”后才会写入草稿。
      </Typography.Paragraph>
    </div>
  );
}
