export * from './compile';
export * from './engine';
export * from './text';
export * from './nodes/registry';
export { inStock, variantsOf } from './catalog';
