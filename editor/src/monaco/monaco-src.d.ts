/** Monaco's own files, imported for their side effects (see monaco-lean.ts). */
declare module 'monaco-src/*';
