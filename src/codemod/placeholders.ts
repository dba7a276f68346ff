// Generated code names v2 and migrate exports by placeholders until the
// file's imports are settled (imports.ts): only then is it known whether an
// export keeps its own name or needs an alias.

/** The package subpaths the rewritten code imports from. */
export const V2_MODULE = 'skyflow-bridge/v2';
export const MIGRATE_MODULE = 'skyflow-bridge/migrate';

export type ImportModule = typeof V2_MODULE | typeof MIGRATE_MODULE;

const PREFIX = { [V2_MODULE]: '__skyflowBridgeV2_', [MIGRATE_MODULE]: '__skyflowBridgeMigrate_' } as const;

/** A placeholder in generated text, with its module kind and export name as groups. */
export const PLACEHOLDER = /__skyflowBridge(V2|Migrate)_([A-Za-z_$][\w$]*)/g;

export function placeholder(module: ImportModule, name: string): string {
  return PREFIX[module] + name;
}

export function moduleOfPlaceholder(kind: string): ImportModule {
  return kind === 'V2' ? V2_MODULE : MIGRATE_MODULE;
}

/** The width `text` will have once its placeholders are names again. */
export function printedWidth(text: string): number {
  return text.replace(PLACEHOLDER, '$2').length;
}
