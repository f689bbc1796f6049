import { Alert } from 'antd';
import { describeError, type DescribedError } from '../errors';

/** The one way screens show a failed call: Chinese title, the server's explanation, what to do. */
export function ErrorAlert({ error, style, describe = describeError }: { error: unknown; style?: React.CSSProperties; describe?: (err: unknown) => DescribedError }) {
  if (!error) return null;
  const d = describe(error);
  return (
    <Alert
      type="error"
      showIcon
      style={style}
      data-testid="error-alert"
      data-code={d.code}
      message={d.title}
      description={
        <>
          {d.detail && <div>{d.detail}</div>}
          {d.fields && (
            <ul style={{ margin: '4px 0', paddingLeft: 20 }}>
              {d.fields.map((f) => <li key={f}>{f}</li>)}
            </ul>
          )}
          {d.hint && <div style={{ color: '#666' }}>{d.hint}</div>}
          {d.errorId && <div style={{ color: '#999', fontSize: 12 }}>错误编号：{d.errorId}</div>}
        </>
      }
    />
  );
}
