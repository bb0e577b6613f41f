import type { ReactNode } from 'react';
import { NavLink, Outlet } from 'react-router-dom';
import './public.css';

/**
 * The public site's frame: no session, no calls to authenticated endpoints. The staff login link is a
 * plain link (full page load), so the office app starts its session check only there.
 */
export default function PublicLayout({ children }: { children?: ReactNode }) {
  return (
    <div className="pub-root">
      <header className="pub-header">
        <div className="pub-header-inner">
          <h1 className="pub-site-name">
            淘汰落后产能公告公示
            <small>计划淘汰名单 · 已封存生产线及承诺 · 已完成淘汰名单 · 黄牌/红牌名单</small>
          </h1>
          <nav className="pub-nav">
            <NavLink to="/public" end>
              公告公示
            </NavLink>
            <NavLink to="/public/objections">异议答复查询</NavLink>
            <NavLink to="/public/tips/new">我要举报</NavLink>
            <NavLink to="/public/tips/lookup">举报查询</NavLink>
            <NavLink to="/public/tip-results">举报办理结果</NavLink>
          </nav>
        </div>
      </header>
      <main className="pub-main">{children ?? <Outlet />}</main>
      <footer className="pub-footer">
        <div className="pub-footer-inner">
          <span>各级淘汰落后产能工作领导小组办公室发布</span>
          <a href="/login">工作人员登录</a>
        </div>
      </footer>
    </div>
  );
}
