// Checks of what the user types into the inspector, run on every keystroke. Each returns null
// when the text is acceptable, or a short sentence saying what is wrong. They mirror the rules
// the Rust loader applies, so a value accepted here is accepted when the file is saved.

export type Validator = (text: string) => string | null;

/** Ids: a letter or digit, then letters, digits, `-`, `_` or `.`; at most 128 characters. */
export function validateId(text: string, taken: Set<string>): string | null {
  if (!text) return "An id is required.";
  if (text.length > 128) return "Ids are at most 128 characters.";
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(text)) {
    return "Use letters, digits, '-', '_' or '.', starting with a letter or digit.";
  }
  if (taken.has(text)) return `Another element already has the id '${text}'.`;
  return null;
}

export const required: Validator = (text) => (text.trim() ? null : "This field is required.");

export const cidr: Validator = (text) => {
  if (!text) return null;
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (!match) return "Write an IPv4 block such as 10.0.0.0/16.";
  if (match.slice(1, 5).some((octet) => Number(octet) > 255)) return "Each part of the address is 0 to 255.";
  const bits = Number(match[5]);
  if (bits > 32) return "The prefix length is 0 to 32.";
  const address = match.slice(1, 5).reduce((value, octet) => value * 256 + Number(octet), 0);
  const hostBits = 32 - bits;
  if (hostBits > 0 && address % 2 ** hostBits !== 0) return `Host bits are set; the block starts lower than ${text.split("/")[0]}.`;
  return null;
};

export const accountId: Validator = (text) => (!text || /^\d{12}$/.test(text) ? null : "An AWS account id is 12 digits.");

export const region: Validator = (text) =>
  !text || /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/.test(text) ? null : "Write a region code such as eu-west-1.";

export const availabilityZone: Validator = (text) =>
  !text || /^[a-z]{2}(-gov)?-[a-z]+-\d[a-z]$/.test(text) ? null : "Write a zone such as eu-west-1a.";

/** Ports: numbers 0 to 65535 or ranges `from-to`, separated by commas. */
export const ports: Validator = (text) => {
  if (!text.trim()) return null;
  for (const part of text.split(",")) {
    const trimmed = part.trim();
    const match = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(trimmed);
    if (!match) return `'${trimmed}' is not a port or a range such as 1024-65535.`;
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (from > 65535 || to > 65535) return "Ports go from 0 to 65535.";
    if (from > to) return `The range ${trimmed} ends before it starts.`;
  }
  return null;
};

/** Parses text already accepted by `ports` into the model's form (numbers, or "from-to"). */
export function parsePorts(text: string): (number | string)[] {
  return text
    .split(",")
    .map((part) => part.trim().replace(/\s+/g, ""))
    .filter(Boolean)
    .map((part) => (part.includes("-") ? part : Number(part)));
}

export const wholeNumber: Validator = (text) =>
  !text || (/^\d+$/.test(text) && Number(text) <= 4294967295) ? null : "Write a whole number.";

export const positiveNumber: Validator = (text) =>
  wholeNumber(text) ?? (text && Number(text) === 0 ? "Write a number greater than 0." : null);

/** IAM actions: `service:Action`, with `*` wildcards, or `*` alone. */
export const iamActions: Validator = (text) => {
  for (const action of splitList(text)) {
    if (action !== "*" && !/^[a-z0-9-]+:[A-Za-z0-9*?]+$/.test(action)) {
      return `'${action}' is not an IAM action such as s3:GetObject.`;
    }
  }
  return null;
};

export const domainName: Validator = (text) =>
  !text || /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/i.test(text) ? null : "Write a DNS name such as app.example.com.";

/** An egress allow-list: DNS names, a leading dot allowing every subdomain (`.example.com`). */
export const domainList: Validator = (text) => {
  for (const value of splitList(text)) {
    if (!/^\.?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/i.test(value)) {
      return `'${value}' is not a domain such as api.example.com or .example.com.`;
    }
  }
  return null;
};

/** The prefix of a Cognito hosted domain: lower-case letters, digits and inner hyphens. */
export const domainPrefix: Validator = (text) =>
  !text || /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(text) ? null : "Use lower-case letters, digits and hyphens, such as shop-sign-in.";

/** OAuth redirect URLs: HTTPS, or HTTP on localhost for development, as Cognito accepts. */
export const callbackUrls: Validator = (text) => {
  for (const value of splitList(text)) {
    try {
      const parsed = new URL(value);
      if (parsed.protocol !== "https:" && !(parsed.protocol === "http:" && parsed.hostname === "localhost")) {
        return `'${value}' must use https:// (http:// only on localhost).`;
      }
    } catch {
      return `'${value}' is not a full URL such as https://app.example.com/callback.`;
    }
  }
  return null;
};

export const url: Validator = (text) => {
  if (!text) return null;
  try {
    const parsed = new URL(text);
    return parsed.protocol === "https:" ? null : "Identity providers are reached over https://.";
  } catch {
    return "Write a full URL such as https://login.example.com.";
  }
};

export const arn: Validator = (text) => {
  for (const value of splitList(text)) {
    if (!/^arn:aws[a-z-]*:[a-z0-9-]*:[a-z0-9-]*:(\d{12}|aws)?:.+$/.test(value)) {
      return `'${value}' is not an ARN such as arn:aws:iam::aws:policy/ReadOnlyAccess.`;
    }
  }
  return null;
};

/** JSON that must parse to an array (policy statements, principals, access keys). */
export const jsonArray: Validator = (text) => {
  if (!text.trim()) return null;
  try {
    return Array.isArray(JSON.parse(text)) ? null : "Write a JSON list: [ ... ].";
  } catch (error) {
    return `Not valid JSON: ${(error as Error).message}`;
  }
};

/** Splits a comma- or newline-separated list, dropping blanks. */
export function splitList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
}
