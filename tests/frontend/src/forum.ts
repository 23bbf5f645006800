// src/forum.ts
import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { graphql } from './gql';

const ForumPage = graphql(`
  query ForumPage($id: ID!) {
    forum(where: { contentItemId: $id }, first: 1) {
      displayText
      subtitle
      startDate
      endDate
      venue
      htmlBody { html }
      partnerCities {
        contentItems { ... on PartnerCity { displayText endonym country } }
      }
    }
  }
`);

const baseUrl = 'https://twinning.example.org';

/** Runs a query whose result and variables are typed by the generated document. */
async function query<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables, token?: string): Promise<TResult> {
  const response = await fetch(`${baseUrl}/api/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: TResult; errors?: { message: string }[] };
  if (!response.ok || body.errors?.length || !body.data) {
    throw new Error(body.errors?.map(e => e.message).join('; ') ?? `HTTP ${response.status}`);
  }
  return body.data;
}

const { forum } = await query(ForumPage, { id: '4v0wkw3exm2c6rkn0yanjm0p8a' });
const page = forum?.[0];
// page?.startDate is a string, page?.partnerCities?.contentItems a list of { displayText, endonym, country } or
// of the other content types (narrow with __typename if you ask for it).
console.log(page?.displayText, page?.partnerCities?.contentItems?.length);
