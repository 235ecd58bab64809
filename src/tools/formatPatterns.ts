const year = String.raw`[0-9]{4}`;
const leapYear = String.raw`(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)`;
const date = String.raw`(?:${year}-(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|${year}-(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|${year}-02-(?:0[1-9]|1[0-9]|2[0-8])|${leapYear}-02-29)`;
const time = String.raw`(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]{1,9})?(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])`;
const octet = String.raw`(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])`;
const h16 = "[0-9a-f]{1,4}";
const ls32 = String.raw`(?:${h16}:${h16}|${octet}(?:\.${octet}){3})`;
/** RFC 3986's IPv6address, alternative by alternative. */
const ipv6 = [
    `(?:${h16}:){6}${ls32}`,
    `::(?:${h16}:){5}${ls32}`,
    `(?:${h16})?::(?:${h16}:){4}${ls32}`,
    `(?:(?:${h16}:){0,1}${h16})?::(?:${h16}:){3}${ls32}`,
    `(?:(?:${h16}:){0,2}${h16})?::(?:${h16}:){2}${ls32}`,
    `(?:(?:${h16}:){0,3}${h16})?::${h16}:${ls32}`,
    `(?:(?:${h16}:){0,4}${h16})?::${ls32}`,
    `(?:(?:${h16}:){0,5}${h16})?::${h16}`,
    `(?:(?:${h16}:){0,6}${h16})?::`
].join("|");
/** A DNS label of at most 32 characters; seven labels at most keep a name under 253 characters. */
const label = "[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?";
const hostname = `${label}(?:\\.${label}){0,6}`;
const digits = "[0-9]{1,9}";
const timePart = `T(?:${digits}H(?:${digits}M)?(?:${digits}S)?|${digits}M(?:${digits}S)?|${digits}S)`;
const datePart = `(?:${digits}Y(?:${digits}M)?(?:${digits}D)?|${digits}M(?:${digits}D)?|${digits}D)`;
const unreserved = String.raw`a-z0-9\-._~!$&'()*+,;=`;
const uri = `^[a-z][a-z0-9+\\-.]{0,15}://${hostname}(?::[0-9]{1,5})?(?:/[${unreserved}:@]*){0,16}(?:\\?[${unreserved}:@/?]*)?$`;
const email = `^[a-z0-9!#$%&'*+/=?^_\`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_\`{|}~-]+){0,8}@${label}(?:\\.${label}){1,5}$`;

/**
 * The formats the call grammar enforces, each as a regular expression (compiled like a `pattern`,
 * see patternGbnf) matching a subset of what the format's validator (ajv-formats, full mode)
 * accepts: every value it writes passes the check, though not every valid value can be written
 * (dates are RFC 3339 full-dates with leap years; times need a zone; hostnames have at most seven
 * labels of 32 characters; URIs are `scheme://host[:port][/path][?query]` without
 * percent-escapes, and stand for URI and IRI references too; pointers have at most 16 steps;
 * base64 `byte` strings at most 1,027 characters). Formats not listed are annotations or checked
 * only (see normalizeSchema).
 */
export const formatPatterns: Readonly<Record<string, {pattern: string, ignoreCase: boolean}>> = {
    "date": {pattern: `^${date}$`, ignoreCase: false},
    "time": {pattern: `^${time}$`, ignoreCase: false},
    "date-time": {pattern: `^${date}T${time}$`, ignoreCase: false},
    "duration": {pattern: `^P(?:${datePart}(?:${timePart})?|${timePart}|${digits}W)$`, ignoreCase: false},
    "uuid": {pattern: "^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$", ignoreCase: true},
    "email": {pattern: email, ignoreCase: true},
    "hostname": {pattern: `^${hostname}$`, ignoreCase: true},
    "ipv4": {pattern: `^${octet}(?:\\.${octet}){3}$`, ignoreCase: false},
    "ipv6": {pattern: `^(?:${ipv6})$`, ignoreCase: true},
    "uri": {pattern: uri, ignoreCase: true},
    // Formats whose values include those above: the grammar writes the narrower ones.
    "uri-reference": {pattern: uri, ignoreCase: true},
    "iri": {pattern: uri, ignoreCase: true},
    "iri-reference": {pattern: uri, ignoreCase: true},
    "idn-email": {pattern: email, ignoreCase: true},
    "idn-hostname": {pattern: `^${hostname}$`, ignoreCase: true},
    "iso-time": {pattern: `^${time}$`, ignoreCase: false},
    "iso-date-time": {pattern: `^${date}T${time}$`, ignoreCase: false},
    "json-pointer": {pattern: "^(?:/(?:[^~/]|~0|~1)*){0,16}$", ignoreCase: false},
    "relative-json-pointer": {pattern: "^(?:0|[1-9][0-9]{0,8})(?:#|(?:/(?:[^~/]|~0|~1)*){0,16})$", ignoreCase: false},
    "byte": {pattern: "^(?:[A-Za-z0-9+/]{4}){0,256}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$", ignoreCase: false}
};
