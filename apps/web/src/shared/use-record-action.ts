import { App } from 'antd';
import { useState } from 'react';
import { errorMessage } from './form-errors.ts';

/**
 * A detail page's one way to act on its record: mark the page busy, run the call, say what was done (or why not,
 * in the server's Chinese), and read the record again. Resolves true when it went through, so a dialog may close.
 */
export function useRecordAction(reload: () => void) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (what: () => Promise<unknown>, done: string): Promise<boolean> => {
    setBusy(true);
    try {
      await what();
      message.success(done);
      reload();
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
