// Text files (the default template) are bundled as strings by esbuild's text loader and vitest's plugin.
declare module '*.txt' {
  const text: string;
  export default text;
}
