import { checkUscc, ENTERPRISE_STATUS_LABELS, type EnterpriseBody, SIZE_CLASS_LABELS } from '@taotai/shared';
import { Col, Form, type FormInstance, Input, InputNumber, Row, Select } from 'antd';
import { useCatalogue } from '../catalogue/catalogue-api.ts';
import { RegionSelect } from '../region/RegionSelect.tsx';
import { options } from './labels.tsx';

export const ENTERPRISE_FIELDS = [
  'name',
  'uscc',
  'regionCode',
  'industryCode',
  'address',
  'legalRepresentative',
  'contactPerson',
  'contactPhone',
  'employees',
  'sizeClass',
  'status',
];

/** The fields of an enterprise; the USCC check digit is verified here before the server sees it. */
export function EnterpriseForm({ form, initial }: { form: FormInstance<EnterpriseBody>; initial: Partial<EnterpriseBody> }) {
  const { industries } = useCatalogue();
  return (
    <Form<EnterpriseBody> form={form} layout="vertical" initialValues={initial} scrollToFirstError>
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Form.Item label="企业名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写企业名称' }, { min: 2, message: '企业名称至少2个字' }]}>
            <Input maxLength={100} placeholder="与营业执照一致" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label="统一社会信用代码"
            name="uscc"
            validateFirst
            normalize={(v: string) => v?.toUpperCase()}
            rules={[
              { required: true, message: '请填写统一社会信用代码' },
              {
                validator: (_, v: string) => {
                  const r = checkUscc(v ?? '');
                  return r.ok ? Promise.resolve() : Promise.reject(new Error(r.message));
                },
              },
            ]}
          >
            <Input maxLength={24} placeholder="18位，如 91410181MA…" style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="所在区划" name="regionCode" rules={[{ required: true, message: '请选择所在区划' }]} extra="选择到乡镇（街道）或重点园区">
            <RegionSelect />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="行业" name="industryCode" rules={[{ required: true, message: '请选择行业' }]}>
            <Select
              placeholder="请选择行业"
              options={industries.map((i) => ({ value: i.code, label: i.name }))}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label="生产经营地址" name="address">
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="法定代表人" name="legalRepresentative">
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="联系人" name="contactPerson">
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="联系电话" name="contactPhone" rules={[{ pattern: /^$|^[0-9+\- ]{7,20}$/, message: '联系电话格式不正确' }]}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="职工人数" name="employees">
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="企业规模" name="sizeClass">
            <Select allowClear options={options(SIZE_CLASS_LABELS)} placeholder="请选择" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="状态" name="status" rules={[{ required: true, message: '请选择状态' }]}>
            <Select options={options(ENTERPRISE_STATUS_LABELS)} />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}

/** Form values → request body: empty optionals become the contract's defaults. */
export function toEnterpriseBody(v: EnterpriseBody): EnterpriseBody {
  return {
    ...v,
    uscc: v.uscc.trim().toUpperCase(),
    address: v.address ?? '',
    legalRepresentative: v.legalRepresentative ?? '',
    contactPerson: v.contactPerson ?? '',
    contactPhone: v.contactPhone ?? '',
    employees: v.employees ?? null,
    sizeClass: v.sizeClass ?? null,
  };
}
