# The bot as deployed: compiled to dist/ in a build stage, run by node under tini (PID 1, so the
# SIGTERM of `docker stop` reaches it and it stops cleanly: drains for up to 5 s, releases the lock).
# Node is pinned to a release of the current LTS line; bump it deliberately.
# The data file lives on a volume owned by the image's non-root user (uid 1000, `node`).

FROM node:26.10.0-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` would build before the sources are here; the build is the next step.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build

FROM node:26.10.0-slim
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production \
  DATA_FILE=/app/data/db.json \
  PORT=3000
COPY package.json package-lock.json ./
# Production dependencies only: no TypeScript, no tsx, no test tools.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY templates ./templates
# The bot scopes an OAuth install asks for are read from the manifest.
COPY manifest.json ./
COPY knowledge/guide.yaml ./knowledge/guide.yaml
# The PostgreSQL schema (DATABASE_URL), run at start-up by dist/store/postgres/pool.js.
COPY migrations ./migrations
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/main.js"]
