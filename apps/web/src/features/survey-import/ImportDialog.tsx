import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { ImportPreview } from '@taotai/shared';
import { Alert, App, Button, Modal, Result, Space, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../shared/form-errors.ts';
import { type ImportCommitResult, importApi } from './import-api.ts';
import { ImportPreviewView } from './ImportPreviewView.tsx';

interface Props {
  open: boolean;
  /** `imported` tells the list to reload. */
  onClose: (imported: boolean) => void;
}

/** 导入排查登记表: upload → server preview → commit with the preview's token (only when clean). */
export function ImportDialog({ open, onClose }: Props) {
  const { message } = App.useApp();
  const [preview, setPreview] = useState<ImportPreview>();
  const [result, setResult] = useState<ImportCommitResult>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<'preview' | 'commit' | 'template'>();

  const reset = () => {
    setPreview(undefined);
    setResult(undefined);
    setError(undefined);
  };
  const close = () => {
    const imported = !!result;
    reset();
    onClose(imported);
  };

  const upload = async (file: File) => {
    reset();
    setBusy('preview');
    try {
      setPreview(await importApi.preview(file));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(undefined);
    }
  };
  const commit = async () => {
    if (!preview?.token) return;
    setBusy('commit');
    try {
      const r = await importApi.commit(preview.token);
      setResult(r);
      message.success('排查登记表已导入');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(undefined);
    }
  };
  const template = async () => {
    setBusy('template');
    try {
      await importApi.template();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(undefined);
    }
  };

  const footer = result
    ? [
        <Button key="done" type="primary" onClick={close}>
          完成
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={close}>
          取消
        </Button>,
        preview?.token && preview.errorCount === 0 ? (
          <Button key="commit" type="primary" loading={busy === 'commit'} onClick={commit}>
            确认导入
          </Button>
        ) : null,
      ];

  return (
    <Modal title="导入排查登记表" open={open} onCancel={close} width={820} footer={footer} destroyOnHidden mask={{ closable: false }}>
      {result ? (
        <Result
          status="success"
          title="导入完成"
          subTitle={`新增企业 ${result.enterprisesCreated} 家，匹配已有企业 ${result.enterprisesMatched} 家，新增生产线（设备）${result.linesCreated} 条。`}
        />
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Alert
            type="info"
            showIcon
            title="请使用《落后产能排查登记表》模板填写"
            description={
              <span>
                列顺序：序号、所在乡镇（街道）、企业名称、统一社会信用代码、行业、生产线（设备）名称、规格型号、数量（台/套）、产能、产能单位、不达标类别、判定依据、计划淘汰时间、备注。上传后先校验，全部无误才可导入。
              </span>
            }
            action={
              <Button size="small" icon={<DownloadOutlined />} loading={busy === 'template'} onClick={template}>
                下载模板
              </Button>
            }
          />
          <Spin spinning={busy === 'preview'} description="正在校验…">
            <Upload.Dragger
              accept=".xlsx"
              multiple={false}
              showUploadList={false}
              beforeUpload={(file) => {
                upload(file);
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">点击或拖拽 .xlsx 文件到此处上传</p>
              <p className="ant-upload-hint">文件不超过 30MB；上传新文件将替换当前的校验结果</p>
            </Upload.Dragger>
          </Spin>
          {error && <Alert type="error" showIcon title={error} role="alert" />}
          {preview && <ImportPreviewView preview={preview} />}
          {preview && !preview.token && (
            <Typography.Text type="secondary">修改后重新上传文件即可再次校验。</Typography.Text>
          )}
        </Space>
      )}
    </Modal>
  );
}
