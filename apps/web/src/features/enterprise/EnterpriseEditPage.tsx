import type { Enterprise, EnterpriseBody } from '@taotai/shared';
import { Alert, App, Button, Card, Form, Result, Space, Spin } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useOwnRegion } from '../../app/session.tsx';
import { ApiError } from '../../shared/api.ts';
import { applyFieldErrors, errorMessage } from '../../shared/form-errors.ts';
import { useAsync } from '../../shared/use-async.ts';
import { enterpriseApi } from './enterprise-api.ts';
import { ENTERPRISE_FIELDS, EnterpriseForm, toEnterpriseBody } from './EnterpriseForm.tsx';

/** /enterprises/new and /enterprises/:id/edit. */
export default function EnterpriseEditPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const ownRegion = useOwnRegion();
  const nav = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<EnterpriseBody>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const existing = useAsync(() => (id ? enterpriseApi.get(id) : Promise.resolve(null)), [id]);

  if (id && existing.loading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (id && existing.error) return <Result status="404" title={existing.error.message} extra={<Button onClick={() => nav('/enterprises')}>返回企业台账</Button>} />;
  const ent: Enterprise | null | undefined = existing.data;
  if (ent && !ent.abilities.update) return <Result status="403" title="无权修改该企业" />;

  const initial: Partial<EnterpriseBody> = ent ?? { regionCode: params.get('region') ?? ownRegion, status: 'operating' };

  const save = async () => {
    let values: EnterpriseBody;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      const body = toEnterpriseBody(values);
      const saved = ent ? await enterpriseApi.update(ent.id, { ...body, version: ent.version }) : await enterpriseApi.create(body);
      message.success(ent ? '企业信息已保存' : '企业已登记');
      nav(`/enterprises/${saved.id}`, { replace: true });
    } catch (e) {
      // Field errors (a duplicate USCC too) go next to the field; a stale version asks for a reload.
      if (applyFieldErrors(form, e, ENTERPRISE_FIELDS)) return;
      // A taken USCC comes back as a 409 without a field list; it still belongs next to the field.
      if (e instanceof ApiError && e.status === 409 && e.message.includes('统一社会信用代码')) {
        form.setFields([{ name: 'uscc', errors: [e.message] }]);
        return;
      }
      setError(e instanceof ApiError && e.status === 409 && ent ? `${e.message}（请刷新页面后重新编辑）` : errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      title={ent ? `编辑企业：${ent.name}` : '新增企业'}
      extra={
        <Space>
          <Button onClick={() => nav(-1)}>取消</Button>
          <Button type="primary" loading={saving} onClick={save}>
            保存
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <EnterpriseForm form={form} initial={initial} />
    </Card>
  );
}
