import { Button, Result, Spin } from 'antd';
import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useAsync } from '../../shared/use-async.ts';
import { filingApi } from './filing-api.ts';

/**
 * /filings/:id (the link in a "returned" notification): a filing is shown on its requirement's page for
 * its period, where the unit can see the reason and resubmit.
 */
export default function FilingRedirectPage() {
  const { id } = useParams();
  const nav = useNavigate();
  const f = useAsync(() => filingApi.filing(Number(id)), [id]);
  useEffect(() => {
    if (f.data) nav(`/filing-requirements/${f.data.requirementId}?period=${encodeURIComponent(f.data.periodKey)}`, { replace: true });
  }, [f.data, nav]);
  if (f.error) {
    return <Result status={f.error.status === 404 ? '404' : 'error'} title={f.error.message} extra={<Button onClick={() => nav('/filings')}>返回报送管理</Button>} />;
  }
  return <Spin style={{ display: 'block', margin: '80px auto' }} />;
}
