import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Radio, Select, type FormInstance } from 'antd';
import { ErrorAlert } from './ErrorAlert';
import { LOOKUP_PURPOSES } from '../labels';

/** What a register lookup asks for: which kind of key, the key, and the 查询事由 for the audit. */
export interface RegisterLookup<By extends string> {
  by: By;
  target: string;
  purpose: string;
}

/** One kind of key the register is searched by (an ID number, a plate, a document number…). */
export interface LookupKey<By extends string> {
  value: By;
  label: string;
  /** The required-field message. */
  missing: string;
  placeholder: string;
  /** Whether this lookup is audited and so asks for a 查询事由 (default: yes). */
  asksPurpose?: boolean;
}

interface Props<By extends string> {
  form: FormInstance<RegisterLookup<By>>;
  /** Prefix of the test ids: `<prefix>-form`, `-by`, `-target`, `-purpose`, `-submit`, `-input-error`. */
  testId: string;
  keys: LookupKey<By>[];
  initialValues: RegisterLookup<By>;
  onFinish(values: RegisterLookup<By>): void;
  /** The key field's value after switching the kind of key (default: empty). */
  targetFor?(by: By): string;
  /** The key failed the client-side check (shown instead of the server's error). */
  localError: string | null;
  onLocalErrorClear(): void;
  error?: unknown;
  loading?: boolean;
}

/**
 * The 警种业务 screens' lookup form: kind of key (radio), the key (Enter submits), 查询事由, 查询 —
 * with the client-side problem or the server's error below it.
 */
export function RegisterLookupForm<By extends string>(props: Props<By>) {
  const { form, testId, keys, localError, error } = props;
  const keyOf = (by: By) => keys.find((k) => k.value === by) ?? keys[0]!;
  return (
    <>
      <Form form={form} layout="inline" onFinish={props.onFinish} initialValues={props.initialValues} data-testid={`${testId}-form`}>
        <Form.Item name="by">
          <Radio.Group
            optionType="button"
            options={keys.map((k) => ({ value: k.value, label: k.label }))}
            onChange={(e) => { form.setFieldsValue({ target: props.targetFor?.(e.target.value as By) ?? '' }); props.onLocalErrorClear(); }}
            data-testid={`${testId}-by`}
          />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.by !== b.by}>
          {({ getFieldValue }) => {
            const key = keyOf(getFieldValue('by') as By);
            return (
              <>
                <Form.Item name="target" rules={[{ required: true, message: key.missing }]}>
                  <Input autoFocus className="ow-id-input" style={{ width: 280 }} maxLength={20} autoComplete="off" placeholder={key.placeholder} data-testid={`${testId}-target`} />
                </Form.Item>
                {key.asksPurpose !== false && (
                  <Form.Item name="purpose" label="查询事由">
                    <Select style={{ width: 200 }} options={LOOKUP_PURPOSES.map((v) => ({ value: v, label: v }))} data-testid={`${testId}-purpose`} />
                  </Form.Item>
                )}
              </>
            );
          }}
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={props.loading} data-testid={`${testId}-submit`}>查询</Button>
        </Form.Item>
      </Form>
      {localError && <Alert type="error" showIcon message="查询条件不正确" description={localError} style={{ marginTop: 16 }} data-testid={`${testId}-input-error`} />}
      {error != null && !localError && <ErrorAlert error={error} style={{ marginTop: 16 }} />}
    </>
  );
}
