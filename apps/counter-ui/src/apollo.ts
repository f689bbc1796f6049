import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, from } from '@apollo/client';
import { onError } from '@apollo/client/link/error';
import { LOGOUT_EVENT, storedToken } from './session';

/** Apollo Client against the gateway on the same origin (`/graphql`), token from sessionStorage. */
export function createApolloClient(): ApolloClient<unknown> {
  const auth = new ApolloLink((operation, forward) => {
    const token = storedToken();
    if (token) operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({ headers: { ...headers, authorization: `Bearer ${token}` } }));
    // The purpose of a read (查询事由) also goes in a header, so that the reads it leads to in other
    // services (entity references such as a document's holder) are audited with it (decision 0028).
    const purpose = (operation.variables as { purpose?: unknown }).purpose;
    if (typeof purpose === 'string' && purpose.trim()) {
      operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({ headers: { ...headers, 'x-onewindow-purpose': encodeURIComponent(purpose.trim()) } }));
    }
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
