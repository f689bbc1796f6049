import { useApolloClient } from '@apollo/client';
import { Alert, Button, Card, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { homePath } from '../App';
import { ErrorAlert } from '../components/ErrorAlert';
import { MeDocument } from '../graphql/operations';
import { completeOidcLogin, fetchAuthConfig } from '../oidc';
import { navigate } from '../router';
import { useSession } from '../session';

/** /auth/callback: the issuer sends the user back here with a code; exchange it and sign in. */
export function AuthCallbackPage() {
  const client = useApolloClient();
  const { signIn } = useSession();
  const [error, setError] = useState<unknown>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return; // the code is single-use: never exchange it twice
    started.current = true;
    void (async () => {
      try {
        const cfg = await fetchAuthConfig();
        if (cfg.mode !== 'oidc') throw new Error('本系统未启用统一身份认证');
        const { accessToken, next } = await completeOidcLogin(cfg);
        const me = await client.query({ query: MeDocument, context: { headers: { authorization: `Bearer ${accessToken}` } }, fetchPolicy: 'network-only' });
        signIn(accessToken, me.data.me);
        navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : homePath(me.data.me), { replace: true });
      } catch (err) {
        setError(err);
      }
    })();
  }, [client, signIn]);

  return (
    <div className="ow-login">
      <Card title="一窗通办 · 综合窗口系统">
        {error ? (
          <>
            <Alert type="error" showIcon message="统一身份认证登录未完成" style={{ marginBottom: 16 }} />
            <ErrorAlert error={error} style={{ marginBottom: 16 }} />
            <Button type="primary" onClick={() => navigate('/login', { replace: true })} data-testid="oidc-retry">重新登录</Button>
          </>
        ) : (
          <Spin tip="正在完成登录…" data-testid="oidc-callback"><div style={{ height: 80 }} /></Spin>
        )}
      </Card>
    </div>
  );
}
