import * as oauth from 'oauth4webapi';

/** GET /auth/config from the gateway: how this deployment signs users in. */
export type AuthConfig =
  | { mode: 'demo' }
  | { mode: 'oidc'; issuer: string; clientId: string; scope: string; resource?: string }
  | { mode: 'oidc-unconfigured' };

const PENDING_KEY = 'onewindow.oidc.pending';
/** The ID token of this tab's sign-in, kept only to end the issuer's session on 退出. */
export const ID_TOKEN_KEY = 'onewindow.oidc.idToken';
export const CALLBACK_PATH = '/auth/callback';

export async function fetchAuthConfig(): Promise<AuthConfig> {
  const res = await fetch('/auth/config', { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`认证配置获取失败（${res.status}）`);
  return (await res.json()) as AuthConfig;
}

/** Plain http is allowed only for an issuer on this machine (development and tests). */
function insecureOk(issuer: URL) {
  return issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname) ? { [oauth.allowInsecureRequests]: true } : {};
}

async function discover(issuer: URL): Promise<oauth.AuthorizationServer> {
  return oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...insecureOk(issuer) }));
}

function redirectUri(): string {
  return `${location.origin}${CALLBACK_PATH}`;
}

/**
 * Authorization code flow with PKCE (public client, no secret in the browser): remember the
 * verifier and state for this tab, then leave for the issuer's login page.
 */
export async function startOidcLogin(cfg: Extract<AuthConfig, { mode: 'oidc' }>, next: string | null): Promise<void> {
  const issuer = new URL(cfg.issuer);
  const as = await discover(issuer);
  if (!as.authorization_endpoint) throw new Error('认证服务未提供授权端点');
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const url = new URL(as.authorization_endpoint);
  url.searchParams.set('client_id', cfg.clientId);
  url.searchParams.set('redirect_uri', redirectUri());
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', cfg.scope);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', state);
  // Window PCs are shared: every sign-in asks for the officer's own credentials, never reuses a session.
  url.searchParams.set('prompt', 'login');
  if (cfg.resource) url.searchParams.set('resource', cfg.resource);
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state, next }));
  location.assign(url.toString());
}

/** Back from the issuer: check the state, exchange the code for an access token (the API's bearer). */
export async function completeOidcLogin(cfg: Extract<AuthConfig, { mode: 'oidc' }>): Promise<{ accessToken: string; next: string | null }> {
  const raw = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  if (!raw) throw new Error('登录流程已失效，请重新登录');
  const pending = JSON.parse(raw) as { verifier: string; state: string; next: string | null };
  const issuer = new URL(cfg.issuer);
  const as = await discover(issuer);
  const client: oauth.Client = { client_id: cfg.clientId };
  const params = oauth.validateAuthResponse(as, client, new URL(location.href), pending.state);
  const extra = cfg.resource ? { additionalParameters: { resource: cfg.resource } } : {};
  const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, redirectUri(), pending.verifier, { ...extra, ...insecureOk(issuer) });
  const result = await oauth.processAuthorizationCodeResponse(as, client, response);
  if (result.id_token) sessionStorage.setItem(ID_TOKEN_KEY, result.id_token);
  return { accessToken: result.access_token, next: pending.next };
}

/**
 * 退出 after an OIDC sign-in: end the issuer's session too (RP-initiated logout), so the next
 * officer at this window cannot walk into the previous one's session. Returns false when there is
 * nothing to end (demo sign-in, or an issuer without an end-session endpoint).
 */
export async function startOidcLogout(): Promise<boolean> {
  const idToken = sessionStorage.getItem(ID_TOKEN_KEY);
  sessionStorage.removeItem(ID_TOKEN_KEY);
  if (!idToken) return false;
  const cfg = await fetchAuthConfig();
  if (cfg.mode !== 'oidc') return false;
  const as = await discover(new URL(cfg.issuer));
  if (!as.end_session_endpoint) return false;
  const url = new URL(as.end_session_endpoint);
  url.searchParams.set('id_token_hint', idToken);
  url.searchParams.set('client_id', cfg.clientId);
  url.searchParams.set('post_logout_redirect_uri', `${location.origin}/login`);
  location.assign(url.toString());
  return true;
}
