import { useMutation, useQuery } from '@apollo/client';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { homePath } from '../App';
import { ErrorAlert } from '../components/ErrorAlert';
import { describeLoginError } from '../errors';
import { DemoModeDocument, LoginDocument } from '../graphql/operations';
import { POLICE_TYPE_LABELS, ROLE_LABELS } from '../labels';
import { fetchAuthConfig, startOidcLogin, type AuthConfig } from '../oidc';
import { navigate } from '../router';
import { useSession } from '../session';
import type { RoleName } from '../access';

/** The demo accounts of the README (demo mode only; password `demo`), each with its role's Chinese name. */
const DEMO_ACCOUNTS: { username: string; role: RoleName; policeType?: string; note?: string }[] = [
  { username: 'demo-clerk', role: 'CLERK' },
  { username: 'demo-household', role: 'OFFICER', policeType: 'HOUSEHOLD' },
  { username: 'demo-exit-entry', role: 'OFFICER', policeType: 'EXIT_ENTRY' },
  { username: 'demo-traffic', role: 'OFFICER', policeType: 'TRAFFIC' },
  { username: 'demo-public-security', role: 'OFFICER', policeType: 'PUBLIC_SECURITY' },
  { username: 'demo-complaints', role: 'OFFICER', policeType: 'COMPLAINTS' },
  { username: 'demo-supervisor', role: 'SUPERVISOR', note: '武侯区分局' },
  { username: 'demo-analyst', role: 'ANALYST', note: '市局' },
  { username: 'demo-clerk-jinjiang', role: 'CLERK', note: '锦江区' },
];

function demoLabel(a: (typeof DEMO_ACCOUNTS)[number]): string {
  const qualifier = a.policeType ? POLICE_TYPE_LABELS[a.policeType] : a.note;
  return `${ROLE_LABELS[a.role]}${qualifier ? `（${qualifier}）` : ''}`;
}

export function LoginPage() {
  const { signIn } = useSession();
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [login, { loading, error }] = useMutation(LoginDocument);
  const demo = useQuery(DemoModeDocument, { fetchPolicy: 'cache-first' });
  const demoMode = !!demo.data?.__type?.name;
  const [expired] = useState(() => new URLSearchParams(location.search).get('expired') === '1');
  const [auth, setAuth] = useState<AuthConfig | null>(null);
  const [oidcError, setOidcError] = useState<unknown>(null);
  const [redirecting, setRedirecting] = useState(false);

  useEffect(() => {
    // Without the endpoint (e.g. the UI served by another server) the form is the fallback.
    fetchAuthConfig().then(setAuth, () => setAuth({ mode: 'demo' }));
  }, []);

  const nextPath = () => {
    const params = new URLSearchParams(location.search);
    return location.pathname === '/login' || location.pathname === '/' ? params.get('next') : location.pathname + location.search;
  };

  const oidcLogin = async () => {
    if (auth?.mode !== 'oidc') return;
    setOidcError(null);
    setRedirecting(true);
    try {
      await startOidcLogin(auth, nextPath());
    } catch (err) {
      setRedirecting(false);
      setOidcError(err);
    }
  };

  const submit = async (v: { username: string; password: string }) => {
    const r = await login({ variables: { username: v.username.trim(), password: v.password } }).catch(() => null);
    const result = r?.data?.login;
    if (!result) return;
    signIn(result.token, result.user);
    // A deep link opened while signed out (or the page the session expired on) comes back.
    const here = nextPath();
    navigate(here && here.startsWith('/') && !here.startsWith('//') ? here : homePath(result.user), { replace: true });
  };

  const fill = (username: string) => {
    form.setFieldsValue({ username, password: 'demo' });
    document.getElementById('login-submit')?.focus();
  };

  return (
    <div className="ow-login">
      <Card title={<span>一窗通办 · 综合窗口系统</span>} extra={<Typography.Text type="secondary">公安政务服务</Typography.Text>}>
        {expired && !error && <Alert type="warning" showIcon message="登录已失效，请重新登录" style={{ marginBottom: 16 }} />}
        {auth?.mode === 'oidc' && (
          <div data-testid="oidc-login">
            <Typography.Paragraph type="secondary">请使用公安统一身份认证账号登录（数字证书或账号密码由认证平台校验）。</Typography.Paragraph>
            {oidcError != null && <ErrorAlert error={oidcError} style={{ marginBottom: 16 }} />}
            <Button type="primary" size="large" block autoFocus loading={redirecting} onClick={() => void oidcLogin()} data-testid="oidc-login-button">
              统一身份认证登录
            </Button>
          </div>
        )}
        {auth?.mode === 'oidc-unconfigured' && (
          <Alert type="error" showIcon message="统一身份认证尚未配置" description="网关未设置 OIDC_ISSUER / OIDC_CLIENT_ID，请联系系统管理员。" data-testid="oidc-unconfigured" />
        )}
        {auth?.mode === 'demo' && (
          <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid="login-form">
            <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
              <Input prefix={<UserOutlined />} autoFocus autoComplete="username" data-testid="login-username" />
            </Form.Item>
            <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            {error && <ErrorAlert error={error} describe={describeLoginError} style={{ marginBottom: 16 }} />}
            <Button id="login-submit" type="primary" htmlType="submit" block loading={loading} data-testid="login-submit">
              登录
            </Button>
          </Form>
        )}
        {auth?.mode === 'demo' && demoMode && (
          <div style={{ marginTop: 20 }} data-testid="demo-accounts">
            <Typography.Text type="secondary">演示模式账号（密码均为 demo），点击填入：</Typography.Text>
            <Space wrap style={{ marginTop: 8 }}>
              {DEMO_ACCOUNTS.map((a) => (
                <Button key={a.username} size="small" type="dashed" onClick={() => fill(a.username)} data-testid={`demo-${a.username}`}>
                  {demoLabel(a)} <code>{a.username}</code>
                </Button>
              ))}
            </Space>
          </div>
        )}
      </Card>
    </div>
  );
}
