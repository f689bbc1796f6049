import { ApolloProvider } from '@apollo/client';
import { App as AntApp, ConfigProvider, unstableSetRender } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import './china-time';
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createApolloClient } from './apollo';
import { App } from './App';
import { CitizenProvider } from './citizen';
import { SessionProvider } from './session';
import './styles.css';

// antd 5 on React 19: let antd's imperative parts (wave effect, static holders) render with createRoot.
unstableSetRender((node, container) => {
  const c = container as Element & { _reactRoot?: Root };
  c._reactRoot ??= createRoot(container);
  const root = c._reactRoot;
  root.render(node);
  return async () => {
    await new Promise((r) => setTimeout(r, 0));
    root.unmount();
  };
});

const client = createApolloClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#1d4ed8', fontFamily: "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif" } }}>
      <AntApp>
        <ApolloProvider client={client}>
          <SessionProvider onSignOut={() => void client.clearStore()}>
            <CitizenProvider>
              <App />
            </CitizenProvider>
          </SessionProvider>
        </ApolloProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
