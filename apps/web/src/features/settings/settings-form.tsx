import { Alert, App, Button, Card, Form, Spin } from 'antd';
import { type DependencyList, type ReactNode, useEffect, useState } from 'react';
import { applyFieldErrors, errorMessage } from '../../shared/form-errors.ts';
import { type AsyncState, useAsync } from '../../shared/use-async.ts';

interface SettingsFormOptions<T, V> {
  load: () => Promise<T>;
  deps: DependencyList;
  /** Stores the form's values; resolves to what was stored (shown again). */
  store: (values: V) => Promise<T>;
  /** The form's field names the server may name in a refusal (marked on the field; others show above the form). */
  fields: string[];
  savedText: string;
  /** Kept beside the form values when loaded or saved (a version for the 409 check). */
  onLoaded?: (t: T) => void;
}

/**
 * One way for a settings page to load its values into a form and save them: the form is checked first, a refusal
 * naming fields marks them, any other refusal (a 409 after someone else's save) shows above the form until the next try.
 */
export function useSettingsForm<T extends object, V extends object>(o: SettingsFormOptions<T, V>) {
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const current = useAsync(o.load, o.deps);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const { onLoaded } = o;

  useEffect(() => {
    if (!current.data) return;
    form.setFieldsValue(current.data as never);
    onLoaded?.(current.data);
  }, [current.data, form, onLoaded]);

  const save = async () => {
    let v: V;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      const saved = await o.store(v);
      form.setFieldsValue(saved as never);
      o.onLoaded?.(saved);
      message.success(o.savedText);
    } catch (e) {
      if (!applyFieldErrors(form, e, o.fields)) setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return { form, current, saving, error, save };
}

interface FrameProps {
  current: AsyncState<unknown>;
  title: ReactNode;
  saving: boolean;
  error: string | undefined;
  onSave: () => void;
  /** Read-only viewers see no 保存. */
  editable?: boolean;
  saveTestId?: string;
  children: ReactNode;
}

/** The settings page's card: loading, a load error, the 保存 button and the save error above the form. */
export function SettingsFrame({ current, title, saving, error, onSave, editable = true, saveTestId, children }: FrameProps) {
  if (current.loading && !current.data) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (current.error) return <Alert type="error" showIcon title={current.error.message} />;
  return (
    <Card
      title={title}
      extra={
        editable && (
          <Button type="primary" loading={saving} onClick={onSave} data-testid={saveTestId}>
            保存
          </Button>
        )
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      {children}
    </Card>
  );
}
