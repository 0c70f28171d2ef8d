import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileParser, JSONInstruction, type Flag, type Instruction } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dockerfile = DockerfileParser.parse(readFileSync(join(root, 'Dockerfile'), 'utf8'));
const buildConfig = JSON.parse(readFileSync(join(root, 'tsconfig.build.json'), 'utf8')) as {
  include: string[];
};

/** The instructions of each stage, by stage name, in order (no Docker engine runs here to build it). */
function stages(): Map<string, Instruction[]> {
  const byStage = new Map<string, Instruction[]>();
  let current: Instruction[] | undefined;
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const name = dockerfile
        .getFROMs()
        .find((from) => from.getRange().start.line === instruction.getRange().start.line);
      current = [];
      byStage.set(name?.getBuildStage() ?? `stage-${byStage.size}`, current);
    }
    current?.push(instruction);
  }
  return byStage;
}

const all = stages();
const names = [...all.keys()];
const final = all.get(names.at(-1)!)!;
const text = (instruction: Instruction) => instruction.getRawArgumentsContent() ?? '';
const of = (instructions: Instruction[], keyword: string) =>
  instructions.filter((i) => i.getKeyword() === keyword);
/** Flags (`--from=build`, `--interval=10s`) are kept apart from the arguments by the parser. */
const flag = (instruction: Instruction, name: string) =>
  ('getFlags' in instruction ? (instruction.getFlags as () => Flag[])() : [])
    .find((f) => f.getName() === name)
    ?.getValue();
const jsonArgs = (instruction: Instruction) =>
  instruction instanceof JSONInstruction ? instruction.getJSONStrings().map((s) => s.getJSONValue()) : null;

describe('the production Dockerfile', () => {
  it('is multi-stage: a build stage compiles, the final stage only copies', () => {
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(of(all.get('build')!, 'RUN').map(text)).toContain('npm run build');
    const fromBuild = of(final, 'COPY').filter((copy) => flag(copy, 'from') === 'build');
    expect(fromBuild.map(text)).toEqual(['/app/dist ./dist']);
  });

  it('copies every folder the build compiles into the build stage', () => {
    const copied = of(all.get('build')!, 'COPY').map((copy) => text(copy).split(/\s+/)[0]);
    for (const folder of buildConfig.include) expect(copied).toContain(folder);
  });

  it('runs on the current Node LTS (24)', () => {
    const image = dockerfile.getARGs().find((arg) => arg.getProperty()?.getName() === 'NODE_IMAGE');
    expect(image?.getProperty()?.getValue()).toMatch(/^node:24[-.]/);
    for (const from of dockerfile.getFROMs()) expect(from.getImageName()).toBe('${NODE_IMAGE}');
  });

  it('has only the runtime dependencies, and neither tsx nor TypeScript, in the final stage', () => {
    const modules = of(final, 'COPY').find((copy) => text(copy).includes('node_modules'))!;
    const from = flag(modules, 'from')!;
    expect(from).not.toBe('build');
    expect(of(all.get(from)!, 'RUN').map(text).join('\n')).toMatch(/npm ci --omit=dev/);
    expect(final.map(text).join('\n')).not.toMatch(/\btsx\b|typescript|\.ts\b/);
    expect(final.map(text).join('\n')).not.toMatch(/npm (ci|install)/);
  });

  it('runs as a non-root user', () => {
    const users = of(final, 'USER').map(text);
    expect(users).toHaveLength(1);
    expect(users[0]).not.toMatch(/^(root|0)(:|$)/);
    // Numeric, so that Kubernetes' runAsNonRoot can verify it without reading /etc/passwd.
    expect(users[0]).toMatch(/^\d+(:\d+)?$/);
  });

  it('starts tini as PID 1 in exec form, so SIGTERM reaches node', () => {
    const [entrypoint] = of(final, 'ENTRYPOINT');
    expect(jsonArgs(entrypoint!)).toEqual(['tini', '--', 'node', 'dist/ops/cli/main.js']);
    expect(of(final, 'RUN').map(text).join('\n')).toMatch(/apt-get install .*\btini\b/);
    expect(jsonArgs(of(final, 'CMD')[0]!)).toEqual(['serve']);
  });

  it('has a HEALTHCHECK on the health endpoint', () => {
    const [check] = of(final, 'HEALTHCHECK');
    expect(text(check!)).toMatch(/\/health/);
    expect(flag(check!, 'interval')).toMatch(/^\d+s$/);
    expect(flag(check!, 'timeout')).toMatch(/^\d+s$/);
  });
});
