# ThroughRate: the HTTP service with the bundled rules. Build: docker build -t throughrate .
# Run: docker run -p 3000:3000 -v throughrate-data:/data throughrate   (see compose.yaml for PostgreSQL)
# scripts/docker-steps.sh runs these same steps without Docker.

# Build stage: every dependency, TypeScript compiled to dist/.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# Runtime stage: production dependencies, the build, the rules; run as the image's unprivileged user "node".
FROM node:20-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY rules ./rules
COPY bin ./bin
# Issued quotes (PGlite) live in /data unless DATABASE_URL names a PostgreSQL.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# SIGTERM: the server stops accepting, gives requests SHUTDOWN_GRACE_MS, then exits (docker stop waits 10 s).
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/server.js"]
