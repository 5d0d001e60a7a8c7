// Page structures of big papers, tech sites, broadcasters, WordPress and health sites.
import type { Template } from './page-parts.ts';
import {
  adSlot,
  bodyHtml,
  comments,
  cookieBanner,
  day,
  esc,
  footer,
  giantNav,
  handle,
  humanDate,
  jsonLd,
  newsletter,
  relatedList,
  shareBar,
  shell,
  slugOf,
  textOf,
} from './page-parts.ts';

/** A big paper whose <html> carries feature-flag classes (one containing "Byline"), JSON-LD with Person authors, CSS-in-JS class names. */
export const ledger: Template = (story, url) => {
  const site = 'The Metropolitan Ledger';
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: story.headline,
    description: story.dek,
    url,
    datePublished: story.published,
    dateModified: story.updated,
    inLanguage: story.language,
    author: story.authors.map((name) => ({ '@type': 'Person', name, url: `https://www.ledger.example/by/${slugOf(name)}` })),
    publisher: { '@type': 'NewsMediaOrganization', name: site },
  };
  const byline = `<div class="css-1vbt6qk e1jsehar0"><p class="css-aknsld e1jsehar1" itemprop="author" itemscope itemtype="https://schema.org/Person">By ${story.authors.map((name) => `<a href="https://www.ledger.example/by/${slugOf(name)}" class="css-n8ff4n e1jsehar0"><span class="css-1baulvz last-byline" itemprop="name">${esc(name)}</span></a>`).join(' and ')}</p><time class="css-129k401 e16638kd0" datetime="${story.published}">${humanDate(story.published)}</time><span class="css-1h0wf7u">Updated <time datetime="${story.updated ?? story.published}">${humanDate(story.updated ?? story.published)}</time></span></div>`;
  const figure = (caption: string) =>
    `<figure class="css-1w2ajyl e1g7ppur0" aria-label="media" role="group"><div class="css-1xdhyk6 erfvjey0"><picture><img alt="" class="css-rq4mmj" src="https://static.ledger.example/images/photo.jpg"></picture></div><figcaption class="css-jevhq3 ewdxa0s0"><span class="css-cnj6d5 e1z0qqy90">${esc(caption)}</span><span class="css-1ly73wi e1tej78p0"><span class="css-1cz6eam">Credit...</span>Staff Photographer</span></figcaption></figure>`;
  const body = bodyHtml(
    story,
    (index) => (index === 0 && story.captions[0] ? figure(story.captions[0]) : index === 2 ? adSlot : ''),
    (text) =>
      `<div class="css-s99gbd StoryBodyCompanionColumn"><div class="css-53u6y8"><p class="css-at9mc1 evys1bk0">${esc(text)}</p></div></div>`,
  );
  return {
    html: shell({
      lang: story.language,
      htmlClass:
        'story nytapp-vi-article flag-limitFabrikSave-on flag-simpleExtendedByline-on flag-sharetools-on flag-growthBreakingNews-off',
      title: `${story.headline} - ${site}`,
      head: `<meta property="og:title" content="${esc(story.headline)}"><meta property="og:site_name" content="${site}"><meta property="og:url" content="${url}"><link rel="canonical" href="${url}"><meta name="byl" content="By ${esc(story.authors.join(' and '))}"><meta property="article:section" content="${esc(story.section)}"><meta property="article:published_time" content="${story.published}">${story.updated ? `<meta property="article:modified_time" content="${story.updated}">` : ''}${jsonLd(ld)}`,
      body: `<div id="app"><header class="css-ahe4g0 e1m0pzr40">${giantNav(site)}</header><main id="site-content"><div class="css-1wr3we4"><article id="story" class="css-1vxca1d e1lmdhsb0"><header class="css-d92dtp e1h9rw200"><p class="css-1vfgf6s"><a href="/section/${slugOf(story.section)}">${esc(story.section)}</a></p><h1 class="css-1l8buln e1h9rw200" data-testid="headline">${esc(story.headline)}</h1><p class="css-w6ymp8 e1wiw3jv0">${esc(story.dek)}</p>${shareBar}${byline}</header><section name="articleBody" itemprop="articleBody" class="meteredContent css-1r7ky0e">${body}</section><div class="bottom-of-article">${relatedList(story.related, 'Related Content', 'css-1ifw933 related')}</div></article></div></main>${footer(site)}</div>`,
    }),
  };
};

