// oidc-provider ships no type declarations; the browser test uses it as a throwaway issuer only.
declare module 'oidc-provider' {
  const Provider: new (issuer: string, configuration: Record<string, unknown>) => { listen(port: number): import('node:http').Server };
  export default Provider;
}
