// Security rules that can be checked in the source: no HTML is ever built from text (user text
// reaches the page only as text nodes), no eval, and every page carries a strict CSP.
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, readRepoFile } from './support/trials';
import { codeOnly, tsFilesUnder } from './support/sourceScan';

const HTML_SINKS = /\.(innerHTML|outerHTML)\s*=|\binsertAdjacentHTML\s*\(|\bdocument\s*\.\s*write(ln)?\s*\(|\bcreateContextualFragment\s*\(|\bDOMParser\b|\bsrcdoc\b/;
const EVAL = /\beval\s*\(|\bnew\s+Function\s*\(|\bFunction\s*\(\s*['"`]|\bset(Timeout|Interval)\s*\(\s*['"`]/;

function securityProblems(code: string): string[] {
  const out: string[] = [];
  const sink = HTML_SINKS.exec(code);
  if (sink) out.push(`builds HTML from text (${sink[0].trim()})`);
  const ev = EVAL.exec(code);
  if (ev) out.push(`evaluates text as code (${ev[0].trim()})`);
  return out;
}

/** The policy's directives as a map, from a page's meta tag. */
function policyOf(html: string): Map<string, string[]> | null {
  const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  if (!m) return null;
  return new Map(m[1]!.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map((d) => [d[0]!, d.slice(1)]));
}

describe('security', () => {
  it('no source file turns text into HTML or code', () => {
    const problems: string[] = [];
    const files = tsFilesUnder(join(REPO_ROOT, 'src'));
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      for (const p of securityProblems(codeOnly(readRepoFile(relative(REPO_ROOT, file))))) problems.push(`${relative(REPO_ROOT, file)}: ${p}`);
    }
    expect(problems).toEqual([]);
  });

  it('the checker catches each kind of sink', () => {
    expect(securityProblems('el.innerHTML = title;')).toHaveLength(1);
    expect(securityProblems('el.outerHTML=x')).toHaveLength(1);
    expect(securityProblems("el.insertAdjacentHTML('beforeend', t)")).toHaveLength(1);
    expect(securityProblems('document.write(x)')).toHaveLength(1);
    expect(securityProblems('const d = new DOMParser()')).toHaveLength(1);
    expect(securityProblems('eval(text)')).toHaveLength(1);
    expect(securityProblems('const f = new Function(src)')).toHaveLength(1);
    expect(securityProblems("setTimeout('go()', 5)")).toHaveLength(1);
    expect(securityProblems('el.textContent = title; const x = el.innerHTML;')).toEqual([]);
  });

  it('every page has a strict Content Security Policy: scripts only from its own origin, no inline script, no eval', () => {
    for (const page of ['index.html', 'learn.html', 'experiment.html', 'plan.html', 'studio.html']) {
      const html = readRepoFile(page);
      const policy = policyOf(html);
      expect(policy, `${page} has a CSP meta tag`).not.toBeNull();
      expect(policy!.get('default-src')).toEqual(["'self'"]);
      const scripts = policy!.get('script-src') ?? [];
      expect(scripts).toContain("'self'");
      expect(scripts.filter((s) => s !== "'self'" && s !== "'wasm-unsafe-eval'"), `${page}: script-src allows only the page's own scripts (and compiling wasm)`).toEqual([]);
      expect(policy!.get('object-src')).toEqual(["'none'"]);
      // The page's own markup has no inline script and no inline event handler.
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
      expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    }
  });
});
