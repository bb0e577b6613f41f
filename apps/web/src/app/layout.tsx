import { EnvironmentOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { ROLE_LABELS } from '@taotai/shared';
import { Avatar, Button, Dropdown, Grid, Layout, Tooltip, Typography, theme } from 'antd';
import { type ReactNode, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { NotificationBell } from '../features/notification/NotificationBell.tsx';
import { TodoBadge } from '../features/todo/TodoBadge.tsx';
import { AppSider, NavDrawer, SIDER_BG } from './nav.tsx';
import { PageHead, useRouteMeta } from './page-head.tsx';
import { useFocusableScrollRegions } from './scroll-regions.ts';
import { useMe, useSession } from './session.tsx';

const { Header, Content, Footer } = Layout;

/**
 * The signed-in shell, written once on antd's Layout (ADR 0015): a sider at ≥ 992 px, a drawer below; a header
 * that never wraps (long texts give way to icons with names below 768 px); breadcrumbs and the page's h1.
 */
export function AppLayout({ children }: { children: ReactNode }) {
  const me = useMe();
  const { logout } = useSession();
  const nav = useNavigate();
  const loc = useLocation();
  const { token } = theme.useToken();
  const screens = Grid.useBreakpoint();
  const meta = useRouteMeta(loc.pathname);
  const [drawerOpen, setDrawerOpen] = useState(false);
  useFocusableScrollRegions();
  // Before the first measurement useBreakpoint is empty; treat that as a wide screen, as the first paint did before.
  const wide = screens.lg ?? true;
  const phone = screens.md === false;

  const doLogout = async () => {
    await logout();
    nav('/login', { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh', background: SIDER_BG }}>
      {wide && <AppSider />}
      {!wide && <NavDrawer open={drawerOpen} onClose={() => setDrawerOpen(false)} />}
      <Layout style={{ background: token.colorBgLayout, minWidth: 0 }}>
        <Header
          className="app-header"
          style={{ background: token.colorBgContainer, borderBottom: `1px solid ${token.colorBorderSecondary}` }}
        >
          <div className="app-header-start">
            {!wide && <Button type="text" icon={<MenuOutlined />} aria-label="打开菜单" onClick={() => setDrawerOpen(true)} />}
            {!wide && <span className="app-header-title">落后产能退出</span>}
            {phone ? (
              <Tooltip title={`当前区划：${me.regionName}`}>
                <Button type="text" icon={<EnvironmentOutlined />} aria-label={`当前区划：${me.regionName}`} />
              </Tooltip>
            ) : (
              <EnvironmentOutlined style={{ color: token.colorPrimary }} aria-hidden />
            )}
            <span className={phone ? 'sr-only' : 'app-header-region'}>
              <Typography.Text type="secondary">当前区划：</Typography.Text>
              <Typography.Text strong data-testid="header-region">
                {me.regionName}
              </Typography.Text>
            </span>
          </div>
          <div className="app-header-end">
            <NotificationBell />
            {me.role !== 'enterprise' && <TodoBadge />}
            <Dropdown
              menu={{
                items: [
                  { key: '/account', icon: <SafetyOutlined />, label: '我的账户（动态口令）' },
                  { key: '/change-password', icon: <KeyOutlined />, label: '修改密码' },
                ],
                onClick: ({ key }) => nav(key),
              }}
            >
              <button type="button" className="app-header-user" data-testid="header-user" aria-label={`${me.displayName}（${ROLE_LABELS[me.role]}）`}>
                <Avatar size="small" icon={<UserOutlined />} style={{ background: token.colorPrimary }} />
                {!phone && <span>{me.displayName}</span>}
                {screens.xl && <Typography.Text type="secondary">（{ROLE_LABELS[me.role]}）</Typography.Text>}
              </button>
            </Dropdown>
            <Tooltip title="退出登录">
              <Button icon={<LogoutOutlined />} onClick={doLogout} aria-label={phone ? '退出登录' : undefined} type={phone ? 'text' : 'default'}>
                {phone ? null : '退出'}
              </Button>
            </Tooltip>
          </div>
        </Header>
        <Content className="app-content">
          <PageHead meta={meta} />
          {children}
        </Content>
        <Footer style={{ textAlign: 'center', color: token.colorTextTertiary, padding: '12px 24px' }}>
          落后产能退出综合管理平台 · 数据仅限授权范围内工作使用
        </Footer>
      </Layout>
    </Layout>
  );
}
