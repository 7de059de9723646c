# Build: better-sqlite3 compiles a native addon when no prebuilt binary matches.
FROM node:20-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

# Runtime: the compiled apps and production dependencies only. docker-compose.yml picks the app.
FROM node:20-bookworm-slim
ENV NODE_ENV=production
# V8's young generation at 1 MB instead of 16: the 64 KB buffers a file upload or download goes
# through are freed at the next scavenge, so moving a 200 MB file keeps RSS within ~15 MB of idle
# instead of ~40, and idle is ~25 MB lower (BENCHMARKS.md, section f). Same flag as `npm start`.
ENV NODE_OPTIONS=--max-semi-space-size=1
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
CMD ["node", "dist/apps/standalone/src/main.js"]