/** A paper with "Follow @handle" buttons in its byline and a meta author filled from them. */
export const capitalPost: Template = (story, url) => {
  const site = 'The Capital Post';
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: story.headline,
    datePublished: story.published,
    dateModified: story.updated,
    isAccessibleForFree: false,
    publisher: { '@type': 'Organization', name: site },
    mainEntityOfPage: url,
  };
  const byline = `<div class="author-byline" data-qa="author-byline">By ${story.authors.map((name) => `<span class="author-name-and-follow"><span class="author-name" data-qa="author-name">${esc(name)}</span><a class="author-follow" href="https://social.example/${handle(name)}" data-qa="follow">Follow @${handle(name)}</a></span>`).join(' and ')}</div>`;
  const figure = (caption: string) =>
    `<figure class="inline-photo"><img src="/photo.jpg" alt=""><figcaption class="pb-caption"><span>${esc(caption)}</span> (Wire photographer/Wire agency)</figcaption></figure>`;
  const body = bodyHtml(
    story,
    (index) => (index === 0 && story.captions[0] ? figure(story.captions[0]) : index === 1 ? newsletter(site) : ''),
    (text) => `<div class="article-body" data-qa="article-body"><p data-el="text" class="font-copy">${esc(text)}</p></div>`,
  );
  return {
    html: shell({
      lang: story.language,
      title: `${story.headline} - ${site}`,
      head: `<meta name="author" content="Follow @${handle(story.authors[0] ?? '')}"><meta property="og:title" content="${esc(story.headline)}"><meta property="og:site_name" content="${site}"><link rel="canonical" href="${url}"><meta name="article:published_time" content="${story.published}">${jsonLd(ld)}`,
      body: `${cookieBanner}<header class="site-header">${giantNav(site)}</header><main><article class="grid-article"><div class="headline-kicker"><a href="/world">${esc(story.section)}</a></div><h1 data-qa="headline">${esc(story.headline)}</h1><h2 class="subheadline">${esc(story.dek)}</h2>${byline}<div class="display-date" data-qa="timestamp">${humanDate(story.published)}</div>${shareBar}<div class="grid-body">${body}</div></article>${relatedList(story.related, 'Read more', 'more-stories')}</main>${footer(site)}`,
    }),
  };
};

/** A tech site: a section label by the byline, a meta author holding the section, no JSON-LD author. */
export const circuit: Template = (story, url) => {
  const site = 'Circuit';
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: story.headline,
    datePublished: story.published,
    dateModified: story.updated,
    articleSection: story.section,
    publisher: { '@type': 'Organization', name: site },
  };
  const figure = (caption: string) =>
    `<figure class="c-shortcodeImage u-clearfix"><div class="c-shortcodeImage_imageContainer"><img src="/img.jpg" alt=""></div><figcaption><span class="c-shortcodeImage_caption">${esc(caption)}</span><span class="c-shortcodeImage_credit">Circuit</span></figcaption></figure>`;
  const body = bodyHtml(story, (index) =>
    index === 0 && story.captions[0]
      ? figure(story.captions[0])
      : index === 2
        ? relatedList(story.related.slice(0, 1), 'Read more', 'c-shortcodeListicle')
        : '',
  );
  return {
    html: shell({
      lang: story.language,
      title: `${story.headline} - ${site}`,
      head: `<meta name="author" content="${esc(story.section)}"><meta property="og:title" content="${esc(story.headline)} - ${site}"><meta property="og:site_name" content="${site}"><meta property="article:section" content="${esc(story.section)}"><link rel="canonical" href="${url}">${jsonLd(ld)}`,
      body: `<div class="c-siteHeader">${giantNav(site)}</div><div class="c-pageArticle"><div class="c-articleHeader"><div class="c-sectionHeading"><a href="/tech/${slugOf(story.section)}/" class="c-sectionHeading_label">${esc(story.section)}</a></div><h1 class="c-contentHeader_headline">${esc(story.headline)}</h1><p class="c-contentHeader_description">${esc(story.dek)}</p><div class="c-globalAuthor"><div class="c-assetAuthor_meta"><span class="c-assetAuthor_name">${story.authors.map((name) => `<a class="c-globalAuthor_link" href="/profiles/${slugOf(name)}/">${esc(name)}</a>`).join(', ')}</span><span class="c-assetAuthor_date"><time datetime="${story.published}">${humanDate(story.published)}</time></span></div></div>${shareBar}</div><div class="c-pageArticle_content"><article class="c-pageArticle_body"><div class="c-ShortcodeContent">${body}</div></article></div>${relatedList(story.related, 'More from Circuit', 'c-relatedContent')}</div>${footer(site)}`,
    }),
  };
};

