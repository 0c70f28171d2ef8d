# The Quartermaster app image: one image, several processes (api, projectors, consumers) chosen by command.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund && touch node_modules/.qm-docker
COPY . .
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 READ_PORT=3001
EXPOSE 3000 3001
ENTRYPOINT ["npx", "tsx", "ops/cli/main.ts"]
CMD ["serve"]
