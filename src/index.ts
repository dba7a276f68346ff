// The package root re-exports the v2 core: `import … from 'skyflow-bridge'`
// is the same as `import … from 'skyflow-bridge/v2'`.
export * from './v2/index.js';