/** A paper whose og:title carries the columnist's name, with figure captions and rich "Related:" links in the body. */
export const courier: Template = (story, url) => {
  const site = 'The Daily Courier';
  const ld = {
    '@context': 'http://schema.org',
    '@type': 'NewsArticle',
    '@id': url,
    publisher: { '@type': 'Organization', name: site },
    datePublished: story.published,
    dateModified: story.updated,
    author: story.authors.map((name) => ({ '@type': 'Person', name, sameAs: `https://www.courier.example/profile/${handle(name)}` })),
    mainEntityOfPage: url,
  };
  const figure = (caption: string) =>
    `<figure class="dcr-1989ovb" data-spacefinder-role="inline"><div class="dcr-1t8m8f1"><picture><img src="/i.jpg" alt=""></picture></div><figcaption class="dcr-9ktzqp"><svg class="dcr-1q0z3sv"></svg><span class="dcr-1ghqjb4">${esc(caption)}</span></figcaption></figure>`;
  const rich = (title: string) =>
    `<aside class="dcr-qfmxbo" data-spacefinder-role="richLink"><div class="dcr-1hqlr6h"><a href="/story/${slugOf(title)}"><div>Related: <span>${esc(title.replace(/^Related: /u, ''))}</span></div></a></div></aside>`;
  const body = bodyHtml(
    story,
    (index) =>
      index === 0 && story.captions[0]
        ? figure(story.captions[0])
        : index === 1 && story.related[0]
          ? rich(story.related[0])
          : index === 2 && story.captions[1]
            ? figure(story.captions[1])
            : '',
    (text) => `<p class="dcr-1qp23m7">${esc(text)}</p>`,
    (text) => `<h2 id="${slugOf(text)}" class="dcr-1gdgu4e">${esc(text)}</h2>`,
  );
  const author = story.authors[0] ?? '';
  return {
    html: shell({
      lang: story.language,
      title: `${story.headline} | ${author} | ${site}`,
      head: `<meta property="og:title" content="${esc(story.headline)} | ${esc(author)}"><meta property="og:site_name" content="the Daily Courier"><meta property="og:url" content="${url}"><meta name="author" content="${esc(story.authors.join(', '))}"><meta property="article:author" content="https://www.courier.example/profile/${handle(author)}"><meta property="article:section" content="${esc(story.section)}"><meta property="article:published_time" content="${story.published}"><meta property="article:modified_time" content="${story.updated ?? story.published}"><link rel="canonical" href="${url}">${jsonLd(ld)}`,
      body: `<div id="bannerandheader"><header>${giantNav(site)}</header></div><main data-layout="StandardLayout"><div class="dcr-1vbl2q8"><div data-gu-name="headline"><h1 class="dcr-1c1yirl">${esc(story.headline)}</h1></div><div data-gu-name="standfirst"><div class="dcr-1eprrfz"><p>${esc(story.dek)}</p></div></div><div data-gu-name="meta"><div class="dcr-1m4wh8w"><address aria-label="Contributor info"><div class="dcr-1cfpnlw"><a rel="author" href="https://www.courier.example/profile/${handle(author)}" data-link-name="auto tag link">${esc(author)}</a></div></address><details class="dcr-1xjndtj"><summary><span class="dcr-u0h1qy">${humanDate(story.published)}</span></summary><span>Last modified on ${humanDate(story.updated ?? story.published)}</span></details></div>${shareBar}</div><div data-gu-name="body"><div id="maincontent" class="article-body-commercial-selector article-body-viewer-selector dcr-fp1ya">${body}</div></div>${relatedList(story.related.slice(1), 'More on this story', 'dcr-onward')}</div></main>${comments(3)}${footer(site)}`,
    }),
    gold: { updated: day(story.updated ?? story.published) },
  };
};

