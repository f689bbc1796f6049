import type { ApolloServerPlugin } from '@apollo/server';
import { purposeFromHeader, PURPOSE_HEADER, stripSealedSubjectRefs } from '@onewindow/platform';

/**
 * Sealed subject keys (`<masked>~<token>`, platform sealed-subject-ref.ts) travel between the
 * subgraphs so an entity reference still resolves when the viewer may not read the ID number; the
 * client only ever sees the masked part.
 */
export function sealedSubjectRefsPlugin(): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ response }) {
          if (response.body.kind === 'single' && response.body.singleResult.data) {
            response.body.singleResult.data = stripSealedSubjectRefs(response.body.singleResult.data);
          }
          return Promise.resolve();
        },
      });
    },
  };
}

/** The request's purpose (查询事由) from the client's header, re-encoded for the subgraphs. */
export function forwardedPurpose(headers: Record<string, string | string[] | undefined>): string | undefined {
  const purpose = purposeFromHeader(headers[PURPOSE_HEADER]);
  return purpose ? encodeURIComponent(purpose) : undefined;
}
