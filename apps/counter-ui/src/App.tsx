import { AuditOutlined, FileSearchOutlined, IdcardOutlined, InboxOutlined, LogoutOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Tag, Tooltip } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { isScreen, mayOpen, SCREENS, type Screen } from './access';
import { useCitizen } from './citizen';
import { POLICE_TYPE_LABELS, ROLE_LABELS } from './labels';
import { AcceptPage } from './pages/AcceptPage';
import { ApplicationPage } from './pages/ApplicationPage';
import { BackOfficePage } from './pages/BackOfficePage';
import { CatalogItemPage } from './pages/CatalogItemPage';
import { CatalogPage } from './pages/CatalogPage';
import { CitizenPage } from './pages/CitizenPage';
import { ComplaintOnlinePage } from './pages/ComplaintOnlinePage';
import { featureMenuItems, featureScreen, FEATURE_SCREENS } from './features';
import { InboxPage } from './pages/InboxPage';
import { KioskPage } from './front-office/kiosk';
import { HallDisplayPage } from './front-office/hall-display';
import { PublicBookingPage } from './front-office/booking';
import { ProgressQueryPage } from './front-office/progress';
import { PublicGuidePage } from './front-office/guide';
import { QueueBar } from './front-office/queue-bar';
import { startOidcLogout } from './oidc';
import { AuthCallbackPage } from './pages/AuthCallbackPage';
import { LoginPage } from './pages/LoginPage';
import { ForbiddenPage, NotFoundPage } from './pages/StatusPages';
import { RatingScreenPage } from './rating-screen';
import { navigate, useRoute } from './router';
import { hasRole, useSession, type SessionUser } from './session';

interface NavItem {
  key: Screen;
  path: string;
  label: string;
  icon: ReactNode;
  hotkey: string;
}

/** The menu; who sees an entry is the router's table (access.ts). */
const NAV: (NavItem & { visible: (u: SessionUser) => boolean })[] = ([
  { key: 'citizen', path: '/citizen', label: '群众信息', icon: <IdcardOutlined />, hotkey: '1' },
  { key: 'catalog', path: '/catalog', label: '事项查询', icon: <FileSearchOutlined />, hotkey: '2' },
  { key: 'inbox', path: '/inbox', label: '待办', icon: <InboxOutlined />, hotkey: '3' },
  { key: 'backoffice', path: '/backoffice', label: '后台审批', icon: <AuditOutlined />, hotkey: '4' },
] satisfies NavItem[]).map((n) => ({ ...n, visible: (u: SessionUser) => mayOpen(u, n.key) }));

export function homePath(user: SessionUser): string {
  if (hasRole(user, 'CLERK')) return '/citizen';
  if (hasRole(user, 'OFFICER', 'SUPERVISOR')) return '/backoffice';
  return '/catalog';
}

function Page({ user }: { user: SessionUser }) {
  const { segments, path } = useRoute();
  const [first, second] = segments;
  if (first === undefined) return <Redirect to={homePath(user)} />;
  // Unknown addresses get a 404 and screens the role may not use a 403, before any page renders.
  // The police types' register screens (警种业务) carry their own role rule.
  const feature = featureScreen(first);
  if (feature) return feature.visible(user) ? feature.render() : <ForbiddenPage screenLabel={feature.label} user={user} home={homePath(user)} />;
  if (!isScreen(first)) return <NotFoundPage path={path} home={homePath(user)} />;
  if (!mayOpen(user, first)) return <ForbiddenPage screenLabel={SCREENS[first].label} user={user} home={homePath(user)} />;
  switch (first) {
    case 'citizen':
      return <CitizenPage />;
    case 'catalog':
      return second ? <CatalogItemPage code={second} /> : <CatalogPage />;
    case 'accept':
      return <AcceptPage code={second ?? ''} />;
    case 'inbox':
      return <InboxPage />;
    case 'applications':
      return <ApplicationPage number={second ?? ''} />;
    case 'backoffice':
      return <BackOfficePage />;
  }
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

export function App() {
  const { user, signOut } = useSession();
  const logout = async () => {
    signOut();
    const leaving = await startOidcLogout().catch(() => false);
    if (!leaving) navigate('/login', { replace: true });
  };
  const { citizen } = useCitizen();
  const { segments } = useRoute();

  // Alt+1…4 switch screens without the mouse.
  useEffect(() => {
    if (!user) return;
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const item = [...NAV, ...FEATURE_SCREENS].find((n) => n.hotkey === e.key && n.visible(user));
      if (item) {
        e.preventDefault();
        navigate(item.path);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [user]);

  // The window's citizen-facing rating screen (tablet / second monitor): no sign-in, its device token is its credential.
  if (segments[0] === 'rating-screen') return <RatingScreenPage />;
  // 网上投诉: the public complaint form, for anyone, signed in or not.
  if (segments[0] === 'complaint-online') return <ComplaintOnlinePage />;
  // issue 11, the front office's public screens (大厅服务): no sign-in
  if (segments[0] === 'kiosk') return <KioskPage />; // 取号机 (kiosk ticket route), public
  if (segments[0] === 'hall-display') return <HallDisplayPage />; // 大厅叫号屏 (hall display), public
  if (segments[0] === 'booking') return <PublicBookingPage />; // 网上预约 (public booking), public
  if (segments[0] === 'progress') return <ProgressQueryPage />; // 办理进度查询 (self-service progress), public
  if (segments[0] === 'guide') return <PublicGuidePage />; // 办事指南 (public catalog with 六告知), public
  if (!user) {
    return segments[0] === 'auth' && segments[1] === 'callback' ? <AuthCallbackPage /> : <LoginPage />;
  }
  if (segments[0] === 'login') return <Redirect to={homePath(user)} />;

  const selected = segments[0] === 'applications' ? 'inbox' : segments[0] === 'accept' ? 'catalog' : (segments[0] ?? '');
  const items = NAV.filter((n) => n.visible(user)).map((n) => ({
    key: n.key,
    icon: n.icon,
    label: (
      <Tooltip title={`Alt+${n.hotkey}`} placement="bottom">
        <a href={n.path} onClick={(e) => { e.preventDefault(); navigate(n.path); }} data-testid={`nav-${n.key}`}>{n.label}</a>
      </Tooltip>
    ),
  }));

  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Header className="ow-header">
        <span className="ow-brand">一窗通办 · 综合窗口</span>
        <Menu theme="dark" mode="horizontal" selectedKeys={[selected]} items={[...items, ...featureMenuItems(user)]} />
        {citizen && (
          <Tag color="gold" style={{ marginLeft: 12 }} data-testid="current-citizen">
            正在办理：{citizen.name}
          </Tag>
        )}
        <span className="ow-user" data-testid="current-user">
          {user.displayName}（{user.roles.map((r) => ROLE_LABELS[r] ?? r).join('、')}
          {user.policeType ? ` · ${POLICE_TYPE_LABELS[user.policeType] ?? user.policeType}` : ''}）· {user.unitName}
        </span>
        <Space style={{ marginLeft: 12 }}>
          <Button icon={<LogoutOutlined />} size="small" onClick={() => void logout()} data-testid="logout">
            退出
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content className="ow-content">
        <QueueBar user={user} />
        <Page user={user} />
      </Layout.Content>
    </Layout>
  );
}
