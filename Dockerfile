# syntax=docker/dockerfile:1
# The Quartermaster image: one image, several processes chosen by command (docs/deployment.md):
#   serve (both APIs), project (standby projectors), migrate, and the fan-out (dist/ops/compose/fanout-main.js).
# Three stages: compile TypeScript with the dev dependencies, install the runtime dependencies alone,
# then copy both into a clean image that has neither tsx nor TypeScript.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY domain ./domain
COPY ports ./ports
COPY commands ./commands
COPY projections ./projections
COPY read-api ./read-api
COPY write-api ./write-api
COPY infra ./infra
COPY ops ./ops
COPY consumers ./consumers
RUN npm run build

FROM ${NODE_IMAGE} AS runtime-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
# tini is PID 1: it forwards SIGTERM to node (which drains and closes the stores) and reaps zombies.
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
  HOST=0.0.0.0 \
  PORT=3000 \
  READ_PORT=3001 \
  QM_DATA_DIR=/var/lib/quartermaster
WORKDIR /app
COPY --from=runtime-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# The embedded mode's data root (PGlite, chDB) is the only place the app writes; mount a volume there.
RUN mkdir -p /var/lib/quartermaster && chown 1000:1000 /var/lib/quartermaster
# The base image's `node` user, by number so that Kubernetes' runAsNonRoot can check it.
USER 1000:1000
EXPOSE 3000 3001
# The read API's /health reads the event store's head: it fails when the process cannot serve.
# Processes without HTTP (project, fan-out) turn it off in compose; Kubernetes uses its own probes.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.READ_PORT || 3001) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["tini", "--", "node", "dist/ops/cli/main.js"]
CMD ["serve"]
