// src/content.ts
import createClient from 'openapi-fetch';
import type { paths, components } from './twinning-api';

type ContentItem = components['schemas']['ContentItem'];

const api = createClient<paths>({ baseUrl: 'https://twinning.example.org' });
const token = 'an access token from /connect/token (see Authentication below)';

const { data: site } = await api.GET('/api/site');
// site: components['schemas']['SiteFacts'] | undefined
console.log(site?.siteName, site?.supportedCultures);

const { data: page, error } = await api.GET('/api/content', {
  params: { query: { contentType: 'Forum', culture: 'pl-PL', take: '20' } },
});
if (error) {
  // error: components['schemas']['ProblemDetails']; errors names each parameter refused.
  console.error(error.status, error.title, error.errors);
} else {
  console.log(`${page.items.length} of ${page.total}`);
  for (const forum of page.items) {
    // The envelope is typed; parts and fields are keyed by name: declare the ones you read.
    const title = forum.TitlePart as { Title?: string } | undefined;
    console.log(forum.ContentItemId, forum.PublishedUtc, title?.Title ?? forum.DisplayText);
  }
}

/** Renames an item as a draft; refused with 412 if a newer version was saved since `item` was read. */
async function rename(token: string, item: ContentItem, title: string): Promise<ContentItem> {
  const { data, error, response } = await api.POST('/api/content', {
    params: { query: { draft: true } },
    body: { ContentItemId: item.ContentItemId, ContentType: item.ContentType, TitlePart: { Title: title } },
    headers: { Authorization: `Bearer ${token}`, 'If-Match': `"${item.ContentItemVersionId}"` },
  });
  if (error) {
    // A content item that is not valid: messages gives each message's key and arguments, by field.
    const keys = Object.entries(error.messages ?? {}).map(([field, list]) => `${field}: ${list.map(m => m.key).join(', ')}`);
    throw new Error(`${response.status} ${error.title}: ${keys.join('; ') || error.detail}`);
  }
  // The saved version's tag, for the next write's If-Match.
  console.log(response.headers.get('ETag'));
  return data;
}

const { data: forum } = await api.GET('/api/content/{contentItemId}', {
  params: { path: { contentItemId: '4v0wkw3exm2c6rkn0yanjm0p8a' } },
});
if (forum) {
  await rename(token, forum, 'Forum 2013');
}
