import { EnvironmentOutlined, KeyOutlined, LogoutOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { ROLE_LABELS } from '@taotai/shared';
import { Avatar, Button, Dropdown, Layout, Menu, Space, Tooltip, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { NotificationBell } from '../features/notification/NotificationBell.tsx';
import { TodoBadge } from '../features/todo/TodoBadge.tsx';
import { menuItems, selectedKey } from './menu.tsx';
import { useMe, useSession } from './session.tsx';

const { Sider, Header, Content, Footer } = Layout;
export const SIDER_BG = '#0f2f5c';

export function AppLayout({ children }: { children: ReactNode }) {
  const me = useMe();
  const { logout } = useSession();
  const nav = useNavigate();
  const loc = useLocation();
  const { token } = theme.useToken();

  const doLogout = async () => {
    await logout();
    nav('/login', { replace: true });
  };

  return (
    // The outer background is the sider's colour, so the column under the sticky sider stays dark on long pages.
    <Layout style={{ minHeight: '100vh', background: SIDER_BG }}>
      <Sider width={220} breakpoint="lg" collapsedWidth={64} style={{ position: 'sticky', top: 0, height: '100vh' }}>
        <div className="app-logo">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <div className="app-logo-text">
            <div>落后产能退出</div>
            <div className="app-logo-sub">综合管理平台</div>
          </div>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selectedKey(loc.pathname)]}
          defaultOpenKeys={['year', 'exit', 'system']}
          items={menuItems(me.abilities, me.role)}
          onClick={(e) => nav(e.key)}
        />
      </Sider>
      <Layout style={{ background: token.colorBgLayout }}>
        <Header
          style={{
            background: token.colorBgContainer,
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <Space>
            <EnvironmentOutlined style={{ color: token.colorPrimary }} />
            <Typography.Text type="secondary">当前区划：</Typography.Text>
            <Typography.Text strong data-testid="header-region">
              {me.regionName}
            </Typography.Text>
          </Space>
          <Space size="middle">
            {me.role !== 'enterprise' && <TodoBadge />}
            <NotificationBell />
            <Dropdown
              menu={{
                items: [
                  { key: '/account', icon: <SafetyOutlined />, label: '我的账户（动态口令）' },
                  { key: '/change-password', icon: <KeyOutlined />, label: '修改密码' },
                ],
                onClick: ({ key }) => nav(key),
              }}
            >
              <Space style={{ cursor: 'pointer' }} data-testid="header-user">
                <Avatar size="small" icon={<UserOutlined />} style={{ background: token.colorPrimary }} />
                <span>{me.displayName}</span>
                <Typography.Text type="secondary">（{ROLE_LABELS[me.role]}）</Typography.Text>
              </Space>
            </Dropdown>
            <Tooltip title="退出登录">
              <Button icon={<LogoutOutlined />} onClick={doLogout}>
                退出
              </Button>
            </Tooltip>
          </Space>
        </Header>
        <Content style={{ margin: 16 }}>{children}</Content>
        <Footer style={{ textAlign: 'center', color: token.colorTextTertiary, padding: '12px 24px' }}>
          落后产能退出综合管理平台 · 数据仅限授权范围内工作使用
        </Footer>
      </Layout>
    </Layout>
  );
}
