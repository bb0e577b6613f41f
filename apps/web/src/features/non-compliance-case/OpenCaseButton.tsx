import type { Enterprise } from '@taotai/shared';
import { Button } from 'antd';
import { useState } from 'react';
import { useMe } from '../../app/session.tsx';
import { useAsync } from '../../shared/use-async.ts';
import { caseApi } from './case-api.ts';
import { CaseOpenModal } from './CaseOpenModal.tsx';

/** 立案 on an enterprise's page: shown to a department whose kind owns a ground (the server decides which). */
export function OpenCaseButton({ enterprise }: { enterprise: Enterprise }) {
  const me = useMe();
  const desk = useAsync(() => (me.role === 'member_agency' ? caseApi.desk() : Promise.resolve(null)), [me.role]);
  const [open, setOpen] = useState(false);
  const criteria = desk.data?.openableCriteria ?? [];
  if (criteria.length === 0) return null;
  return (
    <>
      <Button danger onClick={() => setOpen(true)} data-testid="enterprise-open-case">
        立案
      </Button>
      <CaseOpenModal open={open} onClose={() => setOpen(false)} criteria={criteria} enterprise={enterprise} />
    </>
  );
}
