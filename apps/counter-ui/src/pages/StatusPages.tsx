import { Button, Result, Space } from 'antd';
import { ROLE_LABELS, label } from '../labels';
import { navigate } from '../router';
import type { SessionUser } from '../session';

function Actions({ home }: { home: string }) {
  return (
    <Space>
      <Button type="primary" onClick={() => navigate(home, { replace: true })} data-testid="go-home">
        返回首页
      </Button>
      {history.length > 1 && <Button onClick={() => history.back()}>返回上一页</Button>}
    </Space>
  );
}

/** 404: an address with no screen behind it (mistyped, or an old bookmark). */
export function NotFoundPage({ path, home }: { path: string; home: string }) {
  return (
    <div data-testid="not-found">
      <Result
        status="404"
        title="页面不存在"
        subTitle={`地址“${path}”没有对应的页面。请检查地址是否输入正确，或从菜单进入；书签可能已过期。`}
        extra={<Actions home={home} />}
      />
    </div>
  );
}

/** 403: a screen the signed-in role may not use, refused before it renders. */
export function ForbiddenPage({ screenLabel, user, home }: { screenLabel: string; user: SessionUser; home: string }) {
  const roles = user.roles.map((r) => label(ROLE_LABELS, r)).join('、');
  return (
    <div data-testid="forbidden">
      <Result
        status="403"
        title="无权使用此页面"
        subTitle={`您的角色（${roles}）不能使用“${screenLabel}”。如需办理，请联系有权限的民警或督察；请从菜单进入您可用的页面。`}
        extra={<Actions home={home} />}
      />
    </div>
  );
}
