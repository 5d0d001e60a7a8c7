/** Characters XML 1.0 cannot carry (controls, lone surrogates, U+FFFE/FFFF). */
const XML_INVALID =
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

/** Text XML 1.0 can carry: every character it cannot becomes U+FFFD. */
export function xmlSafe(text: string): string {
  return text.replace(XML_INVALID, '\ufffd');
}
