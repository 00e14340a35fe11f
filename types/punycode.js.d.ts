// punycode.js ships no types: the one function PyPI Guard calls. A default import works both
// through Vite (its ES module) and in Node (its CommonJS build).
declare module 'punycode.js' {
  const punycode: { toUnicode(domain: string): string };
  export default punycode;
}