/** A broadcaster: an Organization author that is the broadcaster itself, the reporter in a byline block, captions, "More on this story". */
export const broadcast =
  (variant: 'standard' | 'dotted-title'): Template =>
  (story, url) => {
    const site = 'Broadcast News';
    const ld = {
      '@context': 'http://schema.org',
      '@type': 'ReportageNewsArticle',
      url,
      ...(variant === 'standard' ? { headline: story.headline } : {}),
      datePublished: story.published,
      dateModified: story.updated,
      author: { '@type': 'NewsMediaOrganization', name: site },
      publisher: { '@type': 'NewsMediaOrganization', name: site },
    };
    const figure = (caption: string) =>
      `<figure class="ssrcss-wpgbih-StyledFigure e34k3c23"><div class="ssrcss-ab5fd8-StyledFigureContainer"><span class="ssrcss-1gnxl8i-Placeholder"><img src="/p.jpg" alt=""></span><span class="ssrcss-1ou6bpe-Copyright">Getty Images</span></div><figcaption class="ssrcss-1jpjtgc-Caption e34k3c21"><span class="ssrcss-1pvwv4b-VisuallyHidden">Image caption, </span>${esc(caption)}</figcaption></figure>`;
    const block = (inner: string) =>
      `<div data-component="text-block" class="ssrcss-7uxr49-RichTextContainer e5tfeyi1"><div class="ssrcss-7uxr49-RichTextComponentWrapper">${inner}</div></div>`;
    const body = bodyHtml(
      story,
      (index) =>
        index === 0 && story.captions[0]
          ? `<div data-component="image-block">${figure(story.captions[0])}</div>`
          : index === 3 && story.captions[1]
            ? `<div data-component="image-block">${figure(story.captions[1])}</div>`
            : '',
      (text) => block(`<p class="ssrcss-1q0x1qg-Paragraph e1jhz7w10">${esc(text)}</p>`),
      (text) => `<div data-component="subheadline-block"><h2 class="ssrcss-y2pd1y-StyledHeading">${esc(text)}</h2></div>`,
    );
    const more =
      story.related.length === 0
        ? ''
        : `<section data-component="links-block" class="ssrcss-1mlcspo-LinksBlock"><div class="ssrcss-1wttw3d-HeadingWrapper"><h2 class="ssrcss-19xsfor-StyledHeading">More on this story</h2></div><ul class="ssrcss-19hnorx-StyledList">${story.related.map((title) => `<li><div class="ssrcss-1xhy1me-Promo"><a href="/news/${slugOf(title)}">${esc(title)}</a></div></li>`).join('')}</ul></section>`;
    return {
      html: shell({
        lang: story.language,
        title: variant === 'standard' ? `${story.headline} - ${site}` : `${site} · ${site}`,
        head: `<meta property="og:title" content="${esc(story.headline)}${variant === 'standard' ? '' : ` · ${site}`}"><meta property="og:site_name" content="${site}"><meta property="og:url" content="${url}"><meta name="article:section" content="${esc(story.section)}"><link rel="canonical" href="${url}">${jsonLd(ld)}`,
        body: `<header data-testid="header">${giantNav(site)}</header><div class="ssrcss-1ocoo3l-Wrap"><main id="main-content" data-testid="main-content" class="ssrcss-1yh1zmq-Main"><article class="ssrcss-pv1rh6-ArticleWrapper"><header class="ssrcss-1eqcsb1-HeadingWrapper"><h1 id="main-heading" class="ssrcss-1s9pby4-Heading">${esc(story.headline)}</h1></header><div data-component="byline-block" class="ssrcss-1cxs2x6-BylineBlock"><div class="ssrcss-68pt20-Text-TextContributorName e8mq1e96">By ${story.authors.map(esc).join(' &amp; ')}</div><div class="ssrcss-84ltp5-Text">${esc(story.section)} correspondent</div></div><time data-testid="timestamp" datetime="${story.published}">${humanDate(story.published)}</time>${shareBar}${body}${more}</article></main><div class="ssrcss-1ocoo3l-Wrap" data-component="most-read"><h2>Most read</h2><ol>${['One', 'Two', 'Three'].map((word) => `<li><a href="/news/${word}">${word} thing happened today</a></li>`).join('')}</ol></div></div>${footer(site)}`,
      }),
    };
  };

