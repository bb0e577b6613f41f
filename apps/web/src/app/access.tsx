import type { Ability } from '@taotai/shared';
import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { useSession } from './session.tsx';

export function FullPageSpin() {
  return (
    <div style={{ display: 'flex', height: '100vh', alignItems: 'center', justifyContent: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

/** Logged in, and no pending forced password change or TOTP enrolment; otherwise off to the right page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me } = useSession();
  const loc = useLocation();
  if (me === undefined) return <FullPageSpin />;
  if (me === null) {
    const next = loc.pathname + loc.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.mustChangePassword) return <Navigate to="/change-password" replace />;
  // An administrator the settings require to use TOTP sees only the account page until it is bound.
  if (me.mustEnrolTotp && loc.pathname !== '/account') return <Navigate to="/account" replace />;
  return <>{children}</>;
}

/** A page the role may not open at all; records out of scope are the API's 404, not this. */
export function RequireAbility({ ability, children }: { ability: Ability; children: ReactNode }) {
  const { me } = useSession();
  if (!me?.abilities.includes(ability)) {
    return (
      <Result
        status="403"
        title="无权访问此页面"
        subTitle="您的账户没有此功能的权限，如需开通请联系上级领导小组办公室。"
        extra={
          <Link to="/">
            <Button type="primary">返回工作台</Button>
          </Link>
        }
      />
    );
  }
  return <>{children}</>;
}
