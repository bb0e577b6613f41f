import { Drawer, Layout, Menu } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { menuItems, selectedKey } from './menu.tsx';
import { useMe } from './session.tsx';

export const SIDER_BG = '#0f2f5c';
const OPEN_GROUPS = ['year', 'exit', 'levers', 'system'];

function Logo({ compact }: { compact?: boolean }) {
  return (
    <div className="app-logo">
      <img src="/favicon.svg" alt="" width={28} height={28} />
      {!compact && (
        <div className="app-logo-text">
          <div>落后产能退出</div>
          <div className="app-logo-sub">综合管理平台</div>
        </div>
      )}
    </div>
  );
}

function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const me = useMe();
  const nav = useNavigate();
  const loc = useLocation();
  return (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[selectedKey(loc.pathname)]}
      defaultOpenKeys={OPEN_GROUPS}
      items={menuItems(me.abilities, me.role)}
      onClick={(e) => {
        nav(e.key);
        onNavigate?.();
      }}
    />
  );
}

/**
 * The menu at ≥ 992 px: a sticky, collapsible sider as tall as the window whose menu scrolls by itself, so the
 * last entry of admin's long menu stays reachable in a 900-px window (issue 11). The outer background of the layout
 * is the sider's colour, so the column under it stays dark on long pages.
 */
export function AppSider() {
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem('taotai.sider') === 'collapsed');
  const toggle = (c: boolean) => {
    setCollapsed(c);
    localStorage.setItem('taotai.sider', c ? 'collapsed' : 'open');
  };
  return (
    <Layout.Sider
      width={220}
      collapsedWidth={64}
      collapsible
      collapsed={collapsed}
      onCollapse={toggle}
      style={{ position: 'sticky', top: 0, height: '100vh' }}
    >
      <nav className="app-sider-inner" aria-label="主菜单">
        <Logo compact={collapsed} />
        <div className="app-menu-scroll">
          <NavMenu />
        </div>
      </nav>
    </Layout.Sider>
  );
}

/** The menu below 992 px: a drawer from the left, opened by the header's 菜单 button, closed on every choice. */
export function NavDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Drawer
      placement="left"
      open={open}
      onClose={onClose}
      size={260}
      closable={false}
      title={null}
      styles={{ body: { padding: 0, background: SIDER_BG }, wrapper: { maxWidth: '85vw' } }}
      aria-label="主菜单"
    >
      <nav aria-label="主菜单">
        <Logo />
        <NavMenu onNavigate={onClose} />
      </nav>
    </Drawer>
  );
}