/**
 * A WordPress blog whose theme wraps the article in a container whose class words include "meta"
 * ("post-meta-container"), with `entry-meta` bylines and a Yoast JSON-LD `@graph` whose author is an `@id`.
 */
export const wordpress =
  (variant: 'meta-wrapped' | 'yoast'): Template =>
  (story, url) => {
    const site = variant === 'meta-wrapped' ? 'Future Releases' : 'Riverside Observer';
    const person = `${new URL(url).origin}/#/schema/person/${handle(story.authors[0] ?? '')}`;
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', '@id': `${new URL(url).origin}/#website`, name: site },
        { '@type': 'WebPage', '@id': url, url, name: `${story.headline} - ${site}`, breadcrumb: { '@id': `${url}#breadcrumb` } },
        {
          '@type': 'BreadcrumbList',
          '@id': `${url}#breadcrumb`,
          itemListElement: [
            { '@type': 'ListItem', position: 1, name: 'Home', item: new URL(url).origin },
            { '@type': 'ListItem', position: 2, name: story.section },
          ],
        },
        {
          '@type': 'Article',
          '@id': `${url}#article`,
          isPartOf: { '@id': url },
          author: { '@id': person },
          headline: story.headline,
          datePublished: story.published,
          dateModified: story.updated,
          articleSection: [story.section],
        },
        {
          '@type': 'Person',
          '@id': person,
          name: story.authors[0],
          url: `${new URL(url).origin}/author/${handle(story.authors[0] ?? '')}/`,
        },
      ],
    };
    const figure = (caption: string) =>
      `<figure id="attachment_12" class="wp-caption aligncenter"><img class="size-large wp-image-12" src="/wp-content/uploads/a.png" alt=""><figcaption class="wp-caption-text">${esc(caption)}</figcaption></figure>`;
    const body = bodyHtml(
      story,
      (index) => (index === 0 && story.captions[0] ? figure(story.captions[0]) : ''),
      (text) => `<p>${esc(text)}</p>`,
      (text) => `<h3 class="wp-block-heading">${esc(text)}</h3>`,
    );
    const entryMeta = `<div class="entry-meta"><span class="posted-on">Posted on <a href="${url}" rel="bookmark"><time class="entry-date published" datetime="${story.published}">${humanDate(story.published)}</time><time class="updated" datetime="${story.updated ?? story.published}">${humanDate(story.updated ?? story.published)}</time></a></span><span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/${handle(story.authors[0] ?? '')}/">${esc(story.authors[0] ?? '')}</a></span></span></div>`;
    const article = `<article id="post-1234" class="post-1234 post type-post status-publish format-standard hentry category-${slugOf(story.section)}"><header class="entry-header"><h1 class="entry-title">${esc(story.headline)}</h1>${entryMeta}</header><div class="entry-content">${body}</div><footer class="entry-footer"><span class="cat-links">Categories: <a href="/category/${slugOf(story.section)}/" rel="category tag">${esc(story.section)}</a></span><span class="tags-links">Tagged <a href="/tag/release/" rel="tag">release</a></span></footer></article>`;
    const wrapped =
      variant === 'meta-wrapped'
        ? `<div class="post-meta-container timestamp-aware"><div class="content-area">${article}</div></div>`
        : article;
    return {
      html: shell({
        lang: story.language,
        title: `${story.headline} - ${site}`,
        bodyClass: 'post-template-default single single-post postid-1234 single-format-standard',
        head: `<link rel="canonical" href="${url}"><meta property="og:type" content="article"><meta property="og:title" content="${esc(story.headline)} - ${site}"><meta property="og:site_name" content="${site}"><meta property="article:published_time" content="${story.published}">${story.updated ? `<meta property="article:modified_time" content="${story.updated}">` : ''}<meta name="author" content="${esc(story.authors[0] ?? '')}">${variant === 'yoast' ? jsonLd(ld) : ''}<link rel="stylesheet" href="/wp-content/themes/site/style.css">`,
        body: `<div id="page" class="site"><a class="skip-link screen-reader-text" href="#content">Skip to content</a><header id="masthead" class="site-header"><p class="site-title"><a href="/">${site}</a></p><nav id="site-navigation" class="main-navigation"><ul><li><a href="/">Home</a></li><li><a href="/about/">About</a></li><li><a href="/category/releases/">Releases</a></li></ul></nav></header><div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">${wrapped}<nav class="navigation post-navigation"><a href="/prev/" rel="prev">Previous post</a><a href="/next/" rel="next">Next post</a></nav>${comments(2)}</main></div><aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul><li><a href="/a/">Older post one</a></li><li><a href="/b/">Older post two</a></li></ul></section></aside></div>${footer(site)}</div>`,
      }),
    };
  };

