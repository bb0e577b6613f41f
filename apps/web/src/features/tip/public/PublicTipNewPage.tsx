import { UploadOutlined } from '@ant-design/icons';
import { CASE_CRITERION_LABELS, TIP_MATTER_LABELS, TIP_MATTERS, type TipMatter, type TipReceipt } from '@taotai/shared';
import { Alert, Button, Card, Checkbox, Form, Input, Radio, Select, Space, Typography, Upload, type UploadFile } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../shared/api.ts';
import { applyFieldErrors, errorMessage } from '../../../shared/form-errors.ts';
import { publicTipApi } from '../tip-api.ts';
import { EnterpriseNameInput } from './EnterpriseNameInput.tsx';
import { PublicRegionCascader } from './PublicRegionCascader.tsx';
import { TipReceiptView } from './TipReceiptView.tsx';
import './tip-public.css';

const MAX_FILES = 5;
const MAX_MB = 10;

interface Values {
  enterpriseName?: string;
  address?: string;
  regionCode?: string;
  matter: TipMatter;
  criterion?: string;
  aboutOfficials?: boolean;
  content: string;
  realName?: string;
  phone?: string;
  idNumber?: string;
}

const FIELDS = ['enterpriseName', 'address', 'regionCode', 'matter', 'criterion', 'content', 'realName', 'phone', 'idNumber'];

/** What is kept and who can see it (issue 13: "The page says plainly what is kept and who can see it"). */
function PrivacyNotice() {
  return (
    <Alert
      type="info"
      showIcon
      className="tip-privacy"
      data-testid="tip-privacy"
      title="默认匿名举报。我们保存什么、谁能看到："
      description={
        <ul>
          <li>我们不记录您的IP地址、设备信息和来源网址。</li>
          <li>上传的照片和PDF会去除拍摄地点、设备等全部元数据，原件不保存。</li>
          <li>实名信息加密封存，办理人员只看到“实名举报（身份已封存）”；仅身份保管人依规可查看，查看会被记录并告知您。</li>
          <li>办理结果公开时不含任何举报人信息。</li>
        </ul>
      }
    />
  );
}

