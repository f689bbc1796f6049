import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, from } from '@apollo/client';
import { onError } from '@apollo/client/link/error';
import { LOGOUT_EVENT, storedToken } from './session';

/** Apollo Client against the gateway on the same origin (`/graphql`), token from sessionStorage. */
export function createApolloClient(): ApolloClient<unknown> {
  const auth = new ApolloLink((operation, forward) => {
    const token = storedToken();
    if (token) operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({ headers: { ...headers, authorization: `Bearer ${token}` } }));
    return forward(operation);
  });

  const signOutOnExpiry = onError(({ graphQLErrors, networkError, operation }) => {
    if (operation.operationName === 'Login') return;
    const expired =
      graphQLErrors?.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED') ||
      (networkError && 'statusCode' in networkError && networkError.statusCode === 401);
    if (expired && storedToken()) window.dispatchEvent(new Event(LOGOUT_EVENT));
  });

  return new ApolloClient({
    link: from([signOutOnExpiry, auth, new HttpLink({ uri: '/graphql' })]),
    cache: new InMemoryCache({
      typePolicies: {
        Application: { keyFields: ['number'] },
        InboxApplication: { keyFields: ['number'] },
        CatalogItem: { keyFields: ['code'] },
        Person: { keyFields: ['idNumber'] },
        OneTimeNotice: { keyFields: ['number'] },
      },
    }),
    defaultOptions: {
      watchQuery: { fetchPolicy: 'cache-and-network', errorPolicy: 'none' },
      query: { fetchPolicy: 'network-only' },
    },
  });
}
