# syntax=docker/dockerfile:1
# Multi-stage production image. The runtime stage holds only Next's standalone server (the files it
# traces), static assets, the migration CLI bundled into one file with the schema engine's wasm,
# and the operator CLI bundled the same way (`docker compose exec app node scripts/admin.mjs …`):
# no dev dependencies, no tsx, no sources. Migrations are applied on every start.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/prisma-generate.ts scripts/
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT=standalone
RUN npm run build && npm run build:migrator -- dist/scripts/db/migrate.mjs && npm run build:admin -- dist/scripts/admin.mjs

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOST=0.0.0.0
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/public ./public
COPY --from=build --chown=node:node /app/prisma ./prisma
COPY --from=build --chown=node:node /app/dist/scripts/db/migrate.mjs ./scripts/db/migrate.mjs
COPY --from=build --chown=node:node /app/dist/scripts/admin.mjs ./scripts/admin.mjs
# Our server (as `npm start` runs it) rather than Next's server.js: it drains on SIGTERM, exits with
# one line when it cannot listen, and appends the peer to X-Forwarded-For (see TRUST_PROXY).
COPY --from=build --chown=node:node /app/scripts/server.mjs ./scripts/server.mjs
COPY --from=build --chown=node:node /app/lib/core/log-options.mjs ./lib/core/log-options.mjs
COPY --from=build --chown=node:node /app/lib/observability/http.mjs ./lib/observability/http.mjs
COPY --from=build --chown=node:node /app/lib/observability/windowed.mjs ./lib/observability/windowed.mjs
# Traces (OTEL_EXPORTER_OTLP_ENDPOINT): lib/observability/tracing.mjs and the SDK packages it loads
# are in .next/standalone already, added to Next's file trace by next.config.ts (tracingFiles()).
# The migration CLI loads the engine that `prisma` ships as WebAssembly (scripts/db/schema-engine.ts).
COPY --from=build --chown=node:node /app/node_modules/prisma/package.json ./node_modules/prisma/package.json
COPY --from=build --chown=node:node /app/node_modules/prisma/build/schema_engine_bg.wasm ./node_modules/prisma/build/schema_engine_bg.wasm
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]
CMD ["sh", "-c", "node scripts/db/migrate.mjs deploy && exec node scripts/server.mjs"]
