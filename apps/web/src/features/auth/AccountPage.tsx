import { Button, Card, Descriptions, Space } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ROLE_LABELS } from '@taotai/shared';
import { useSession } from '../../app/session.tsx';
import { TotpCard } from './TotpCard.tsx';

/** 我的账户: who I am, my password, my second factor. */
export default function AccountPage() {
  const { me } = useSession();
  const nav = useNavigate();
  if (!me) return null;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title="我的账户"
        extra={
          <Button onClick={() => nav('/change-password')} disabled={me.mustEnrolTotp}>
            修改密码
          </Button>
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="用户名">{me.username}</Descriptions.Item>
          <Descriptions.Item label="姓名">{me.displayName}</Descriptions.Item>
          <Descriptions.Item label="角色">{ROLE_LABELS[me.role]}</Descriptions.Item>
          <Descriptions.Item label="所属区划">{me.regionName}</Descriptions.Item>
          {me.agencyName && <Descriptions.Item label="所属单位">{me.agencyName}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <TotpCard />
    </Space>
  );
}
