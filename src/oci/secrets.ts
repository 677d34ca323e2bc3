/**
 * Every credential the OCI client handles (passwords, tokens, their base64 forms) is noted
 * here, and every message the client builds passes through `scrub`: whatever a hostile
 * registry echoes back (an error body, a header), no credential reaches output, logs or
 * errors.
 */
export class Secrets {
  private readonly values = new Set<string>();

  add(value: string | undefined): void {
    // Very short values (an empty password, "x") would blank out ordinary words.
    if (value === undefined || value.length < 4) return;
    this.values.add(value);
    this.values.add(Buffer.from(value).toString('base64'));
    this.values.add(encodeURIComponent(value));
  }

  /** Basic credentials: the pair and its base64 form too. */
  addBasic(user: string, password: string): void {
    this.add(password);
    this.add(`${user}:${password}`);
  }

  scrub(text: string): string {
    let out = text;
    // Longest first: one value can lie inside another (base64 of "user:pass" ends with that of "pass").
    for (const v of [...this.values].sort((a, b) => b.length - a.length)) if (out.includes(v)) out = out.split(v).join('***');
    return out;
  }
}
