import { Alert, App, Form, Input, InputNumber, Modal, Typography } from 'antd';
import type { EditionSummary } from '@dutylist/shared';
import { errorMessage } from '@/lib/api-client';
import { useOpenEdition, useUpdateEdition } from '../hooks/use-editions';

interface FormValues {
  edition: number;
  title: string;
  maxRounds: number;
  reviewDays: number | null;
  reviseDays: number | null;
}

export interface EditionFormModalProps {
  /** The edition to configure, or null to open a new one. */
  edition: EditionSummary | null;
  /** The year proposed for a new edition. */
  nextEdition: number;
  onClose: () => void;
}

/**
 * 开启届次 (a new edition: its year, title, round limit and deadlines; every township in scope gets a draft)
 * or 届次设置 (the same settings of an existing edition).
 */
export function EditionFormModal({ edition, nextEdition, onClose }: EditionFormModalProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const openMutation = useOpenEdition();
  const updateMutation = useUpdateEdition();
  const creating = edition === null;
  const pending = openMutation.isPending || updateMutation.isPending;
  const error = openMutation.error ?? updateMutation.error;

  const initial: FormValues = edition
    ? {
        edition: edition.edition,
        title: edition.title,
        maxRounds: edition.maxRounds,
        reviewDays: edition.reviewDays,
        reviseDays: edition.reviseDays,
      }
    : { edition: nextEdition, title: `${nextEdition}年度`, maxRounds: 3, reviewDays: 15, reviseDays: 10 };

  const submit = async (values: FormValues) => {
    const settings = {
      title: values.title.trim(),
      maxRounds: values.maxRounds,
      reviewDays: values.reviewDays ?? null,
      reviseDays: values.reviseDays ?? null,
    };
    if (creating) {
      const result = await openMutation.mutateAsync({ edition: values.edition, ...settings });
      void message.success(
        `已开启${result.edition.title}：新建草稿 ${result.created} 份（其中 ${result.fromPublished} 份沿用已发布清单），已有清单 ${result.skipped} 份`,
      );
    } else {
      await updateMutation.mutateAsync({ edition: values.edition, request: settings });
      void message.success('届次设置已保存');
    }
    onClose();
  };

  return (
    <Modal
      open
      title={creating ? '开启新届次' : `届次设置：${edition.title}`}
      okText={creating ? '开启届次' : '保存设置'}
      cancelText="取消"
      confirmLoading={pending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      data-testid="edition-form-modal"
    >
      {creating && (
        <Typography.Paragraph type="secondary">
          开启后，辖区内每个乡镇都会得到本届的清单草稿：有已发布清单的，从最新发布的版本开始（事项保持同一身份，便于对比和讨论）；没有的，从空白开始。已有本届清单的乡镇不受影响。
        </Typography.Paragraph>
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(values) => void submit(values).catch(() => undefined)}
        requiredMark={false}
      >
        <Form.Item
          name="edition"
          label="届次年份"
          rules={[{ required: true, message: '请填写届次年份' }]}
          extra={creating ? undefined : '年份开启后不能修改'}
        >
          <InputNumber
            min={2000}
            max={2999}
            precision={0}
            disabled={!creating}
            style={{ width: '100%' }}
            data-testid="edition-year"
            onChange={(value) => {
              if (creating && typeof value === 'number') form.setFieldValue('title', `${value}年度`);
            }}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label="届次名称"
          rules={[
            { required: true, whitespace: true, message: '请填写届次名称' },
            { max: 50, message: '届次名称不能超过 50 个字' },
          ]}
        >
          <Input placeholder="例如：2026年度" data-testid="edition-title" />
        </Form.Item>
        <Form.Item
          name="maxRounds"
          label="审核轮次上限"
          rules={[{ required: true, message: '请填写轮次上限' }]}
          extra="三上三下为 3 轮；超过上限再退回须填写理由"
        >
          <InputNumber
            min={1}
            max={10}
            precision={0}
            addonAfter="轮"
            style={{ width: '100%' }}
            data-testid="edition-rounds"
          />
        </Form.Item>
        <Form.Item name="reviewDays" label="每级审核期限" extra="留空表示不限期">
          <InputNumber
            min={1}
            max={365}
            precision={0}
            addonAfter="天"
            style={{ width: '100%' }}
            data-testid="edition-review-days"
          />
        </Form.Item>
        <Form.Item name="reviseDays" label="乡镇修改期限" extra="清单被退回后乡镇修改并重新报送的期限；留空表示不限期">
          <InputNumber
            min={1}
            max={365}
            precision={0}
            addonAfter="天"
            style={{ width: '100%' }}
            data-testid="edition-revise-days"
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={errorMessage(error)} data-testid="edition-form-error" />}
    </Modal>
  );
}
