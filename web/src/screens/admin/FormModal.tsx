import { Alert, Button, Form, Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../components/errors';

/** The console's dialogs: one column of fields, the refusal above them, Cancel and Save below; only a success closes it. */
export function FormModal<V extends object>(props: {
  title: string;
  /** Prefixes the fields' ids, which must be unique on the page. */
  name: string;
  form: FormInstance<V>;
  initialValues?: Partial<V>;
  onClose: () => void;
  onFinish: (values: V) => void;
  pending: boolean;
  error: unknown;
  okText?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal open title={props.title} onCancel={props.onClose} footer={null} destroyOnHidden>
      {props.error ? <Alert type="error" showIcon role="alert" title={errorText(t, props.error)} className="form-alert" /> : null}
      <Form<V> form={props.form} name={props.name} layout="vertical" requiredMark={false} initialValues={props.initialValues} onFinish={props.onFinish}>
        {props.children}
        <div className="form-actions">
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={props.pending}>
            {props.okText ?? t('common.save')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
