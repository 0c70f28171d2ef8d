import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** One Kubernetes object as written in a manifest (only the fields the checks read are typed). */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
  [field: string]: unknown;
}

export const k8sRoot = import.meta.dirname;
export const overlays = ['embedded-demo', 'production'] as const;

/** Every object in a YAML text of one or more documents; a YAML error throws. */
export function parseObjects(text: string, source: string): KubeObject[] {
  return parseAllDocuments(text).flatMap((document) => {
    if (document.errors.length > 0) throw new Error(`${source}: ${document.errors.join('; ')}`);
    const object = document.toJS() as KubeObject | null;
    return object ? [object] : [];
  });
}

/**
 * The objects a kustomization lists under `resources` (its own files and, through folders, the
 * base's), as written: patches are left out, they are partial objects checked once rendered.
 */
export function kustomizationResources(folder: string): { file: string; object: KubeObject }[] {
  const kustomization = parseObjects(readFileSync(join(folder, 'kustomization.yaml'), 'utf8'), folder)[0] as {
    resources?: string[];
  };
  return (kustomization.resources ?? []).flatMap((resource) => {
    const path = join(folder, resource);
    if (!resource.endsWith('.yaml')) return kustomizationResources(path);
    return parseObjects(readFileSync(path, 'utf8'), path).map((object) => ({ file: path, object }));
  });
}

/** The kubernetes-models class for an object's apiVersion and kind (`apps/v1` → `apps/v1/Deployment`). */
export async function validateObject(object: KubeObject): Promise<void> {
  const modelPath = `kubernetes-models/${object.apiVersion}/${object.kind}`;
  const module = (await import(modelPath)) as Record<string, new (data: unknown) => { validate(): void }>;
  const Model = module[object.kind];
  if (!Model) throw new Error(`${modelPath} has no ${object.kind}`);
  new Model(object).validate();
}