/** 我要举报: the public form (no login, usable on a 390-px phone). Anonymous unless the 实名 section is opened. */
export default function PublicTipNewPage() {
  const [form] = Form.useForm<Values>();
  const [enterprise, setEnterprise] = useState<{ id: number; name: string }>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [realName, setRealName] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [fileError, setFileError] = useState<string>();
  const [receipt, setReceipt] = useState<TipReceipt>();
  const matter = Form.useWatch('matter', form);
  useEffect(() => {
    document.title = '我要举报 - 淘汰落后产能公告公示';
  }, []);

  if (receipt) return <TipReceiptView receipt={receipt} />;

  const submit = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const fields: Record<string, string | undefined> = {
        enterpriseId: enterprise ? String(enterprise.id) : undefined,
        enterpriseName: v.enterpriseName?.trim(),
        address: v.address?.trim(),
        regionCode: v.regionCode,
        matter: v.matter,
        criterion: v.matter === 'department_criterion' ? v.criterion : undefined,
        aboutOfficials: v.aboutOfficials ? 'true' : undefined,
        content: v.content?.trim(),
        ...(realName ? { realName: v.realName?.trim(), phone: v.phone?.replace(/[\s-]/g, ''), idNumber: v.idNumber?.trim() } : {}),
      };
      const r = await publicTipApi.file(fields, files.map((f) => f.originFileObj as File));
      window.scrollTo(0, 0);
      setReceipt(r);
    } catch (e) {
      // A refused file is named under `files` (or `files.N`): marked on the upload, the rest on their fields.
      const fileField = e instanceof ApiError ? e.fields.find((f) => f.path.replace(/^body\./, '').startsWith('files')) : undefined;
      if (fileField) setFileError(fileField.message);
      if (applyFieldErrors(form, e, FIELDS) || fileField) setError('请按提示修改标红的内容');
      else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 720 }}>
      <Card title="我要举报">
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Typography.Paragraph style={{ margin: 0 }}>
            发现隐瞒落后产能、封存后恢复生产、淘汰设备转移异地等情况，可在此举报。每件举报都由属地领导小组办公室（或主管部门）在规定期限内核查并答复，办理结果向社会公开。
          </Typography.Paragraph>
          <PrivacyNotice />
          <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark="optional" initialValues={{ matter: 'hidden_capacity' }} data-testid="tip-form" scrollToFirstError>
            <Form.Item name="enterpriseName" label="被举报企业" extra="可按名称查找已登记企业；找不到的直接填写名称">
              <EnterpriseNameInput onPick={setEnterprise} />
            </Form.Item>
            <Form.Item name="address" label="详细地址">
              <Input maxLength={300} placeholder="如：某村某组，国道旁" />
            </Form.Item>
            <Form.Item name="regionCode" label="所在地区" rules={[{ required: true, message: '请选择所在地区（至少到县级）' }]} extra="选到乡镇（街道）；不清楚乡镇的选到县（市、区）">
              <PublicRegionCascader />
            </Form.Item>
            <Form.Item name="matter" label="举报事项" rules={[{ required: true, message: '请选择举报事项' }]}>
              <Radio.Group options={TIP_MATTERS.map((m) => ({ value: m, label: TIP_MATTER_LABELS[m] }))} style={{ display: 'flex', flexDirection: 'column', gap: 8 }} data-testid="tip-matter" />
            </Form.Item>
            {matter === 'department_criterion' && (
              <Form.Item name="criterion" label="不达标类别" rules={[{ required: true, message: '请选择不达标类别' }]}>
                <Select options={Object.entries(CASE_CRITERION_LABELS).map(([value, label]) => ({ value, label }))} placeholder="能耗、环保、质量、安全……" />
              </Form.Item>
            )}
            <Form.Item name="aboutOfficials" valuePropName="checked" extra="勾选后由上一级办理">
              <Checkbox>举报涉及当地工作人员（如包庇、瞒报）</Checkbox>
            </Form.Item>
            <Form.Item
              name="content"
              label="举报内容"
              rules={[
                { required: true, whitespace: true, message: '请填写举报内容' },
                { min: 10, message: '举报内容至少 10 个字' },
              ]}
            >
              <Input.TextArea rows={6} maxLength={5000} showCount placeholder="请写明时间、地点、设备和您看到的情况" />
            </Form.Item>
            <Form.Item label="照片或PDF" extra={`最多 ${MAX_FILES} 个，每个不超过 ${MAX_MB} MB，支持 JPG、PNG、PDF`} validateStatus={fileError ? 'error' : undefined} help={fileError}>
              <div data-testid="tip-files">
                <Upload
                  accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"
                  multiple
                  fileList={files}
                  beforeUpload={(f) => {
                    if (f.size > MAX_MB * 1024 * 1024) {
                      setFileError(`“${f.name}”超过 ${MAX_MB} MB，请压缩后再上传`);
                      return Upload.LIST_IGNORE;
                    }
                    return false;
                  }}
                  onChange={({ fileList }) => {
                    setFileError(fileList.length > MAX_FILES ? `最多上传 ${MAX_FILES} 个文件` : undefined);
                    setFiles(fileList.slice(0, MAX_FILES));
                  }}
                >
                  <Button icon={<UploadOutlined />} disabled={files.length >= MAX_FILES}>
                    选择文件
                  </Button>
                </Upload>
              </div>
            </Form.Item>
            <Form.Item>
              <Checkbox checked={realName} onChange={(e) => setRealName(e.target.checked)} data-testid="tip-real-name">
                实名举报（选填，不勾选即为匿名）
              </Checkbox>
            </Form.Item>
            {realName && (
              <Card size="small" title="实名信息（加密封存）" style={{ marginBottom: 16 }}>
                <Form.Item name="realName" label="姓名" rules={[{ required: true, whitespace: true, message: '实名举报请填写姓名' }]}>
                  <Input maxLength={50} autoComplete="name" />
                </Form.Item>
                <Form.Item name="phone" label="手机号码">
                  <Input inputMode="numeric" maxLength={13} autoComplete="tel" />
                </Form.Item>
                <Form.Item name="idNumber" label="身份证号码" style={{ marginBottom: 0 }}>
                  <Input maxLength={18} autoComplete="off" />
                </Form.Item>
              </Card>
            )}
            {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} data-testid="tip-form-error" />}
            <Button type="primary" htmlType="submit" loading={busy} block size="large" data-testid="tip-submit">
              提交举报
            </Button>
          </Form>
        </Space>
      </Card>
    </Space>
  );
}
