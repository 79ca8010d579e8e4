import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Result, Space, Spin, Steps, Typography, Upload } from 'antd';
import { ONBOARDING_LIMITS, type OnboardingPreview } from '@dutylist/shared';
import { errorMessage, isApiError } from '@/lib/api-client';
import { downloadOnboardingTemplate } from '../api/onboarding';
import { useConfirmOnboarding, useDownloadInitialPasswords, useUploadOnboarding } from '../hooks/use-onboarding';
import { OnboardingPreviewPanel } from './onboarding-preview';

const MAX_MB = ONBOARDING_LIMITS.maxFileBytes / 1024 / 1024;

/** Template → upload → preview with its validation report → confirm → the one download of the passwords. */
export function OnboardingWorkflow() {
  const { message } = App.useApp();
  const upload = useUploadOnboarding();
  const confirm = useConfirmOnboarding();
  const passwords = useDownloadInitialPasswords();
  const [preview, setPreview] = useState<OnboardingPreview | null>(null);
  const [downloaded, setDownloaded] = useState(false);
  const [templateError, setTemplateError] = useState<unknown>(null);

  const reset = () => {
    setPreview(null);
    setDownloaded(false);
    upload.reset();
    confirm.reset();
    passwords.reset();
  };
  const onFile = (file: File) => {
    if (file.size > ONBOARDING_LIMITS.maxFileBytes) {
      void message.error(`文件超过 ${MAX_MB} MB，请分批导入`);
      return;
    }
    upload.mutate(file, { onSuccess: setPreview });
  };
  const onConfirm = () => {
    if (!preview) return;
    confirm.mutate(preview.id, {
      onSuccess: (done) => {
        setPreview(done);
        void message.success('导入完成');
      },
    });
  };
  const onDownload = () => {
    if (!preview) return;
    passwords.mutate(preview.id, { onSuccess: () => setDownloaded(true) });
  };

  const step = !preview ? 0 : preview.status === 'preview' ? 1 : 2;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="onboarding-workflow">
      <Steps
        current={step}
        items={[{ title: '下载模板并上传' }, { title: '预览与校验' }, { title: '完成，下载初始密码' }]}
      />

      {step === 0 && (
        <Card>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Space wrap>
              <Button
                onClick={() => {
                  setTemplateError(null);
                  downloadOnboardingTemplate().catch(setTemplateError);
                }}
                data-testid="onboarding-template"
              >
                下载导入模板
              </Button>
              <Typography.Text type="secondary">
                模板含“组织机构”“用户”两个工作表和填写说明；上级单位和所属单位写全称，重名时写路径（如
                昌吉回族自治州/奇台县）。
              </Typography.Text>
            </Space>
            {templateError !== null && <Alert type="error" showIcon message={errorMessage(templateError)} />}
            {upload.isError && (
              <Alert
                type="error"
                showIcon
                message="文件无法导入"
                description={errorMessage(upload.error, '上传失败，请稍后重试')}
                data-testid="onboarding-upload-error"
              />
            )}
            <Spin spinning={upload.isPending} tip="正在上传并校验…">
              <Upload.Dragger
                accept=".xlsx"
                multiple={false}
                showUploadList={false}
                disabled={upload.isPending}
                beforeUpload={(file) => {
                  onFile(file);
                  return false;
                }}
                data-testid="onboarding-dragger"
              >
                <p className="ant-upload-drag-icon" aria-hidden style={{ fontSize: 40, lineHeight: 1 }}>
                  📊
                </p>
                <p className="ant-upload-text">点击或将填好的 Excel 文件（.xlsx）拖到此处</p>
                <p className="ant-upload-hint">
                  最大 {MAX_MB} MB，每个工作表最多 {ONBOARDING_LIMITS.maxRowsPerSheet} 行；上传后先预览，确认后才写入
                </p>
              </Upload.Dragger>
            </Spin>
          </Space>
        </Card>
      )}

      {step === 1 && preview && (
        <>
          <Card
            size="small"
            title={`预览：${preview.fileName}`}
            extra={
              <Space>
                <Button onClick={reset} data-testid="onboarding-reupload">
                  重新上传
                </Button>
                <Popconfirm
                  title="确认导入？"
                  description={`将新建 ${preview.counts.orgUnits.create} 个单位、${preview.counts.users.create} 个账号，更新 ${
                    preview.counts.orgUnits.update + preview.counts.users.update
                  } 项。`}
                  okText="确认导入"
                  cancelText="取消"
                  onConfirm={onConfirm}
                  disabled={!preview.canConfirm}
                >
                  <Button
                    type="primary"
                    disabled={!preview.canConfirm}
                    loading={confirm.isPending}
                    data-testid="onboarding-confirm"
                  >
                    确认导入
                  </Button>
                </Popconfirm>
              </Space>
            }
          >
            {confirm.isError && (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 16 }}
                message={errorMessage(confirm.error)}
                action={
                  isApiError(confirm.error) && confirm.error.code === 'ONBOARDING_STALE' ? (
                    <Button size="small" onClick={reset}>
                      重新上传
                    </Button>
                  ) : undefined
                }
              />
            )}
            <OnboardingPreviewPanel preview={preview} />
          </Card>
        </>
      )}

      {step === 2 && preview && (
        <Card data-testid="onboarding-done">
          {preview.passwordsAvailable && !downloaded && (
            <Alert
              type="warning"
              showIcon
              message="请立即下载新账号的初始密码：只能下载一次"
              description={
                <Space direction="vertical">
                  <span>
                    下载后服务器上不再保留这些密码，再次下载将失败（届时只能逐个重置密码）。请妥善保管文件，逐一分发给本人；首次登录时必须修改密码。
                  </span>
                  <Button
                    type="primary"
                    danger
                    size="large"
                    loading={passwords.isPending}
                    onClick={onDownload}
                    data-testid="onboarding-passwords"
                  >
                    下载初始密码（{preview.counts.users.create} 个账号，仅限一次）
                  </Button>
                  {passwords.isError && (
                    <Typography.Text type="danger">{errorMessage(passwords.error)}</Typography.Text>
                  )}
                </Space>
              }
              data-testid="onboarding-passwords-alert"
            />
          )}
          {downloaded && (
            <Alert
              type="info"
              showIcon
              message="初始密码已下载"
              description="服务器上已不再保留这些密码。分发后请删除该文件。"
              data-testid="onboarding-passwords-done"
            />
          )}
          <Result
            status="success"
            title="导入完成"
            subTitle={`新建 ${preview.counts.orgUnits.create} 个单位、${preview.counts.users.create} 个账号；更新 ${preview.counts.orgUnits.update} 个单位、${preview.counts.users.update} 个账号。`}
            extra={
              preview.passwordsAvailable && !downloaded ? undefined : (
                <Button onClick={reset} data-testid="onboarding-again">
                  再导入一个文件
                </Button>
              )
            }
          />
        </Card>
      )}
    </Space>
  );
}