/** A health publisher's React page: the body in a container whose class words include "timestamp", many small headings, a reviewed-by line. */
export const healthline: Template = (story, url) => {
  const site = 'Health Matters Today';
  const ld = { '@context': 'https://schema.org', '@type': 'MedicalWebPage', name: story.headline };
  const ld2 = {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: story.headline,
    author: [{ '@type': 'Person', name: story.authors[0] }],
    datePublished: story.published,
    dateModified: story.updated,
    publisher: { '@type': 'Organization', name: site },
  };
  const figure = (caption: string) =>
    `<figure class="css-1k3m4x"><div class="css-image"><img src="/h.jpg" alt=""></div><figcaption class="css-1wsn3k2"><span>${esc(caption)}</span><span class="css-credit">Design by Health Matters Today</span></figcaption></figure>`;
  const body = bodyHtml(
    story,
    (index) =>
      index === 0 && story.captions[0]
        ? figure(story.captions[0])
        : index === 2
          ? `<div class="css-0 article-sign-up"><p>Get our weekly newsletter</p><button>Subscribe</button></div>`
          : '',
    (text) => `<p>${esc(text)}</p>`,
    (text) => `<h2><a id="${slugOf(text)}"></a>${esc(text)}</h2>`,
  );
  return {
    html: shell({
      lang: story.language,
      title: `${story.headline}`,
      head: `<meta property="og:title" content="${esc(story.headline)}"><meta property="og:site_name" content="${site}"><link rel="canonical" href="${url}">${jsonLd(ld)}${jsonLd(ld2)}`,
      body: `<div id="__next"><header class="css-header">${giantNav(site)}</header><div class="css-z468a2 article-body-timestamp"><article class="article-body css-d2znx6 timestamp-visible"><h1>${esc(story.headline)}</h1><div class="css-1ecvk5u article-meta-info"><span>Written by <a href="/authors/${slugOf(story.authors[0] ?? '')}">${esc(story.authors[0] ?? '')}</a></span><span> on ${humanDate(story.published)}</span><span class="css-reviewed">Medically reviewed by <a href="/reviewers/x">Dr. Reviewer, MD</a></span></div><div class="css-z468a2 article-body-timestamp-children">${body}</div><div class="css-sources"><h2>Sources</h2><ul><li>Sleep journal, 2024.</li></ul></div></article></div>${relatedList(story.related, 'Related coverage', 'css-8atqhb related-coverage')}${footer(site)}</div>`,
    }),
    gold: { body: [...story.body.map(textOf), 'Sources', 'Sleep journal, 2024.'] },
  };
};

/** A regional paper: giant menu, cookie banner, inline newsletter and ads, comments, meta author only. */
