import type { OfficeDocumentSettings, OfficeDocumentSettingsBody } from '@taotai/shared';
import { Alert, Col, Form, Input, Row, Select, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useMe } from '../../app/session.tsx';
import { api } from '../../shared/api.ts';
import { SettingsFrame, useSettingsForm } from './settings-form.tsx';

type Values = Omit<OfficeDocumentSettingsBody, 'version'>;
const FIELDS = ['letterhead', 'numberPrefix', 'signingOrgan', 'contactPerson', 'phone', 'address', 'email', 'copyTo'];

/**
 * 公文设置 of the user's own office: 版头, 发文字号's 机关代字, 落款, the contact lines printed on its documents and
 * 公示 (where objections go), and the default 抄送. The next document generated uses them; no release needed.
 */
export default function DocumentSettingsPage() {
  const me = useMe();
  const [version, setVersion] = useState(0);
  const editable = me.role === 'group_office';
  const keepVersion = useCallback((t: OfficeDocumentSettings) => setVersion(t.version), []);
  // A save by someone else in between (409) says so above the form; the page must be reloaded to see theirs.
  const { form, current, saving, error, save } = useSettingsForm<OfficeDocumentSettings, Values>({
    load: () => api.get<OfficeDocumentSettings>(`/office-settings/${me.regionCode}`),
    deps: [me.regionCode],
    store: (v) => api.put<OfficeDocumentSettings>(`/office-settings/${me.regionCode}`, { ...v, version }),
    fields: FIELDS,
    savedText: '公文设置已保存，此后生成的公文和公示将使用新设置',
    onLoaded: keepVersion,
  });

  const required = (label: string) => [{ required: true, whitespace: true, message: `请填写${label}` }];
  return (
    <SettingsFrame
      current={current}
      title={`${current.data?.regionName ?? ''}的公文版头、落款与联系方式`}
      saving={saving}
      error={error}
      onSave={save}
      editable={editable}
      saveTestId="save-document-settings"
    >
      {current.data && !current.data.saved && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="本级尚未保存公文设置，以下为默认值（领导小组办公室名称）；保存后生效。" />
      )}
      <Form<Values> form={form} layout="vertical" disabled={!editable} style={{ maxWidth: 880 }}>
        <Row gutter={24}>
          <Col xs={24} md={12}>
            <Form.Item name="letterhead" label="版头（发文机关标志）" rules={required('版头')} extra="公文首页红色版头的发文机关名称">
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="numberPrefix" label="发文字号机关代字" rules={required('机关代字')} extra="如“巩淘汰办”，发文字号为 巩淘汰办〔2026〕3号">
              <Input maxLength={12} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="signingOrgan" label="落款（发文机关署名）" rules={required('落款')} extra="成文日期上方的署名，也是公示的落款和异议答复单位">
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="contactPerson" label="联系人">
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="phone" label="联系电话" extra="公示中公布的异议受理电话">
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="email" label="电子邮箱">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="address" label="通讯地址">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="copyTo" label="默认抄送单位" extra="输入单位名称后回车，可填写多个；印在公文版记的“抄送”一栏">
              <Select mode="tags" open={false} suffixIcon={null} aria-label="默认抄送单位" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <Typography.Text type="secondary">修改时若他人已先保存，将提示刷新后重试，不会覆盖他人的修改。</Typography.Text>
    </SettingsFrame>
  );
}
